// Do not disturb holds break prompts while a fullscreen window is focused
// (Xvfb), while the session has an idle inhibitor (a dbusmock GNOME session
// manager, and a dbusmock org.freedesktop.PowerManagement) and while the
// notification server is inhibited (its Inhibited
// property), and delivers them when the condition ends. status.held_by
// names the conditions.
#include <gtest/gtest.h>
#include <systemd/sd-bus.h>

#include <cstring>
#include <thread>

#include "notify_test_fixture.h"
#include "xvfb_server.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>

namespace limber::test {
namespace {

// At this scale the first micro-break would fall due about 2 s after start.
constexpr const char* kFastScale = "--time-scale=10";
constexpr auto kLongerThanFirstDue = 4s;

class DoNotDisturbTest : public NotifyTest {
 protected:
  // Holds for `hold`, proving nothing was prompted, then returns whether
  // the daemon held (no due break, no notification).
  void expect_nothing_prompted_for(std::chrono::milliseconds hold) {
    std::this_thread::sleep_for(hold);
    EXPECT_EQ(daemon_.count_lines("micro-break #1 due"), 0u) << daemon_.stderr_text();
    EXPECT_TRUE(server_.notify_calls().empty());
  }
  void expect_delivered() {
    EXPECT_TRUE(logged(kFirstDue, 10s));
    EXPECT_TRUE(server_.wait_for_notify_calls(1, 10s)) << daemon_.stderr_text();
  }
};

// A bare sd-bus client for the mocks' Mock and Properties interfaces.
class MockClient {
 public:
  ~MockClient() {
    if (bus_ != nullptr) sd_bus_flush_close_unref(bus_);
  }
  bool connect(const std::string& address) {
    return sd_bus_new(&bus_) >= 0 && sd_bus_set_address(bus_, address.c_str()) >= 0 &&
           sd_bus_set_bus_client(bus_, 1) >= 0 && sd_bus_start(bus_) >= 0;
  }
  // Mock.AddProperty or Properties.Set of a uint32 property.
  bool property_u(const char* dest, const char* path, const char* interface, const char* name, uint32_t value,
                  bool add, std::string* err) {
    sd_bus_error error = SD_BUS_ERROR_NULL;
    const int r = sd_bus_call_method(bus_, dest, path, add ? "org.freedesktop.DBus.Mock" : "org.freedesktop.DBus.Properties",
                                     add ? "AddProperty" : "Set", &error, nullptr, "ssv", interface, name, "u", value);
    if (r < 0) *err = std::string(name) + ": " + (error.message != nullptr ? error.message : std::strerror(-r));
    sd_bus_error_free(&error);
    return r >= 0;
  }

