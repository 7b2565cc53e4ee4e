// limberd when the clocks misbehave: the wall clock jumps forward and back,
// the local time changes for daylight saving, the machine suspends and
// resumes. Break timers run on CLOCK_BOOTTIME, so none of this may bring a
// burst of prompts or swallow a break: breaks keep falling due at the
// same pace, each one apart, and each one ends.
//
// libfaketime (LD_PRELOAD, DONT_FAKE_MONOTONIC=1) moves limberd's
// CLOCK_REALTIME alone, from an offset file the test rewrites while the
// daemon runs; suspend is a dbusmock logind's PrepareForSleep. The tests
// skip when libfaketime is not installed (Debian package faketime).
//
// `--demo --source=demo --time-scale=20`: a micro-break falls due about
// every 2 s of real time.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <thread>

#include "limberd_test.h"
#include "test_bus.h"

namespace limber::test {
namespace {

using SteadyClock = std::chrono::steady_clock;

const std::vector<std::string> kDemoArgs = {"--demo", "--source=demo", "--time-scale=20"};
// At --time-scale 20 the demo's micro-break falls due once per 2 s cycle of
// the pretend user (27 s typing + 13 s away, scaled). Two prompts closer
// than this would be a burst; a gap longer than kSwallowed a lost break.
constexpr auto kBurst = 800ms;
constexpr auto kSwallowed = 5s;
// Every few cycles the rest break (2 min of scaled activity) falls due
// instead, with the micro-break folded into it.
constexpr const char* kAnyBreakDue = "(micro-break|rest break) #[0-9]+ due";

class ClockTrouble : public LimberdTest {
 protected:
  void SetUp() override {
    LimberdTest::SetUp();
#ifndef LIMBER_LIBFAKETIME
    GTEST_SKIP() << "libfaketime is not installed (Debian package faketime)";
#else
    offset_file_ = home_.root() + "/faketime-offset";
    ASSERT_TRUE(set_offset("+0"));
#endif
  }

  // limberd's wall clock = the real one moved by `offset` ("+3h", "-90m", or
  // "@YYYY-MM-DD hh:mm:ss" absolute), effective at once.
  bool set_offset(const std::string& offset) { return DaemonHome::write_file(offset_file_, offset + "\n"); }

  std::vector<std::string> faked_env(std::vector<std::string> extra = {}) {
#ifdef LIMBER_LIBFAKETIME
    extra.push_back(std::string("LD_PRELOAD=") + LIMBER_LIBFAKETIME);
#endif
    extra.push_back("DONT_FAKE_MONOTONIC=1");
    extra.push_back("FAKETIME_TIMESTAMP_FILE=" + offset_file_);
    extra.push_back("FAKETIME_NO_CACHE=1");
#ifdef LIMBER_SANITIZED
    // libfaketime is preloaded ahead of the ASan runtime.
    extra.push_back("ASAN_OPTIONS=verify_asan_link_order=0");
#endif
    return extra;
  }

  // Waits for `count` more breaks to fall due, noting the real time of
  // each. Fails on a burst (two closer than kBurst) or a swallowed break (no
  // prompt for kSwallowed), and when a due break never ends.
  ::testing::AssertionResult breaks_keep_their_pace(int count) {
    size_t from = daemon_.line_count();
    auto last = SteadyClock::now();
    std::optional<SteadyClock::time_point> previous;
    for (int i = 0; i < count; ++i) {
      size_t at = 0;
      if (!logged(kAnyBreakDue, kSwallowed, from, &at)) {
        return ::testing::AssertionFailure() << "no break fell due within "
                                             << std::chrono::duration_cast<milliseconds>(kSwallowed).count()
                                             << " ms after the last (a swallowed break); log:\n"
                                             << daemon_.stderr_text();
      }
      const auto now = SteadyClock::now();
      if (previous && now - *previous < kBurst) {
        return ::testing::AssertionFailure()
               << "two breaks fell due "
               << std::chrono::duration_cast<milliseconds>(now - *previous).count()
               << " ms apart (a burst); log:\n" << daemon_.stderr_text();
      }
      previous = now;
      last = now;
      from = at + 1;
    }
    if (!logged("(micro-break|rest break) #[0-9]+ ended: ", kSwallowed, from - 1)) {
      return ::testing::AssertionFailure() << "the last break never ended";
    }
    (void)last;
    return ::testing::AssertionSuccess();
  }

