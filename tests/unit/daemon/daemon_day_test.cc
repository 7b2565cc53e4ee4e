// The whole daemon (DaemonCore with its break loop, recorder, prompts,
// reporter and API) in-process on simulated time, with a real SQLite
// history in a temporary directory and the shipped catalog. A working day
// takes a fraction of a second.
#include "daemon_fixture.h"

namespace limber {
namespace {

TEST_F(SimulatedDaemon, WorkingDayThroughTheApiRecordsEveryBreakAndTheActiveTime) {
  start();
  for (int block = 0; block < 4; ++block) {
    type_for(50min);
    away_for(12min);  // lunch-sized gaps are natural breaks
  }
  const Json stats = call("stats", Json{{"days", 1}});
  ASSERT_TRUE(stats.contains("result")) << stats.dump();
  const Json& today = stats["result"]["days"][0];
  const Json& micro = today["breaks"]["micro"];
  // 50 min blocks with 20 min intervals: two micro-breaks each, all taken.
  EXPECT_GE(micro["due"].get<int>(), 8) << today.dump();
  EXPECT_EQ(micro["taken"], micro["due"]) << today.dump();
  EXPECT_GE(micro["natural"].get<int>(), 4) << today.dump();
  // Every second typed is active time: each burst of typing is counted
  // from its first input to its last (the test counts a second past the
  // last) plus at most the idle grace (5 s) until idle is noticed.
  const int64_t active = today["active_s"].get<int64_t>();
  const int64_t typed = std::chrono::duration_cast<std::chrono::seconds>(typed_).count();
  EXPECT_GE(active, typed - 2 * bursts_) << bursts_ << " bursts";
  EXPECT_LE(active, typed + 5 * bursts_) << bursts_ << " bursts";
}

TEST_F(SimulatedDaemon, TypingWakesTheDaemonAtDeadlinesNotPerInput) {
  start();
  const uint64_t before = timers_.fired();
  type_for(15min);  // no break falls due (the first is after 20 min)
  ASSERT_TRUE(views_.of("break.due").empty());
  // Once per idle grace (5 s) and the history's minute flush, not once per
  // input (900 inputs); the source reported only the first ones.
  EXPECT_LE(timers_.fired() - before, 15u * 14) << "wake-ups in 15 min";
  EXPECT_LE(source_->reported(), 2u);  // the first input, and the one that confirms it past the noise filter
}

TEST_F(SimulatedDaemon, BreakDueCarriesEverythingThePromptNeeds) {
  start();
  const auto due_before = views_.of("break.due").size();
  EXPECT_FALSE(call("break.now", Json{{"kind", "micro"}}).contains("error"));
  const auto due = views_.of("break.due");
  ASSERT_EQ(due.size(), due_before + 1);
  const protocol::DueBreak d = protocol::due_break_from_json(due.back());
  EXPECT_EQ(d.state.kind, "micro");
  EXPECT_TRUE(d.requested);
  EXPECT_EQ(d.state.postpones_left, 0) << "a break asked for is never offered Postpone";
  EXPECT_TRUE(d.state.can_skip);
  EXPECT_EQ(d.prompt, "window");
  EXPECT_FALSE(d.exercises.empty());
  // status.due is the same model.
  const Json status = call("status");
  const protocol::DueBreak s = protocol::due_break_from_json(status["result"]["due"]);
  EXPECT_EQ(s.id, d.id);
  EXPECT_EQ(s.exercises.size(), d.exercises.size());
}

TEST_F(SimulatedDaemon, RestartContinuesTheTimersAndKeepsTheHistory) {
  start();
  type_for(15min);
  const Json before = call("status")["result"];
  core_.reset();  // a clean stop saves the timers
  away_for(10s);   // shorter than a micro-break: no natural break
  start();
  const Json after = call("status")["result"];
  const double micro_before = before["breaks"][0]["active_s"].get<double>();
  EXPECT_NEAR(after["breaks"][0]["active_s"].get<double>(), micro_before, 6.0) << after.dump();
  type_for(10min);
  const Json stats = call("stats", Json{{"days", 1}});
  EXPECT_EQ(stats["result"]["days"][0]["breaks"]["micro"]["due"], 1) << stats.dump();
}

TEST_F(SimulatedDaemon, RestartContinuesTheBreakNumbering) {
  start();
  call("break.now", Json{{"kind", "rest"}});
  ASSERT_EQ(views_.of("break.due").size(), 1u);
  const uint64_t first = protocol::due_break_from_json(views_.of("break.due").back()).id;
  call("break.skip");
  core_.reset();
  start();
  call("break.now", Json{{"kind", "rest"}});
  ASSERT_EQ(views_.of("break.due").size(), 2u);
  EXPECT_GT(protocol::due_break_from_json(views_.of("break.due").back()).id, first);
}

}  // namespace
}  // namespace limber
