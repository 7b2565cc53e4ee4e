// limberd and its configuration files: every problem is reported with file,
// line and key, none takes the daemon down, SIGHUP reloads (and a broken
// file keeps the last good settings), and a policy file locks what it sets.
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

TEST_F(LimberdConfig, BadValuesDoNotTakeEffect) {
  // micro.interval "30s" is out of range: the built-in 20m stays in force,
  // so no micro-break in 10 s of activity although 30 s would be 3 s here.
  ASSERT_TRUE(home_.write_user_config(rules_with_interval("30s")));
  ASSERT_TRUE(start_on_wayland());
  ASSERT_TRUE(logged("micro\\.interval: ", 10s));
  ASSERT_TRUE(logged(kReady, 5s));
  EXPECT_FALSE(daemon_.wait_for_line("micro-break #1 due", 10s)) << daemon_.stderr_text();
  EXPECT_TRUE(stops_cleanly());
}

TEST_F(LimberdConfig, SighupAppliesAChangedFile) {
  ASSERT_TRUE(home_.write_user_config(rules_with_interval("4h")));
  ASSERT_TRUE(start_on_wayland());
  ASSERT_TRUE(logged(kReady, 10s));

  ASSERT_TRUE(home_.write_user_config(rules_with_interval("1m")));
  const size_t before = daemon_.line_count();
  ASSERT_TRUE(daemon_.send_signal(SIGHUP));
  EXPECT_TRUE(logged("configuration loaded \\(user file " + user_file() + ", policies in .*\\)$", 5s, before));
  EXPECT_TRUE(logged("micro-break #1 due", 15s, before));
  EXPECT_TRUE(stops_cleanly());
}

TEST_F(LimberdConfig, SighupWithBrokenFileKeepsTheLastGoodSettings) {
  ASSERT_TRUE(home_.write_user_config(rules_with_interval("1m")));
  ASSERT_TRUE(start_on_wayland());
  ASSERT_TRUE(logged(kReady, 10s));

  // Broken and reloaded before the first break: "1m" must stay in force.
  ASSERT_TRUE(home_.write_user_config("[micro]\ninterval = \"4h\"\nduration = \n"));
  const size_t before = daemon_.line_count();
  ASSERT_TRUE(daemon_.send_signal(SIGHUP));
  EXPECT_TRUE(logged("error: " + user_file() + ":3: .*last good settings from this file stay in force", 5s,
                     before));
  EXPECT_TRUE(logged("micro-break #1 due", 15s, before));
  EXPECT_TRUE(daemon_.running());
  EXPECT_TRUE(stops_cleanly());
}

TEST_F(LimberdConfig, PolicyLocksAKeyTheUserFileSets) {
  // The user asks for a micro-break every 4 h; the policy says 1 m.
  ASSERT_TRUE(home_.write_user_config(rules_with_interval("4h")));
  const std::string policy = home_.policy_dir() + "/10-company.toml";
  ASSERT_TRUE(DaemonHome::write_file(policy, "# managed\n[micro]\ninterval = \"1m\"\n"));
  ASSERT_TRUE(start_on_wayland());
  EXPECT_TRUE(logged("configuration loaded \\(user file " + user_file() + ", policies in " +
                         regex_escape(home_.policy_dir()) + ";",
                     10s));
  EXPECT_TRUE(logged("warning: " + user_file() + ":\\d+: warning: micro\\.interval: locked by policy " +
                         regex_escape(policy),
                     1s));
  EXPECT_TRUE(logged("micro-break #1 due", 15s));
  EXPECT_TRUE(stops_cleanly());
}

TEST_F(LimberdConfig, BrokenPolicyFileKeepsItsLockAcrossSighup) {
  ASSERT_TRUE(home_.write_user_config(rules_with_interval("4h")));
  const std::string policy = home_.policy_dir() + "/10-company.toml";
  ASSERT_TRUE(DaemonHome::write_file(policy, "[micro]\ninterval = \"1m\"\n"));
  ASSERT_TRUE(start_on_wayland());
  ASSERT_TRUE(logged(kReady, 10s));

  ASSERT_TRUE(DaemonHome::write_file(policy, "[micro]\ninterval = \"1m\n"));
  const size_t before = daemon_.line_count();
  ASSERT_TRUE(daemon_.send_signal(SIGHUP));
  EXPECT_TRUE(logged("error: " + regex_escape(policy) + ":2: .*locks stay in force", 5s, before));
  // Still the policy's 1m, not the user's 4h.
  EXPECT_TRUE(logged("micro-break #1 due", 15s, before));
  EXPECT_TRUE(stops_cleanly());
}

TEST_F(LimberdConfig, SiteFileUnderSysconfdirIsALayerBelowTheUser) {
  ASSERT_TRUE(DaemonHome::write_file(home_.site_config_file(), rules_with_interval("1m")));
  ASSERT_TRUE(start_on_wayland());
  EXPECT_TRUE(logged("micro-break #1 due", 15s));
  EXPECT_TRUE(stops_cleanly());
}

}  // namespace
}  // namespace limber::test