  std::string offset_file_;
};

TEST_F(ClockTrouble, WallClockJumpsForwardAndBackNeitherBurstNorSwallowBreaks) {
  ASSERT_TRUE(start(kDemoArgs, faked_env()));
  ASSERT_TRUE(logged(kAnyBreakDue, 15s));

  size_t from = daemon_.line_count();
  ASSERT_TRUE(set_offset("+3h"));
  EXPECT_TRUE(logged("the wall clock jumped by \\+(2h59m|3h)", 10s, from));
  EXPECT_TRUE(breaks_keep_their_pace(3));

  from = daemon_.line_count();
  ASSERT_TRUE(set_offset("-2h"));
  EXPECT_TRUE(logged("the wall clock jumped by -(4h59m|5h)", 10s, from));
  EXPECT_TRUE(breaks_keep_their_pace(3));
  EXPECT_TRUE(stops_cleanly());
}

// Europe/Berlin moves from CET to CEST at 01:00 UTC on 2024-03-31 and back
// at 01:00 UTC on 2024-10-27; the daemon starts just before the change.
class DaylightSaving : public ClockTrouble, public ::testing::WithParamInterface<const char*> {};

TEST_P(DaylightSaving, ChangeOfLocalTimeIsNoJumpAndBreaksKeepTheirPace) {
  ASSERT_TRUE(set_offset(std::string("@") + GetParam()));
  ASSERT_TRUE(start(kDemoArgs, faked_env({"TZ=Europe/Berlin"})));
  ASSERT_TRUE(logged(kReady, 10s));
  // At --time-scale 20 the daemon's wall clock passes the change within a
  // second; the breaks around it keep their pace.
  EXPECT_TRUE(breaks_keep_their_pace(4));
  EXPECT_EQ(daemon_.count_lines("the wall clock jumped"), 0u) << daemon_.stderr_text();
  EXPECT_TRUE(stops_cleanly());
}

// libfaketime reads an absolute time as local time (here Europe/Berlin).
INSTANTIATE_TEST_SUITE_P(EuropeBerlin, DaylightSaving,
                         ::testing::Values("2024-03-31 01:59:50", "2024-10-27 02:59:50"));

constexpr const char* kLogind = "org.freedesktop.login1";
constexpr const char* kManagerPath = "/org/freedesktop/login1";
constexpr const char* kManagerInterface = "org.freedesktop.login1.Manager";

TEST_F(ClockTrouble, SuspendAndResumeBringOnePromptAtMostAndBreaksContinue) {
  PrivateBus system_bus;
  BusClient system_client;
  ChildProcess logind;
  std::string err, session_path;
  ASSERT_TRUE(system_bus.start(&err)) << err;
  ASSERT_TRUE(system_client.connect(system_bus.address(), &err)) << err;
  ASSERT_TRUE(start_dbusmock(&logind, system_bus, {"--system", "--template", "logind"}, kLogind, &err)) << err;
  ASSERT_TRUE(system_client.add_logind_session("c1", &session_path, &err)) << err;

  ASSERT_TRUE(start(kDemoArgs, faked_env({"DBUS_SYSTEM_BUS_ADDRESS=" + system_bus.address(), "XDG_SESSION_ID=c1"})));
  ASSERT_TRUE(logged("watching screen lock and suspend through logind", 10s));
  ASSERT_TRUE(logged(kAnyBreakDue, 15s));

  const size_t before = daemon_.line_count();
  ASSERT_TRUE(system_client.emit_signal_b(kLogind, kManagerPath, kManagerInterface, "PrepareForSleep", true, &err))
      << err;
  ASSERT_TRUE(logged("going to sleep$", 5s, before));
  // A night asleep: the wall clock moves on (CLOCK_BOOTTIME would too; the
  // engine counts the sleep as idle time from logind's signal).
  ASSERT_TRUE(set_offset("+9h"));
  std::this_thread::sleep_for(500ms);
  const size_t woke_from = daemon_.line_count();
  ASSERT_TRUE(system_client.emit_signal_b(kLogind, kManagerPath, kManagerInterface, "PrepareForSleep", false, &err))
      << err;
  size_t woke_at = 0;
  ASSERT_TRUE(logged("woke up$", 5s, woke_from, &woke_at));
  // No prompt piles up from before the sleep: within the first second after
  // waking at most one break falls due.
  std::this_thread::sleep_for(1s);
  const std::regex due(kAnyBreakDue);
  const std::vector<std::string> lines = daemon_.lines();
  const auto due_after_waking = std::count_if(lines.begin() + static_cast<std::ptrdiff_t>(woke_at), lines.end(),
                                              [&](const std::string& l) { return std::regex_search(l, due); });
  EXPECT_LE(due_after_waking, 1) << daemon_.stderr_text();
  EXPECT_TRUE(breaks_keep_their_pace(3));
  EXPECT_TRUE(stops_cleanly());
  daemon_.kill_now();  // before its bus goes
}

}  // namespace
}  // namespace limber::test
