// GNOME's do-not-disturb switch (org.gnome.desktop.notifications
// show-banners) against the real dconf: the private bus activates the real
// dconf-service in the test's own XDG dirs, the test flips the key with
// `gsettings set` as GNOME Settings would, and limberd (which links no GLib)
// follows dconf's change signal and holds, then delivers, the prompt.
#include <gtest/gtest.h>

#include <thread>

#include "desktop_commands.h"
#include "notify_test_fixture.h"

namespace limber::test {
namespace {

// At this scale the first micro-break would fall due about 2 s after start.
constexpr const char* kFastScale = "--time-scale=10";

class GnomeDndTest : public NotifyTest {
 protected:
  void SetUp() override {
    NotifyTest::SetUp();
    if (HasFailure()) return;
    start_server();  // first: nothing may auto-start a real notification server
    // dconf-service, started by the bus on the first write, must keep the
    // settings where limberd's `gsettings get` reads them.
    std::string err;
    ASSERT_TRUE(set_activation_environment(bus_.address(), desktop_env(), &err)) << err;
  }

  std::vector<std::string> desktop_env() const {
    return {"HOME=" + home_.root() + "/home", "XDG_CONFIG_HOME=" + home_.root() + "/config",
            "XDG_RUNTIME_DIR=" + home_.runtime_dir()};
  }

  // `gsettings set org.gnome.desktop.notifications show-banners <value>`,
  // run as the user's session would (same dirs, same bus as limberd).
  ::testing::AssertionResult set_show_banners(bool value) {
    std::string err;
    if (!run_command({"/usr/bin/gsettings", "set", "org.gnome.desktop.notifications",
                      "show-banners", value ? "true" : "false"},
                     home_.environment({"DBUS_SESSION_BUS_ADDRESS=" + bus_.address()}), 10s,
                     nullptr, &err)) {
      return ::testing::AssertionFailure() << err;
    }
    return ::testing::AssertionSuccess();
  }
  std::string show_banners() {
    std::string out;
    std::string err;
    if (!run_command(
            {"/usr/bin/gsettings", "get", "org.gnome.desktop.notifications", "show-banners"},
            home_.environment(), 10s, &out, &err)) {
      return err;
    }
    return out;
  }
};

TEST_F(GnomeDndTest, ShowBannersOffHoldsPromptsAndOnDeliversThem) {
  ASSERT_TRUE(set_show_banners(false));
  ASSERT_EQ(show_banners(), "false\n") << "dconf did not keep the value where limberd reads it";
  ASSERT_TRUE(start_demo({}, kFastScale));
  ASSERT_TRUE(logged(
      "do not disturb: prompts held: the desktop is set to do not disturb \\(desktop-dnd\\)", 10s));
  DaemonRpc rpc;
  ASSERT_TRUE(connect_rpc(rpc));
  EXPECT_EQ(status(rpc)["held_by"], rpc::Json::array({"desktop-dnd"}));
  std::this_thread::sleep_for(4s);  // the first break would have fallen due after about 2 s
  EXPECT_EQ(daemon_.count_lines("micro-break #1 due"), 0u) << daemon_.stderr_text();
  EXPECT_TRUE(server_.notify_calls().empty());

  ASSERT_TRUE(set_show_banners(true));
  EXPECT_TRUE(logged("do not disturb: desktop-dnd ended", 5s));
  EXPECT_TRUE(logged(kFirstDue, 10s));
  EXPECT_TRUE(server_.wait_for_notify_calls(1, 10s)) << daemon_.stderr_text();
  EXPECT_EQ(status(rpc)["held_by"], rpc::Json::array());
}

TEST_F(GnomeDndTest, TurningShowBannersOffWhileRunningHoldsPrompts) {
  ASSERT_TRUE(set_show_banners(true));
  // At --time-scale 2 the first micro-break falls due about 10 s after start.
  ASSERT_TRUE(start_demo({}, "--time-scale=2"));
  ASSERT_TRUE(logged(kReady, 10s));
  EXPECT_EQ(daemon_.count_lines("prompts held"), 0u);
  ASSERT_TRUE(set_show_banners(false));
  ASSERT_TRUE(logged(
      "do not disturb: prompts held: the desktop is set to do not disturb \\(desktop-dnd\\)", 5s));
  DaemonRpc rpc;
  ASSERT_TRUE(connect_rpc(rpc));
  EXPECT_EQ(status(rpc)["held_by"], rpc::Json::array({"desktop-dnd"}));
  // Another key of the same schema changing is not the switch.
  std::string err;
  ASSERT_TRUE(run_command({"/usr/bin/gsettings", "set", "org.gnome.desktop.notifications",
                           "show-in-lock-screen", "false"},
                          home_.environment({"DBUS_SESSION_BUS_ADDRESS=" + bus_.address()}), 10s,
                          nullptr, &err))
      << err;
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(daemon_.count_lines("desktop-dnd ended"), 0u) << daemon_.stderr_text();
  ASSERT_TRUE(set_show_banners(true));
  EXPECT_TRUE(logged("do not disturb: desktop-dnd ended", 5s));
}

TEST_F(GnomeDndTest, WithoutTheSchemaGnomesSwitchIsNotWatched) {
  ASSERT_TRUE(set_show_banners(false));
  ASSERT_TRUE(start_demo({"XDG_DATA_DIRS=" + home_.root() + "/no-schemas"}, kFastScale));
  EXPECT_TRUE(
      logged("GNOME's switch not watched: the GSettings schema org.gnome.desktop.notifications is "
             "not installed",
             10s));
  EXPECT_TRUE(logged(kFirstDue, 10s));
  EXPECT_EQ(daemon_.count_lines("prompts held"), 0u);
}

}  // namespace
}  // namespace limber::test
