// prompt.style with a running tray, end to end: limberd decides per prompt
// whether the tray's window or a desktop notification reminds the user,
// and the tray shows its window only when told "window". A real limberd
// and limber-tray on Xvfb, python3-dbusmock's notification server on a
// private session bus, xdotool typing.
#include <gtest/gtest.h>

#include <thread>

#include "notification_mock.h"
#include "test_bus.h"
#include "tray_fixture.h"

namespace limber::test {
namespace {

constexpr const char* kConnected = "^limber-tray: connected to limberd$";
constexpr const char* kPromptTitle = "^Micro-break — Limber$";
constexpr const char* kShownByNotification = "break #[0-9]+ reminder shown as a notification";
constexpr const char* kWindowShown = "prompt: showing the micro break [0-9]+$";

class PromptStyleTest : public TrayTest {
 protected:
  void SetUp() override {
    TrayTest::SetUp();
    std::string err;
    ASSERT_TRUE(bus_.start(&err)) << err;
    ASSERT_TRUE(server_.start(bus_, "actions body", &err)) << err;
  }

  // Daemon and tray on the test's X server and bus, connected, with
  // prompt.style = `style`.
  void start_both(const std::string& style) {
    ASSERT_TRUE(home_.write_user_config(std::string(kTrayRules) + "\n[prompt]\nstyle = \"" + style + "\"\n"));
    ASSERT_TRUE(start({"--log-level=debug", "--source=x11", kShortScale},
                      {"DISPLAY=" + xvfb_.display(), "DBUS_SESSION_BUS_ADDRESS=" + bus_.address()}));
    ASSERT_TRUE(logged(kReady, 10s));
    std::string err;
    ASSERT_TRUE(tray_.start(LIMBER_TRAY_PATH, {"--debug"},
                            home_.environment({"DISPLAY=" + xvfb_.display(), "GDK_BACKEND=x11", "NO_AT_BRIDGE=1",
                                               "DBUS_SESSION_BUS_ADDRESS=" + bus_.address()}),
                            &err))
        << err;
    ASSERT_TRUE(tray_logged(kConnected, 10s));
    ASSERT_TRUE(daemon_sees_tray(true, 5s));
  }

  PrivateBus bus_;
  NotificationServerMock server_;
  std::optional<Typist> typist_;
};

TEST_F(PromptStyleTest, NotificationStyleNotifiesOnceAndTheTrayShowsNoWindow) {
  start_both("notification");
  typist_.emplace();
  ASSERT_TRUE(logged("micro-break #[0-9]+ due", 30s));
  ASSERT_TRUE(logged(kShownByNotification, 10s));
  EXPECT_TRUE(server_.wait_for_notify_calls(1, 2s));
  EXPECT_FALSE(window_exists(kPromptTitle, 2s)) << tray_.stderr_text();
  EXPECT_EQ(tray_.count_lines("prompt: showing"), 0u) << tray_.stderr_text();
  EXPECT_EQ(server_.notify_calls().size(), 1u);
}

TEST_F(PromptStyleTest, WindowStyleShowsTheWindowAndNoNotification) {
  start_both("window");
  typist_.emplace();
  ASSERT_TRUE(tray_logged(kWindowShown, 30s));
  EXPECT_TRUE(window_exists(kPromptTitle, 5s));
  EXPECT_TRUE(logged("break reminder left to the tray \\(prompt.style window\\)", 1s));
  std::this_thread::sleep_for(1s);  // a notification would have been asked for by now
  EXPECT_TRUE(server_.notify_calls().empty());
  EXPECT_EQ(daemon_.count_lines("reminder shown as a notification"), 0u);
}

TEST_F(PromptStyleTest, AutoNotifiesWhileTypingThenThePauseBringsTheWindow) {
  start_both("auto");
  typist_.emplace();
  size_t shown = 0;
  ASSERT_TRUE(logged(kShownByNotification, 30s, 0, &shown));
  ASSERT_TRUE(server_.wait_for_notify_calls(1, 2s));
  EXPECT_FALSE(window_exists(kPromptTitle, 1s)) << "a window while the user types";
  EXPECT_EQ(tray_.count_lines("prompt: showing"), 0u) << tray_.stderr_text();
  // The user stops: the notification goes, the window comes.
  typist_->stop();
  EXPECT_TRUE(logged("break #[0-9]+ now prompted by window", 5s, shown));
  EXPECT_TRUE(server_.wait_for_close(1, 5s))  // the server numbers its first notification 1
      << daemon_.stderr_text();
  EXPECT_TRUE(tray_logged(kWindowShown, 5s));
  EXPECT_EQ(server_.notify_calls().size(), 1u) << "no second notification";
}

}  // namespace
}  // namespace limber::test
