// One test per rule of the break engine (DESIGN.md "The break engine"),
// each on a simulated clock. Times in expectations are clock times of the
// simulated Monday; the default rules apply unless a test says otherwise:
// idle grace 5 s, noise filter 1 s, micro-break 30 s after 20 min, rest
// break 5 min after 55 min, snooze 3 min / 5 min, ignored after 60 s.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine_harness.h"

namespace limber::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr Duration h9 = 9h;

BreakStatus micro(const BreakEngine& e) { return e.status().breaks[0]; }
BreakStatus rest(const BreakEngine& e) { return e.status().breaks[1]; }

// --- activity ---------------------------------------------------------------

TEST(BreakEngineActivity, InputMustLastBeyondNoiseFilterToCountAsActivity) {
  EngineHarness h(micro_only());
  h.at(h9);
  h.engine.input(h.clock.mono());
  h.at(h9 + 500ms);
  h.engine.input(h.clock.mono());
  h.collect();
  EXPECT_FALSE(h.engine.status().active) << "half a second of input is noise";
  h.at(h9 + 1s);
  h.engine.input(h.clock.mono());
  h.collect();
  EXPECT_TRUE(h.engine.status().active);
  EXPECT_THAT(h.all(), ElementsAre("04:00:00 day", "09:00:01 active"));
}

TEST(BreakEngineActivity, SingleStrayInputDoesNotMakeUserActive) {
  EngineHarness h(micro_only());
  h.at(h9);
  h.engine.input(h.clock.mono());
  h.idle(30min);
  EXPECT_FALSE(h.engine.status().active);
  EXPECT_EQ(h.engine.status().active_today, Duration{0});
  EXPECT_THAT(h.all(), ElementsAre("04:00:00 day"));
}

TEST(BreakEngineActivity, NoInputForIdleGraceMakesUserIdle) {
  EngineHarness h(micro_only());
  h.at(h9);
  h.type(1min);  // last input 09:00:59
  h.idle(20s);
  EXPECT_THAT(h.all(), ElementsAre("04:00:00 day", "09:00:01 active", "09:01:04 idle"));
  EXPECT_EQ(h.engine.status().active_today, 59s);
}

TEST(BreakEngineActivity, LockCountsAsIdleAtOnceAndInputWhileLockedIsIgnored) {
  EngineHarness h(micro_only());
  h.at(h9);
  h.type(5min);
  h.engine.session(SessionEvent::kLock);  // 09:04:59
  h.at(h9 + 5min + 10s);
  h.type(10s);  // typing the password
  h.idle(1min);
  EXPECT_FALSE(h.engine.status().active);
  EXPECT_TRUE(h.engine.status().locked);
  EXPECT_THAT(h.all(), ElementsAre("04:00:00 day", "09:00:01 active", "09:04:59 idle",
                                   "09:05:29 natural micro after 30s idle"));
}

TEST(BreakEngineActivity, SuspendCountsAsIdleAndNothingPromptsAfterResume) {
  EngineHarness h;
  h.at(h9);
  h.type(19min);  // micro 1 s short of due; last input 09:18:59
  h.engine.session(SessionEvent::kSleep);
  h.clock.advance(1h);  // the daemon's boot-time clock runs on in suspend
  h.engine.session(SessionEvent::kWake);
  h.type(2min);
  h.collect();
  EXPECT_THAT(h.breaks(), ElementsAre("09:19:29 natural micro after 30s idle",
                                      "09:23:59 natural rest after 300s idle"));
  EXPECT_LT(micro(h.engine).accrued, 3min);
}

// --- when breaks fall due ---------------------------------------------------

TEST(BreakEngineSchedule, MicroBreakIsDueAfterItsIntervalOfActiveTime) {
  EngineHarness h;
  h.at(h9);
  h.type(20min + 1s);
  EXPECT_THAT(h.breaks(), ElementsAre("09:20:00 due micro #1"));
}

