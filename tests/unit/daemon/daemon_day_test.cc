// The whole daemon (DaemonCore with its break loop, recorder, prompts,
// reporter and API) in-process on simulated time, with a real SQLite
// history in a temporary directory and the shipped catalog. A working day
// takes a fraction of a second.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "daemon_core.h"
#include "simulated_daemon.h"

namespace limber {
namespace {

using namespace std::chrono_literals;
using rpc::Json;
using testing::RecordingViews;
using testing::ScriptedSource;
using testing::SimulatedTimers;

// Monday 2026-11-23 08:00 UTC.
const WallTime kMonday8am = WallTime{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23}} + 8h;

class SimulatedDaemon : public ::testing::Test {
 protected:
  void SetUp() override {
    // tmpfs when there is one: the history's fsyncs cost nothing there.
    const char* base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : ::testing::TempDir().c_str();
    dir_ = std::filesystem::path(base) / ("limber-day-" + std::to_string(::getpid()) + "-" +
                                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "limber.toml") << "[schedule]\nwork_hours = \"always\"\n";
  }
  void TearDown() override {
    core_.reset();
    std::filesystem::remove_all(dir_);
  }

  void start() {
    ConfigPaths paths;
    paths.user_file = (dir_ / "limber.toml").string();
    paths.policy_dir = (dir_ / "policy.d").string();
    core_ = std::make_unique<DaemonCore>(DaemonDeps{clock_, timers_, views_, paths,
                                                    (dir_ / "history.sqlite3").string(), LIMBER_SOURCE_DATADIR});
    ASSERT_TRUE(core_->start([this](Duration, ActivitySink& sink) {
      auto source = std::make_unique<ScriptedSource>(clock_);
      source->start(nullptr, clock_, Duration{0}, sink, nullptr);
      source_ = source.get();
      return source;
    }));
  }

  Json call(const std::string& method, Json params = Json::object()) {
    ClientContext client;
    const Json request{{"jsonrpc", "2.0"}, {"id", 1}, {"method", method}, {"params", params}};
    const std::string reply = core_->dispatcher().dispatch(request.dump(), client);
    return Json::parse(reply);
  }

  // The user types once a second for `d`.
  void type_for(Duration d) {
    ++bursts_;
    const MonoTime end = clock_.mono() + d;
    while (clock_.mono() < end) {
      source_->input();
      timers_.run_until(clock_.mono() + 1s);
      typed_ += 1s;
      take_due_breaks();
    }
  }
  void away_for(Duration d) { timers_.run_until(clock_.mono() + d); }

  // A break that fell due is started at once, and the user stays away for
  // its length (the countdown ends while nobody types).
  void take_due_breaks() {
    const auto due = views_.of("break.due");
    if (due.size() == answered_) return;
    const Json& b = due[answered_++];
    EXPECT_FALSE(call("break.start").contains("error")) << b.dump();
    away_for(std::chrono::seconds(b["duration_s"].get<int64_t>()) + 2s);
    ++bursts_;  // typing starts again
  }

  SimulatedClock clock_{kMonday8am};
  SimulatedTimers timers_{clock_};
  RecordingViews views_;
  std::filesystem::path dir_;
  std::unique_ptr<DaemonCore> core_;
  ScriptedSource* source_ = nullptr;
  Duration typed_{0};
  int64_t bursts_ = 0;
  size_t answered_ = 0;
};

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

}  // namespace
}  // namespace limber
