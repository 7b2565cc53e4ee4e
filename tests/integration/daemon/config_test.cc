// limberd and its configuration files, as a process: every problem is
// reported in its log with file, line and key, none takes the daemon down,
// and SIGHUP reloads. How the layers combine (bad values, broken files on
// reload, policies, the site file) is daemon logic, tested in-process in
// tests/unit/daemon/daemon_config_test.cc.
//
// The behavioural tests run limberd on a Wayland test compositor, whose user
// stays active from the start: a micro-break falls due after micro.interval
// of activity, so whether one is logged within a few seconds shows which
// micro.interval is in force ("1m" is 6 s at --time-scale 10; the default
// "20m" or a "4h" would be minutes).
#include <gtest/gtest.h>

#include "limberd_test.h"
#include "wayland_desktop.h"

namespace limber::test {
namespace {

// kShortRules with micro.interval = `interval`.
std::string rules_with_interval(const std::string& interval) {
  std::string rules = kShortRules;
  const std::string from = "interval = \"1m\"";
  rules.replace(rules.find(from), from.size(), "interval = \"" + interval + "\"");
  return rules;
}

class LimberdConfig : public LimberdTest {
 protected:
  // limberd in demo mode with the demo source: it starts anywhere, and the
  // configuration is still loaded and checked.
  ::testing::AssertionResult start_anywhere() { return start({"--demo", "--source=demo"}); }

  // limberd on the Wayland test compositor, rules scaled by 10.
  ::testing::AssertionResult start_on_wayland() {
    if (auto ok = desktop_.start({"--ext-idle-notify"}); !ok) return ok;
    return start({"--source=wayland", kShortScale}, {WaylandDesktop::display_env()});
  }

  std::string user_file() const { return regex_escape(home_.user_config_file()); }

  WaylandDesktop desktop_{home_};
};

TEST_F(LimberdConfig, BrokenTomlIsReportedWithFileAndLineAndDaemonKeepsRunning) {
  ASSERT_TRUE(home_.write_user_config("# comment\n[micro]\ninterval = \"20m\n"));
  ASSERT_TRUE(start_anywhere());
  EXPECT_TRUE(logged("error: " + user_file() + ":3: ", 10s));
  EXPECT_TRUE(logged("configuration loaded .*1 problem\\(s\\) reported", 1s));
  EXPECT_TRUE(logged(kReady, 5s));
  EXPECT_TRUE(daemon_.running());
  EXPECT_TRUE(stops_cleanly());
}

TEST_F(LimberdConfig, WrongTypeIsReportedWithFileLineAndKey) {
  ASSERT_TRUE(home_.write_user_config("[micro]\nenabled = \"yes\"\ninterval = 20\n"));
  ASSERT_TRUE(start_anywhere());
  EXPECT_TRUE(logged("error: " + user_file() + ":2: micro\\.enabled: expected ", 10s));
  EXPECT_TRUE(logged("error: " + user_file() + ":3: micro\\.interval: expected a duration", 1s));
  EXPECT_TRUE(logged(kReady, 5s));
  EXPECT_TRUE(stops_cleanly());
}

TEST_F(LimberdConfig, OutOfRangeValueIsReportedWithTheAllowedRange) {
  ASSERT_TRUE(home_.write_user_config("[micro]\ninterval = \"30s\"\n\n[rest]\nmax_postpones = 99\n"));
  ASSERT_TRUE(start_anywhere());
  EXPECT_TRUE(logged("error: " + user_file() + ":2: micro\\.interval: .*from 1m to 4h.*30s", 10s));
  EXPECT_TRUE(logged("error: " + user_file() + ":5: rest\\.max_postpones: .*99", 1s));
  EXPECT_TRUE(logged(kReady, 5s));
  EXPECT_TRUE(stops_cleanly());
}

TEST_F(LimberdConfig, UnknownKeyIsOnlyAWarning) {
  ASSERT_TRUE(home_.write_user_config("[micro]\nintervall = \"20m\"\n"));
  ASSERT_TRUE(start_anywhere());
  EXPECT_TRUE(logged("warning: " + user_file() + ":2: warning: micro\\.intervall: unknown key.*micro\\.interval",
                     10s));
  EXPECT_EQ(daemon_.count_lines("error:"), 0u) << daemon_.stderr_text();
  EXPECT_TRUE(logged(kReady, 5s));
  EXPECT_TRUE(stops_cleanly());
}

TEST_F(LimberdConfig, SighupAppliesAChangedFile) {
  ASSERT_TRUE(home_.write_user_config(rules_with_interval("4h")));
  ASSERT_TRUE(start_on_wayland());
  ASSERT_TRUE(logged(kReady, 10s));
  // The user types from now on: "resumed", and no "idled" after it.
  desktop_.compositor().send("resume");

  ASSERT_TRUE(home_.write_user_config(rules_with_interval("1m")));
  const size_t before = daemon_.line_count();
  ASSERT_TRUE(daemon_.send_signal(SIGHUP));
  EXPECT_TRUE(logged("configuration loaded \\(user file " + user_file() + ", policies in .*\\)$", 5s, before));
  EXPECT_TRUE(logged("micro-break #1 due", 15s, before));
  EXPECT_TRUE(stops_cleanly());
}

}  // namespace
}  // namespace limber::test