TEST(BreakEngineSchedule, IdleShorterThanTheBreakNeitherCountsNorResets) {
  EngineHarness h(micro_only());
  h.at(h9);
  h.type(10min);   // 09:00:00 … 09:09:59 active
  h.idle(20s);     // away 20 s: less than the 30 s micro-break
  h.type(11min);   // from 09:10:19
  // 9:59 + 10:01 = 20 min of active time.
  EXPECT_THAT(h.breaks(), ElementsAre("09:20:20 due micro #1"));
}

TEST(BreakEngineSchedule, RestBreakIsDueAfterItsInterval) {
  EngineConfig c;
  c.micro.enabled = false;
  EngineHarness h(c);
  h.at(h9);
  h.type(55min + 1s);
  EXPECT_THAT(h.breaks(), ElementsAre("09:55:00 due rest #1"));
}

TEST(BreakEngineSchedule, DailyLimitIsDueAfterItsActiveTimeInOneDay) {
  EngineConfig c;
  c.micro.enabled = c.rest.enabled = false;
  c.daily.enabled = true;
  c.daily.interval = 2h;
  EngineHarness h(c);
  h.at(h9);
  h.type(2h + 1s);
  EXPECT_THAT(h.breaks(), ElementsAre("11:00:00 due daily #1"));
}

TEST(BreakEngineSchedule, DailyLimitStartsAgainEachDay) {
  EngineConfig c;
  c.micro.enabled = c.rest.enabled = false;
  c.daily.enabled = true;
  c.daily.interval = 2h;
  EngineHarness h(c);
  h.at(h9);
  h.type(90min);
  h.at(24h + h9);  // Tuesday 09:00
  h.type(90min);
  EXPECT_THAT(h.breaks(), IsEmpty());
  EXPECT_EQ(h.engine.status().active_today, 90min - 1s);
}

TEST(BreakEngineSchedule, DisabledBreaksNeverPrompt) {
  EngineConfig c;
  c.micro.enabled = c.rest.enabled = false;
  EngineHarness h(c);
  h.at(h9);
  h.type(3h);
  EXPECT_THAT(h.breaks(), IsEmpty());
}

// --- natural breaks ---------------------------------------------------------

TEST(BreakEngineNatural, IdleLongerThanBreakCountsAsNaturalBreak) {
  EngineHarness h(micro_only());
  h.at(h9);
  h.type(15min);  // last input 09:14:59
  h.idle(40s);
  EXPECT_THAT(h.breaks(), ElementsAre("09:15:29 natural micro after 30s idle"));
  EXPECT_EQ(micro(h.engine).accrued, Duration{0});
  h.type(19min);
  EXPECT_EQ(h.breaks().size(), 1u) << "the timer started again from zero";
}

TEST(BreakEngineNatural, NaturalRestBreakResetsBothTimers) {
  EngineConfig c;
  c.micro.interval = 1h;  // no micro-break prompts in the way
  EngineHarness h(c);
  h.at(h9);
  h.type(40min);
  h.idle(6min);
  EXPECT_THAT(h.breaks(), ElementsAre("09:40:29 natural micro after 30s idle",
                                      "09:44:59 natural rest after 300s idle"));
  EXPECT_EQ(rest(h.engine).accrued, Duration{0});
}

TEST(BreakEngineNatural, TakenRestBreakAlsoResetsMicroBreakTimer) {
  EngineHarness h;
  h.at(h9);
  h.type(15min);
  h.at(h9 + 15min);
  ASSERT_TRUE(h.engine.take_break_now(BreakKind::kRest));
  h.idle(6min);
  EXPECT_THAT(h.breaks(), ElementsAre("09:15:00 due rest #1 (requested)", "09:15:00 started rest #1",
                                      "09:20:00 ended rest #1 taken"));
  EXPECT_EQ(micro(h.engine).accrued, Duration{0});
  EXPECT_EQ(rest(h.engine).accrued, Duration{0});
}

TEST(BreakEngineNatural, MicroBreakDueJustBeforeRestBreakIsFoldedIntoIt) {
  EngineConfig c;
  c.rest.interval = 21min;  // the rest break is 1 min after the micro-break
  EngineHarness h(c);
  h.at(h9);
  h.type(21min + 1s);
  EXPECT_THAT(h.breaks(), ElementsAre("09:21:00 due rest #1"));
}