 private:
  sd_bus* bus_ = nullptr;
};

TEST_F(DoNotDisturbTest, GnomeSessionIdleInhibitorHoldsPromptsUntilReleased) {
  start_server();
  ChildProcess session_manager;
  std::string err;
  ASSERT_TRUE(start_dbusmock(&session_manager, bus_,
                             {"org.gnome.SessionManager", "/org/gnome/SessionManager", "org.gnome.SessionManager"},
                             "org.gnome.SessionManager", &err))
      << err;
  MockClient client;
  ASSERT_TRUE(client.connect(bus_.address()));
  // 8: idle inhibited (a video plays); 4 (suspend) alone would not count.
  ASSERT_TRUE(client.property_u("org.gnome.SessionManager", "/org/gnome/SessionManager", "org.gnome.SessionManager",
                                "InhibitedActions", 8 | 4, true, &err))
      << err;
  ASSERT_TRUE(start_demo({}, kFastScale));
  ASSERT_TRUE(logged("do not disturb: prompts held: an application inhibits idleness.*\\(inhibitor\\)", 10s));
  DaemonRpc rpc;
  ASSERT_TRUE(connect_rpc(rpc));
  rpc::Json s = status(rpc);
  EXPECT_EQ(s["held_by"], rpc::Json::array({"inhibitor"}));
  EXPECT_EQ(s["quiet"], false) << "the user's own quiet is separate";
  EXPECT_EQ(s["mode"], "quiet");
  expect_nothing_prompted_for(kLongerThanFirstDue);

  ASSERT_TRUE(client.property_u("org.gnome.SessionManager", "/org/gnome/SessionManager", "org.gnome.SessionManager",
                                "InhibitedActions", 4, false, &err))
      << err;
  EXPECT_TRUE(logged("do not disturb: inhibitor ended", 5s));
  expect_delivered();
  EXPECT_EQ(status(rpc)["held_by"], rpc::Json::array());
}

// KDE and Xfce publish idle inhibitors through
// org.freedesktop.PowerManagement.Inhibit: HasInhibit() and the
// HasInhibitChanged(b) signal. The mock keeps the answer in an attribute;
// its test-only SetInhibited(b) changes it and emits the signal, as the
// real service does when an application inhibits or releases.
TEST_F(DoNotDisturbTest, PowerManagementInhibitHoldsPromptsUntilReleased) {
  start_server();
  constexpr const char* kService = "org.freedesktop.PowerManagement";
  constexpr const char* kPath = "/org/freedesktop/PowerManagement/Inhibit";
  constexpr const char* kInterface = "org.freedesktop.PowerManagement.Inhibit";
  ChildProcess power;
  std::string err;
  ASSERT_TRUE(start_dbusmock(&power, bus_, {kService, kPath, kInterface}, kService, &err)) << err;
  BusClient client;
  ASSERT_TRUE(client.connect(bus_.address(), &err)) << err;
  ASSERT_TRUE(client.add_method(kService, kPath, kInterface, "HasInhibit", "", "b",
                                "ret = getattr(self, 'inhibited', False)", &err))
      << err;
  ASSERT_TRUE(client.add_method(kService, kPath, kInterface, "SetInhibited", "b", "",
                                "self.inhibited = args[0]; "
                                "self.EmitSignal('org.freedesktop.PowerManagement.Inhibit', 'HasInhibitChanged', "
                                "'b', [args[0]])",
                                &err))
      << err;
  ASSERT_TRUE(client.call_b(kService, kPath, kInterface, "SetInhibited", true, &err)) << err;
  ASSERT_TRUE(start_demo({}, kFastScale));
  ASSERT_TRUE(logged("do not disturb: prompts held: an application inhibits idleness.*\\(inhibitor\\)", 10s));
  DaemonRpc rpc;
  ASSERT_TRUE(connect_rpc(rpc));
  EXPECT_EQ(status(rpc)["held_by"], rpc::Json::array({"inhibitor"}));
  expect_nothing_prompted_for(kLongerThanFirstDue);

  ASSERT_TRUE(client.call_b(kService, kPath, kInterface, "SetInhibited", false, &err)) << err;
  size_t ended = 0;
  EXPECT_TRUE(logged("do not disturb: inhibitor ended", 5s, 0, &ended));
  expect_delivered();
  EXPECT_EQ(status(rpc)["held_by"], rpc::Json::array());

  // Inhibited again later (a second video): held again, from the signal.
  ASSERT_TRUE(client.call_b(kService, kPath, kInterface, "SetInhibited", true, &err)) << err;
  EXPECT_TRUE(logged("do not disturb: prompts held: an application inhibits idleness", 5s, ended + 1));
  EXPECT_EQ(status(rpc)["held_by"], rpc::Json::array({"inhibitor"}));
}

TEST_F(DoNotDisturbTest, InhibitedNotificationServerHoldsPromptsUntilItIsNot) {
  start_server();
  std::string err;
  ASSERT_TRUE(server_.set_inhibited(true, &err)) << err;
  ASSERT_TRUE(start_demo({}, kFastScale));
  ASSERT_TRUE(logged("do not disturb: prompts held: the desktop is set to do not disturb \\(desktop-dnd\\)", 10s));
  DaemonRpc rpc;
  ASSERT_TRUE(connect_rpc(rpc));
  EXPECT_EQ(status(rpc)["held_by"], rpc::Json::array({"desktop-dnd"}));
  expect_nothing_prompted_for(kLongerThanFirstDue);

  ASSERT_TRUE(server_.set_inhibited(false, &err)) << err;
  EXPECT_TRUE(logged("do not disturb: desktop-dnd ended", 5s));
  expect_delivered();
}

TEST_F(DoNotDisturbTest, TurnedOffConditionDoesNotHold) {
  start_server();
  std::string err;
  ASSERT_TRUE(server_.set_inhibited(true, &err)) << err;
  ASSERT_TRUE(home_.write_user_config("[dnd]\ndesktop = false\n"));
  ASSERT_TRUE(start_demo({}, kFastScale));
  expect_delivered();
  EXPECT_EQ(daemon_.count_lines("prompts held"), 0u);
}

// --- fullscreen (X11) -------------------------------------------------------

// The test's own X client: one window, and the EWMH properties a window
// manager would set (Xvfb runs none).
class FakeWindowManager {
 public:
  ~FakeWindowManager() {
    if (display_ != nullptr) XCloseDisplay(display_);
  }
  bool open(const std::string& name) {
    display_ = XOpenDisplay(name.c_str());
    if (display_ == nullptr) return false;
    root_ = DefaultRootWindow(display_);
    active_ = XInternAtom(display_, "_NET_ACTIVE_WINDOW", False);
    state_ = XInternAtom(display_, "_NET_WM_STATE", False);
    fullscreen_ = XInternAtom(display_, "_NET_WM_STATE_FULLSCREEN", False);
    above_ = XInternAtom(display_, "_NET_WM_STATE_ABOVE", False);
    return true;
  }
  Window create_window() {
    Window w = XCreateSimpleWindow(display_, root_, 0, 0, 100, 100, 0, 0, 0);
    XMapWindow(display_, w);
    XSync(display_, False);
    return w;
  }
  void set_fullscreen(Window w, bool on) {
    // Another state atom stays, as real windows have several.
    Atom atoms[2] = {above_, fullscreen_};
    XChangeProperty(display_, w, state_, XA_ATOM, 32, PropModeReplace, reinterpret_cast<unsigned char*>(atoms),
                    on ? 2 : 1);
    XSync(display_, False);
  }
  void activate(Window w) {
    XChangeProperty(display_, root_, active_, XA_WINDOW, 32, PropModeReplace, reinterpret_cast<unsigned char*>(&w), 1);
    XSync(display_, False);
  }

