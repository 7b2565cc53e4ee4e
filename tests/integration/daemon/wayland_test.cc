// limberd on Wayland: the daemon follows limber_test_compositor's idle
// protocol events, with ext-idle-notify-v1 and, separately, the older
// org_kde_kwin_idle that sway 1.7 offers.
#include <gtest/gtest.h>

#include "history_db.h"
#include "limberd_test.h"
#include "wayland_desktop.h"

namespace limber::test {
namespace {

class LimberdWayland : public LimberdTest, public ::testing::WithParamInterface<const char*> {
 protected:
  WaylandDesktop desktop_{home_};
};

TEST_P(LimberdWayland, FollowsIdleAndResumeAndRecordsANaturalBreak) {
  ASSERT_TRUE(home_.write_user_config(kShortRules));
  ASSERT_TRUE(desktop_.start({GetParam()}));
  ASSERT_TRUE(start({"--log-level=debug", kShortScale}, {WaylandDesktop::display_env()}));
  ASSERT_TRUE(logged("activity source: wayland$", 10s));
  // The daemon asks for an idle notification after its noise filter (1 s
  // at scale 10: 100 ms), which tells it the last input to within that.
  const std::string request = std::string(GetParam()) == "--kde-idle" ? "kde-idle-timeout timeout=100"
                                                                      : "ext-idle-notification timeout=100";
  EXPECT_TRUE(desktop_.compositor().expect_line(request));
  // The compositor has said nothing: no input is known, so nobody is active.
  EXPECT_FALSE(logged("debug: user active$", 1s)) << "active with no input at all";

  // "resumed": input now, and then no "idled" — input goes on.
  desktop_.compositor().send("resume");
  size_t active_at = 0;
  ASSERT_TRUE(logged("debug: user active$", 5s, 0, &active_at));

  desktop_.compositor().send("idle");
  size_t idle_at = 0;
  ASSERT_TRUE(logged("debug: user idle$", 5s, active_at, &idle_at));
  // micro.duration is 10 s (1 s here) of idle time: a natural micro-break.
  EXPECT_TRUE(logged("natural micro-break: away for ", 5s, idle_at));

  desktop_.compositor().send("resume");
  EXPECT_TRUE(logged("debug: user active$", 5s, idle_at));

  ASSERT_TRUE(stops_cleanly());
  HistoryDb db;
  std::string err;
  ASSERT_TRUE(db.open(home_.history_path(), &err)) << err;
  EXPECT_GE(db.integer("SELECT count(*) FROM natural_breaks WHERE kind = 'micro' AND idle_ms >= 10000"),
            1)
      << db.last_error();
  EXPECT_GT(db.integer("SELECT sum(active_ms) FROM activity").value_or(0), 0);
}

TEST_P(LimberdWayland, ReloadWithANewNoiseFilterAsksTheCompositorForIt) {
  ASSERT_TRUE(home_.write_user_config(kShortRules));
  ASSERT_TRUE(desktop_.start({GetParam()}));
  ASSERT_TRUE(start({kShortScale}, {WaylandDesktop::display_env()}));
  ASSERT_TRUE(logged("activity source: wayland$", 10s));
  const std::string prefix = std::string(GetParam()) == "--kde-idle" ? "kde-idle-timeout timeout="
                                                                     : "ext-idle-notification timeout=";
  EXPECT_TRUE(desktop_.compositor().expect_line(prefix + "100"));

  std::string rules = kShortRules;
  const std::string old_filter = "noise_filter = \"1s\"";
  rules.replace(rules.find(old_filter), old_filter.size(), "noise_filter = \"2s\"");
  ASSERT_TRUE(home_.write_user_config(rules));
  daemon_.send_signal(SIGHUP);
  size_t restart = 0;
  ASSERT_TRUE(logged("restarting the activity source for the new idle grace or noise filter", 5s, 0, &restart));
  // 2 s at scale 10: the new notification asks for 200 ms.
  EXPECT_TRUE(desktop_.compositor().expect_line(prefix + "200"));
  EXPECT_TRUE(logged("activity source: wayland$", 5s, restart));
  EXPECT_TRUE(stops_cleanly());
}

INSTANTIATE_TEST_SUITE_P(IdleProtocols, LimberdWayland, ::testing::Values("--ext-idle-notify", "--kde-idle"),
                         [](const ::testing::TestParamInfo<const char*>& protocol) {
                           return std::string(protocol.param) == "--kde-idle" ? "KdeIdle" : "ExtIdleNotify";
                         });

}  // namespace
}  // namespace limber::test