TEST(BreakEngineNatural, MicroBreakWellBeforeRestBreakIsPromptedOnItsOwn) {
  EngineConfig c;
  c.rest.interval = 30min;  // 10 min after the micro-break: beyond the fold window
  EngineHarness h(c);
  h.at(h9);
  h.type(20min + 1s);
  EXPECT_THAT(h.breaks(), ElementsAre("09:20:00 due micro #1"));
}

// --- the life of a due break ------------------------------------------------

TEST(BreakEngineLife, UserWhoStopsAtThePromptTakesTheBreak) {
  EngineHarness h;
  h.at(h9);
  h.type(20min + 1s);  // last input 09:20:00
  h.idle(1min);
  EXPECT_THAT(h.breaks(), ElementsAre("09:20:00 due micro #1", "09:20:05 started micro #1",
                                      "09:20:30 ended micro #1 taken"));
}

TEST(BreakEngineLife, ActivityPausesTheCountdownAndIdleResumesIt) {
  EngineHarness h;
  h.at(h9);
  h.type(20min + 1s);
  h.idle(15s);  // countdown at 15 s by 09:20:15
  h.type(10s);  // 09:20:15 … 09:20:24
  h.idle(1min);
  EXPECT_THAT(h.breaks(),
              ElementsAre("09:20:00 due micro #1", "09:20:05 started micro #1",
                          "09:20:16 paused micro #1", "09:20:29 resumed micro #1",
                          "09:20:38 ended micro #1 taken"));
}

TEST(BreakEngineLife, StartingTheBreakBeginsTheCountdownWhenTheUserLetsGo) {
  EngineHarness h;
  h.at(h9);
  h.type(20min + 10s);  // last input 09:20:09
  ASSERT_TRUE(h.engine.start_break());
  h.idle(1min);
  EXPECT_THAT(h.breaks(), ElementsAre("09:20:00 due micro #1", "09:20:09 started micro #1",
                                      "09:20:39 ended micro #1 taken"));
}

TEST(BreakEngineLife, PostponedBreakReturnsAfterItsSnooze) {
  EngineHarness h;
  h.at(h9);
  h.type(20min + 1s);
  ASSERT_TRUE(h.engine.postpone());
  h.type(3min + 5s);
  EXPECT_THAT(h.breaks(), ElementsAre("09:20:00 due micro #1", "09:20:00 ended micro #1 postponed",
                                      "09:23:00 due micro #2"));
  const auto ended = std::find_if(h.events().begin(), h.events().end(), [](const EngineEvent& e) {
    return e.kind == EventKind::kBreakEnded;
  });
  ASSERT_NE(ended, h.events().end());
  EXPECT_EQ(ended->amount, 3min) << "a postponed break records how long it was put off";
}

TEST(BreakEngineLife, PostponingIsRefusedBeyondTheLimit) {
  EngineConfig c = micro_only();
  c.micro.max_postpones = 1;
  EngineHarness h(c);
  h.at(h9);
  h.type(20min + 1s);
  ASSERT_TRUE(h.engine.postpone());
  h.type(3min + 5s);
  const Status second = h.engine.postpone();
  EXPECT_EQ(second.code(), Status::Code::kPermissionDenied);
  EXPECT_NE(second.message().find("1 postpones allowed"), std::string::npos) << second.message();
  EXPECT_EQ(micro(h.engine).phase, BreakStatus::Phase::kDue);
  EXPECT_EQ(micro(h.engine).postpones_left, 0);
}

TEST(BreakEngineLife, SkippingIsRefusedWhenTheRulesForbidIt) {
  EngineConfig c = micro_only();
  c.micro.allow_skip = false;
  EngineHarness h(c);
  h.at(h9);
  h.type(20min + 1s);
  EXPECT_EQ(h.engine.skip().code(), Status::Code::kPermissionDenied);
  EXPECT_EQ(micro(h.engine).phase, BreakStatus::Phase::kDue);
}

