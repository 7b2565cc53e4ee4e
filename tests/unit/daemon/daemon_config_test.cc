// The daemon's configuration layers in-process: a bad value never takes
// effect, a reload applies a changed file and keeps the last good settings
// of a broken one, a policy locks what it sets (also when it breaks later),
// and the site file is a layer below the user's. The real process's SIGHUP
// and file watch are tested in tests/integration/daemon/config_test.cc.
#include "daemon_fixture.h"

namespace limber {
namespace {

constexpr const char* kAlways = "[schedule]\nwork_hours = \"always\"\n";

std::string user_file(const std::string& micro_interval) {
  return std::string(kAlways) + "[micro]\ninterval = \"" + micro_interval + "\"\n";
}

class DaemonConfig : public SimulatedDaemon {
 protected:
  protocol::DaemonStatus status() { return protocol::daemon_status_from_json(call("status")["result"]); }
  // micro.interval in force, from the daemon's status.
  int64_t micro_interval_s() {
    const protocol::DaemonStatus s = protocol::daemon_status_from_json(call("status")["result"]);
    for (const protocol::BreakState& b : s.breaks) {
      if (b.kind == "micro") return b.interval_s;
    }
    ADD_FAILURE() << "no micro-break in the status";
    return -1;
  }
  // A micro-break falls due within `d` of typing.
  bool micro_break_due_within(Duration d) {
    const size_t before = views_.of("break.due").size();
    const MonoTime end = clock_.mono() + d;
    while (clock_.mono() < end && views_.of("break.due").size() == before) {
      source_->input();
      timers_.run_until(clock_.mono() + 1s);
    }
    return views_.of("break.due").size() > before;
  }
};

TEST_F(DaemonConfig, BadValueDoesNotTakeEffect) {
  write("limber.toml", user_file("30s"));  // below the 1m minimum
  start();
  EXPECT_EQ(micro_interval_s(), 20 * 60) << "the built-in 20m stays in force";
  EXPECT_FALSE(micro_break_due_within(2min));
}

TEST_F(DaemonConfig, ReloadAppliesAChangedFile) {
  write("limber.toml", user_file("4h"));
  start();
  EXPECT_EQ(micro_interval_s(), 4 * 3600);
  write("limber.toml", user_file("1m"));
  core_->reload_config();
  EXPECT_EQ(micro_interval_s(), 60);
  EXPECT_TRUE(micro_break_due_within(70s));
}

TEST_F(DaemonConfig, ReloadOfABrokenFileKeepsTheLastGoodSettings) {
  write("limber.toml", user_file("1m"));
  start();
  write("limber.toml", "[micro]\ninterval = \"4h\"\nduration = \n");
  core_->reload_config();
  EXPECT_EQ(micro_interval_s(), 60);
  EXPECT_TRUE(micro_break_due_within(70s));
}

TEST_F(DaemonConfig, PolicyLocksAKeyTheUserFileSets) {
  write("limber.toml", user_file("4h"));
  write("policy.d/10-company.toml", "# managed\n[micro]\ninterval = \"1m\"\n");
  start();
  EXPECT_EQ(micro_interval_s(), 60);
  const Json set = call("config.set", Json{{"key", "micro.interval"}, {"value", "2h"}});
  ASSERT_TRUE(set.contains("error")) << set.dump();
  EXPECT_EQ(set["error"]["code"], rpc::kManaged) << set.dump();
  EXPECT_EQ(micro_interval_s(), 60);
}

TEST_F(DaemonConfig, PolicyThatBreaksLaterKeepsItsLock) {
  write("limber.toml", user_file("4h"));
  write("policy.d/10-company.toml", "[micro]\ninterval = \"1m\"\n");
  start();
  write("policy.d/10-company.toml", "[micro]\ninterval = \"1m\n");
  core_->reload_config();
  EXPECT_EQ(micro_interval_s(), 60) << "the policy's 1m, not the user's 4h";
}

TEST_F(DaemonConfig, StatusReportsABrokenPolicyUntilItIsFixed) {
  write("policy.d/10-company.toml", "[micro]\ninterval = \"1m\"\n");
  start();
  EXPECT_TRUE(status().config_errors.empty());
  write("policy.d/10-company.toml", "[micro]\ninterval = \"1m\n");
  core_->reload_config();
  const std::vector<std::string> errors = status().config_errors;
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("10-company.toml:2"), std::string::npos) << errors[0];
  write("policy.d/10-company.toml", "[micro]\ninterval = \"2m\"\n");
  core_->reload_config();
  EXPECT_TRUE(status().config_errors.empty()) << "a good file clears the report";
  EXPECT_EQ(micro_interval_s(), 120);
}

TEST_F(DaemonConfig, SiteFileIsALayerBelowTheUser) {
  write("site.toml", "[micro]\ninterval = \"1m\"\n[rest]\ninterval = \"2h\"\n");
  write("limber.toml", std::string(kAlways) + "[rest]\ninterval = \"90m\"\n");
  start();
  EXPECT_EQ(micro_interval_s(), 60) << "the site's value where the user sets none";
  const protocol::DaemonStatus s = protocol::daemon_status_from_json(call("status")["result"]);
  for (const protocol::BreakState& b : s.breaks) {
    if (b.kind == "rest") {
      EXPECT_EQ(b.interval_s, 90 * 60) << "the user's value over the site's";
    }
  }
}

}  // namespace
}  // namespace limber