 private:
  Display* display_ = nullptr;
  Window root_ = 0;
  Atom active_ = 0, state_ = 0, fullscreen_ = 0, above_ = 0;
};

class FullscreenTest : public DoNotDisturbTest {
 protected:
  void SetUp() override {
    DoNotDisturbTest::SetUp();
    std::string err;
    ASSERT_TRUE(xvfb_.start(&err)) << err;
    ASSERT_TRUE(wm_.open(xvfb_.display()));
  }
  ::testing::AssertionResult start_on_x() { return start_demo({"DISPLAY=" + xvfb_.display()}, kFastScale); }

  XvfbServer xvfb_;
  FakeWindowManager wm_;
};

TEST_F(FullscreenTest, FocusedFullscreenWindowHoldsPromptsAndLeavingFullscreenDeliversThem) {
  start_server();
  const Window video = wm_.create_window();
  wm_.set_fullscreen(video, true);
  wm_.activate(video);
  ASSERT_TRUE(start_on_x());
  ASSERT_TRUE(logged("do not disturb: prompts held: a fullscreen window is focused \\(fullscreen\\)", 10s));
  DaemonRpc rpc;
  ASSERT_TRUE(connect_rpc(rpc));
  EXPECT_EQ(status(rpc)["held_by"], rpc::Json::array({"fullscreen"}));
  expect_nothing_prompted_for(kLongerThanFirstDue);

  wm_.set_fullscreen(video, false);
  EXPECT_TRUE(logged("do not disturb: fullscreen ended", 5s));
  expect_delivered();
}

TEST_F(FullscreenTest, FocusMovingToAFullscreenWindowHoldsAndMovingAwayReleases) {
  start_server();
  const Window editor = wm_.create_window();
  const Window video = wm_.create_window();
  wm_.set_fullscreen(video, true);
  wm_.activate(editor);
  ASSERT_TRUE(start_on_x());
  ASSERT_TRUE(logged("ready$", 10s));
  EXPECT_EQ(daemon_.count_lines("prompts held"), 0u);
  wm_.activate(video);
  size_t held = 0;
  ASSERT_TRUE(logged("prompts held: a fullscreen window is focused", 5s, 0, &held));
  wm_.activate(editor);
  size_t ended = 0;
  ASSERT_TRUE(logged("do not disturb: fullscreen ended", 5s, held, &ended));
  // The watch follows the newly focused window: its state changing counts,
  // the old window's does not.
  wm_.set_fullscreen(video, false);
  wm_.set_fullscreen(editor, true);
  EXPECT_TRUE(logged("prompts held: a fullscreen window is focused", 5s, ended + 1));
  EXPECT_EQ(daemon_.count_lines("do not disturb: fullscreen ended"), 1u) << daemon_.stderr_text();
}

}  // namespace
}  // namespace limber::test