TEST(BreakEngineLife, SkippedBreakEndsAndItsTimerStartsAgain) {
  EngineHarness h(micro_only());
  h.at(h9);
  h.type(20min + 1s);
  ASSERT_TRUE(h.engine.skip());
  h.type(19min);
  h.collect();
  EXPECT_THAT(h.breaks(), ElementsAre("09:20:00 due micro #1", "09:20:00 ended micro #1 skipped"));
}

TEST(BreakEngineLife, WorkingThroughThePromptIsRecordedIgnoredAndAskedAgainAfterSnooze) {
  EngineHarness h(micro_only());
  h.at(h9);
  h.type(25min);
  EXPECT_THAT(h.breaks(), ElementsAre("09:20:00 due micro #1", "09:21:00 ended micro #1 ignored",
                                      "09:24:00 due micro #2"));
}

TEST(BreakEngineLife, CommandsWithoutADueBreakAreRefusedClearly) {
  EngineHarness h;
  h.at(h9);
  EXPECT_EQ(h.engine.postpone().code(), Status::Code::kFailedPrecondition);
  EXPECT_EQ(h.engine.skip().message(), "no break is due");
  EXPECT_EQ(h.engine.start_break().code(), Status::Code::kFailedPrecondition);
}

// --- work hours, pause and quiet ---------------------------------------------

EngineConfig office_hours() {
  EngineConfig c = micro_only();
  std::string err;
  EXPECT_TRUE(WorkSchedule::parse("mon-fri 09:00-17:00", &c.schedule, &err)) << err;
  return c;
}

TEST(BreakEngineModes, NothingPromptsOutsideWorkHoursAndTimersRest) {
  EngineHarness h(office_hours());
  h.at(7h);
  h.type(1h + 59min);  // 07:00 … 08:58:59, all before work starts
  EXPECT_THAT(h.breaks(), IsEmpty());
  EXPECT_EQ(micro(h.engine).accrued, Duration{0});
  EXPECT_EQ(h.engine.status().mode, Mode::kOffHours);
  h.at(17h);
  h.type(30min);
  EXPECT_THAT(h.breaks(), ElementsAre("09:00:00 mode working", "17:00:00 mode off-hours"));
}

TEST(BreakEngineModes, TimersCountFromTheStartOfWorkHours) {
  EngineHarness h(office_hours());
  h.at(8h + 50min);
  h.type(31min);
  EXPECT_THAT(h.breaks(), ElementsAre("09:00:00 mode working", "09:20:00 due micro #1"));
}

TEST(BreakEngineModes, EndOfWorkHoursCancelsTheDueBreak) {
  EngineConfig c = micro_only();
  std::string err;
  ASSERT_TRUE(WorkSchedule::parse("mon 09:00-09:21", &c.schedule, &err)) << err;
  c.ignore_after = 5min;
  EngineHarness h(c);
  h.at(h9);
  h.type(22min);
  EXPECT_THAT(h.breaks(), ElementsAre("09:00:00 mode working", "09:20:00 due micro #1",
                                      "09:21:00 mode off-hours", "09:21:00 ended micro #1 cancelled"));
}

TEST(BreakEngineModes, NewDayStartsAtTheConfiguredHour) {
  EngineConfig c = micro_only();
  c.day_start_minute = 5 * 60;
  EngineHarness h(c);
  h.at(2h);
  h.type(1h);
  EXPECT_EQ(h.engine.status().active_today, 1h - 1s);
  h.at(4h + 59min);
  EXPECT_EQ(h.engine.status().active_today, 1h - 1s) << "02:00 still belongs to Sunday";
  h.at(5h + 1s);
  EXPECT_EQ(h.engine.status().active_today, Duration{0});
  EXPECT_THAT(h.all(), ::testing::Contains("05:00:00 day"));
}

TEST(BreakEngineModes, PauseForADurationHoldsRemindersAndEndsByItself) {
  EngineHarness h(micro_only());
  h.at(h9);
  h.engine.pause_for(30min);
  h.type(50min + 1s);
  EXPECT_THAT(h.breaks(), ElementsAre("09:00:00 mode paused", "09:30:00 mode working",
                                      "09:50:00 due micro #1"));
}

TEST(BreakEngineModes, PausingCancelsTheDueBreakWhichReturnsAfterThePause) {
  EngineHarness h(micro_only());
  h.at(h9);
  h.type(20min + 1s);
  h.engine.pause_for(10min);
  h.type(11min);
  EXPECT_THAT(h.breaks(), ElementsAre("09:20:00 due micro #1", "09:20:00 mode paused",
                                      "09:20:00 ended micro #1 cancelled", "09:30:00 mode working",
                                      "09:30:00 due micro #2"));
}

TEST(BreakEngineModes, PauseUntilATimeAndResume) {
  EngineHarness h(micro_only());
  h.at(h9);
  h.engine.pause_until(h.clock.wall() + 2h);
  EXPECT_EQ(h.engine.status().paused_until, h.clock.wall() + 2h);
  h.at(h9 + 1h);
  h.engine.resume();
  h.collect();
  EXPECT_THAT(h.breaks(), ElementsAre("09:00:00 mode paused", "10:00:00 mode working"));
  EXPECT_FALSE(h.engine.status().paused_until.has_value());
}

TEST(BreakEngineModes, PauseUntilTomorrowEndsAtTheNextDayStart) {
  EngineHarness h(micro_only());
  h.at(15h);
  h.engine.pause_until_tomorrow();
  h.at(24h + 4h + 1s);
  EXPECT_THAT(h.breaks(), ElementsAre("15:00:00 mode paused", "28:00:00 mode working"));
}

TEST(BreakEngineModes, QuietHoldsANewPromptAndDeliversItWhenQuietEnds) {
  EngineHarness h(micro_only());
  h.at(h9);
  h.engine.set_quiet(true);
  h.type(25min);
  h.engine.set_quiet(false);  // 09:24:59
  h.collect();
  EXPECT_THAT(h.breaks(), ElementsAre("09:00:00 mode quiet", "09:24:59 mode working",
                                      "09:24:59 due micro #1"));
}

TEST(BreakEngineModes, QuietWithdrawsAShownPromptAndRedeliversTheSameBreak) {
  EngineHarness h(micro_only());
  h.at(h9);
  h.type(20min + 1s);
  h.engine.set_quiet(true);
  h.type(10s);
  h.engine.set_quiet(false);
  h.idle(1min);
  EXPECT_THAT(h.breaks(),
              ElementsAre("09:20:00 due micro #1", "09:20:00 mode quiet", "09:20:00 held micro #1",
                          "09:20:09 mode working", "09:20:09 due micro #1",
                          "09:20:14 started micro #1", "09:20:39 ended micro #1 taken"));
}

TEST(BreakEngineModes, QuietAndPauseAreDistinct) {
  EngineHarness quiet(micro_only());
  quiet.at(h9);
  quiet.engine.set_quiet(true);
  quiet.type(10min);
  EngineHarness paused(micro_only());
  paused.at(h9);
  paused.engine.pause_for(1h);
  paused.type(10min);
  EXPECT_EQ(quiet.engine.status().mode, Mode::kQuiet);
  EXPECT_EQ(paused.engine.status().mode, Mode::kPaused);
  EXPECT_GE(micro(quiet.engine).accrued, 9min) << "quiet: time still counts toward breaks";
  EXPECT_EQ(micro(paused.engine).accrued, Duration{0}) << "pause: timers rest";
}

// --- persistence ------------------------------------------------------------

TEST(BreakEngineState, SerializedStateRoundTripsExactly) {
  EngineHarness h;
  h.at(h9);
  h.type(20min + 1s);
  ASSERT_TRUE(h.engine.postpone());
  h.type(30s);
  h.engine.set_quiet(true);
  const std::string saved = h.engine.serialize();
  BreakEngine copy(EngineConfig{}, h.clock);
  std::string err;
  ASSERT_TRUE(copy.restore(saved, &err)) << err;
  EXPECT_EQ(copy.serialize(), saved);
}

TEST(BreakEngineState, DowntimeCountsAsIdle) {
  EngineHarness h;
  h.at(h9);
  h.type(15min);  // last input 09:14:59
  const std::string saved = h.engine.serialize();
  h.clock.advance(10min);  // the daemon was down
  BreakEngine restarted(EngineConfig{}, h.clock);
  std::string err;
  ASSERT_TRUE(restarted.restore(saved, &err)) << err;
  std::vector<std::string> lines;
  for (const EngineEvent& e : restarted.take_events()) lines.push_back(describe(e, h.replay.origin()));
  EXPECT_THAT(lines, ElementsAre("09:14:59 idle", "09:15:29 natural micro after 30s idle",
                                 "09:19:59 natural rest after 300s idle"));
  EXPECT_FALSE(restarted.status().active);
}

TEST(BreakEngineState, RestoreRejectsSomethingThatIsNotAState) {
  EngineHarness h;
  BreakEngine e(EngineConfig{}, h.clock);
  std::string err;
  EXPECT_FALSE(e.restore("hello", &err));
  EXPECT_NE(err.find("not a Limber engine state"), std::string::npos) << err;
  std::string broken = h.engine.serialize();
  broken.replace(broken.find("next_id"), 7, "next_jd");
  EXPECT_FALSE(e.restore(broken, &err));
  EXPECT_NE(err.find("next_id"), std::string::npos) << err;
}

// --- clock trouble ------------------------------------------------------------

TEST(BreakEngineClock, WallClockJumpForwardCreatesNoBreak) {
  EngineHarness h(micro_only());
  h.at(h9);
  h.type(10min);
  h.clock.jump_wall(3h);
  h.engine.advance();
  h.type(10min + 2s);
  EXPECT_THAT(h.breaks(), ElementsAre("09:09:59 clock +10800s", "09:20:00 due micro #1"));
}

TEST(BreakEngineClock, WallClockJumpBackSwallowsNoBreak) {
  EngineHarness h(micro_only());
  h.at(h9);
  h.type(10min);
  h.clock.jump_wall(-2h);
  h.engine.advance();
  h.type(10min + 2s);
  EXPECT_THAT(h.breaks(), ElementsAre("09:09:59 clock -7200s", "09:20:00 due micro #1"));
}

TEST(BreakEngineClock, DaylightSavingChangeMovesWorkHoursWithLocalTime) {
  EngineConfig c = micro_only();
  std::string err;
  ASSERT_TRUE(WorkSchedule::parse("mon-fri 09:00-17:00", &c.schedule, &err)) << err;
  // Local time is UTC+1 until 10:00 UTC, then UTC+2 (clocks go forward).
  SimulatedClock clock(monday_midnight_utc(), 1h);
  clock.set_offset_change(monday_midnight_utc() + 10h, 2h);
  BreakEngine engine(c, clock);
  TraceReplay replay(clock, engine);
  std::vector<EngineEvent> events;
  std::string trace;
  for (int hour = 8; hour < 16; ++hour) trace += std::to_string(hour) + ":00 type 59m59s\n";
  trace += "17:00 end\n";
  ASSERT_TRUE(replay.run(trace, [&](const EngineEvent& e) { events.push_back(e); }, &err)) << err;
  std::vector<WallTime> mode_changes;
  int dues = 0;
  for (const EngineEvent& e : events) {
    if (e.kind == EventKind::kModeChanged) mode_changes.push_back(e.wall);
    if (e.kind == EventKind::kBreakDue) ++dues;
  }
  // 09:00 local = 08:00 UTC; 17:00 local after the change = 15:00 UTC.
  ASSERT_EQ(mode_changes.size(), 2u);
  EXPECT_EQ(mode_changes[0], monday_midnight_utc() + 8h);
  EXPECT_EQ(mode_changes[1], monday_midnight_utc() + 15h);
  // 7 hours at work, typing throughout: a due micro-break every 4 minutes
  // after the first (20 min) — no burst at the change, none swallowed.
  int expected = 0;
  for (Duration t = 20min; t < 7h; t += 4min) ++expected;
  EXPECT_EQ(dues, expected);
}

}  // namespace
}  // namespace limber::testing
