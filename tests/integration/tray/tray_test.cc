// limber-tray end to end: a real limberd, a real tray, Xvfb and xdotool.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "tray_fixture.h"

namespace limber::test {
namespace {

// Not "Not connected to limberd", which the status line also says.
constexpr const char* kConnected = "^limber-tray: connected to limberd$";
constexpr const char* kPromptTitle = "^Micro-break — Limber$";

// Shell out to ImageMagick: `import` grabs the window, `identify` counts
// its colours (a blank or failed grab has one or two).
std::string run_text(const std::string& command) {
  std::string out;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buf[256];
    while (std::fgets(buf, sizeof buf, p) != nullptr) out += buf;
    ::pclose(p);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

class TrayPrompt : public TrayTest {
 protected:
  // Daemon and tray up, the user typing until a micro-break is prompted.
  void bring_prompt() {
    ASSERT_TRUE(start_daemon());
    ASSERT_TRUE(start_tray(tray_));
    ASSERT_TRUE(tray_logged(kConnected, 10s));
    typist_.emplace();
    ASSERT_TRUE(tray_logged("prompt: showing the micro break [0-9]+( \\(strict\\))?$", 30s, 0, &prompt_at_));
    EXPECT_TRUE(window_exists(kPromptTitle, 5s)) << "no window titled " << kPromptTitle;
  }
  // The break's end as limberd logs it: "micro-break #N ended: <outcome>".
  ::testing::AssertionResult break_ended(const std::string& outcome) {
    return logged("micro-break #[0-9]+ ended: " + outcome + "$", 10s);
  }

  std::optional<Typist> typist_;
  size_t prompt_at_ = 0;
};

TEST_F(TrayTest, ConnectsAndLimberdSeesTheTray) {
  ASSERT_TRUE(start_daemon());
  ASSERT_TRUE(start_tray(tray_));
  ASSERT_TRUE(tray_logged("showing the tray as window \\(neither", 10s));
  ASSERT_TRUE(tray_logged(kConnected, 10s));
  EXPECT_TRUE(daemon_sees_tray(true, 5s));
  // The status window's title carries the time to the next break.
  ASSERT_TRUE(window_exists("^Limber — Micro-break in ", 5s));
  // It maps at its content's size (icon, two lines of text, a row of
  // buttons), not as an empty strip.
  const std::string size = run_text("xdotool search --name '^Limber — Micro-break in ' getwindowgeometry --shell"
                                    " | grep -E '^(WIDTH|HEIGHT)=' | cut -d= -f2 | tr '\\n' ' '");
  int w = 0, h = 0;
  ASSERT_EQ(std::sscanf(size.c_str(), "%d %d", &w, &h), 2) << size;
  EXPECT_GE(w, 440);
  EXPECT_GE(h, 100);
}

TEST_F(TrayPrompt, PostponeClickIsRecordedAsPostponed) {
  bring_prompt();
  ASSERT_TRUE(click_prompt_button("postpone", prompt_at_));
  ASSERT_TRUE(break_ended("postponed"));
  EXPECT_TRUE(tray_logged("prompt: closed, the break ended: postponed$", 5s));
  typist_->stop();
  ASSERT_TRUE(stops_cleanly());
  EXPECT_EQ(first_outcome(), "postponed");
}

TEST_F(TrayPrompt, SkipClickIsRecordedAsSkipped) {
  bring_prompt();
  ASSERT_TRUE(click_prompt_button("skip", prompt_at_));
  ASSERT_TRUE(break_ended("skipped"));
  EXPECT_TRUE(tray_logged("prompt: closed, the break ended: skipped$", 5s));
  typist_->stop();
  ASSERT_TRUE(stops_cleanly());
  EXPECT_EQ(first_outcome(), "skipped");
}

TEST_F(TrayPrompt, StartClickStartsTheBreakWhichIsThenTaken) {
  bring_prompt();
  // Still typing: only the click can start the countdown now.
  ASSERT_TRUE(click_prompt_button("start", prompt_at_));
  ASSERT_TRUE(logged("micro-break #[0-9]+ started$", 5s));
  // Hands off: the 2 s countdown runs out and the break is taken.
  typist_->stop();
  ASSERT_TRUE(break_ended("taken"));
  EXPECT_TRUE(tray_logged("prompt: closed, the break ended: taken$", 5s));
  EXPECT_TRUE(window_gone(kPromptTitle, 3s));
  ASSERT_TRUE(stops_cleanly());
  EXPECT_EQ(first_outcome(), "taken");
}

TEST_F(TrayPrompt, StrictModeCoversTheWholeScreen) {
  ASSERT_TRUE(home_.write_user_config(std::string(kTrayRules) + kWindowPrompt + "strict = true\n"));
  bring_prompt();
  EXPECT_TRUE(tray_logged("prompt: showing the micro break [0-9]+ \\(strict\\)$", 1s));
  const std::string screen = run_text("xdotool getdisplaygeometry");
  const std::string window = run_text("xdotool search --name '" + std::string(kPromptTitle) +
                                      "' getwindowgeometry --shell | grep -E '^(WIDTH|HEIGHT)=' | cut -d= -f2 | "
                                      "tr '\\n' ' '");
  int sw = 0, sh = 0, ww = 0, wh = 0;
  ASSERT_EQ(std::sscanf(screen.c_str(), "%d %d", &sw, &sh), 2) << screen;
  ASSERT_EQ(std::sscanf(window.c_str(), "%d %d", &ww, &wh), 2) << window;
  // (A borderless full-screen GTK window may overhang by a pixel.)
  EXPECT_GE(ww, sw);
  EXPECT_GE(wh, sh);
  // The answers still work full screen.
  ASSERT_TRUE(click_prompt_button("skip", prompt_at_));
  ASSERT_TRUE(break_ended("skipped"));
}

TEST_F(TrayPrompt, StrictModeWithNoTrayRunningStartsOneThatCoversTheScreen) {
  // Strict mode is the daemon's: no tray runs and prompt.style asks for a
  // notification, yet the due break covers the screen.
  ASSERT_TRUE(home_.write_user_config(std::string(kTrayRules) + "\n[prompt]\nstyle = \"notification\"\nstrict = true\n"));
  ASSERT_TRUE(start({"--log-level=debug", "--source=x11", kShortScale},
                    {"DISPLAY=" + xvfb_.display(), "LIMBER_TRAY=" LIMBER_TRAY_PATH, "GDK_BACKEND=x11",
                     "NO_AT_BRIDGE=1"}));
  ASSERT_TRUE(logged(kReady, 10s));
  typist_.emplace();
  size_t at = 0;
  ASSERT_TRUE(logged("started .*limber-tray \\(pid [0-9]+\\) to show a strict break's window$", 30s, 0, &at));
  std::smatch m;
  const std::string line = daemon_.lines().at(at);
  ASSERT_TRUE(std::regex_search(line, m, std::regex("\\(pid ([0-9]+)\\)")));
  const pid_t tray_pid = static_cast<pid_t>(std::stol(m[1]));
  const bool covered = window_exists(kPromptTitle, 15s);
  const std::string screen = run_text("xdotool getdisplaygeometry");
  const std::string window = run_text("xdotool search --name '" + std::string(kPromptTitle) +
                                      "' getwindowgeometry --shell | grep -E '^(WIDTH|HEIGHT)=' | cut -d= -f2 | "
                                      "tr '\\n' ' '");
  ::kill(tray_pid, SIGTERM);  // it was started detached: it is not our child
  ASSERT_TRUE(covered) << "no window titled " << kPromptTitle << "\n" << daemon_.stderr_text();
  int sw = 0, sh = 0, ww = 0, wh = 0;
  ASSERT_EQ(std::sscanf(screen.c_str(), "%d %d", &sw, &sh), 2) << screen;
  ASSERT_EQ(std::sscanf(window.c_str(), "%d %d", &ww, &wh), 2) << window;
  EXPECT_GE(ww, sw);
  EXPECT_GE(wh, sh);
  EXPECT_EQ(daemon_.count_lines("notifications: shown by"), 0u) << "a strict break is never a notification here";
}

TEST_F(TrayPrompt, ScreenshotOfThePromptIsNotBlank) {
  // The user keeps typing: the prompt as first seen, with all its actions.
  bring_prompt();
  ASSERT_TRUE(tray_logged("prompt: button start at ", 5s, prompt_at_));
  std::this_thread::sleep_for(500ms);  // the exercise's steps arrive over IPC
  const std::string window = run_text("xdotool search --name '" + std::string(kPromptTitle) + "' | head -1");
  ASSERT_FALSE(window.empty());
  const std::string png = std::string(LIMBER_SCREENSHOT_DIR) + "/prompt.png";
  std::filesystem::remove(png);
  ASSERT_EQ(std::system(("import -window " + window + " " + png).c_str()), 0);
  ASSERT_TRUE(std::filesystem::exists(png));
  const std::string geometry = run_text("identify -format '%w %h %k' " + png);
  int w = 0, h = 0, colours = 0;
  ASSERT_EQ(std::sscanf(geometry.c_str(), "%d %d %d", &w, &h, &colours), 3) << geometry;
  EXPECT_GE(w, 400);
  EXPECT_GE(h, 300);
  // Text, the illustration and buttons: far more than a blank window's colours.
  EXPECT_GE(colours, 50) << png;
}

TEST_F(TrayTest, DaemonRestartShowsDisconnectedThenReconnectsWithinTwoSeconds) {
  ASSERT_TRUE(start_daemon());
  ASSERT_TRUE(start_tray(tray_));
  size_t at = 0;
  ASSERT_TRUE(tray_logged(kConnected, 10s, 0, &at));
  ASSERT_TRUE(stops_cleanly());
  ASSERT_TRUE(tray_logged("disconnected from limberd", 5s, at, &at));
  EXPECT_TRUE(window_exists("^Limber — Not connected to limberd$", 5s));
  EXPECT_TRUE(tray_.running());

  ASSERT_TRUE(start({"--log-level=debug", "--source=x11", kShortScale}, {"DISPLAY=" + xvfb_.display()}));
  ASSERT_TRUE(logged(kReady, 10s));
  // The tray retries every second: connected well within 2 s of ready.
  ASSERT_TRUE(tray_logged(kConnected, 2s, at + 1));
  EXPECT_TRUE(window_exists("^Limber — Micro-break in ", 5s));
  EXPECT_TRUE(daemon_sees_tray(true, 3s));
}

TEST_F(TrayTest, ShowsAStatusNotifierItemWhenAWatcherIsOnTheSessionBus) {
  PrivateBus bus;
  std::string err;
  ASSERT_TRUE(bus.start(&err)) << err;
  ChildProcess watcher;
  ASSERT_TRUE(start_dbusmock(&watcher, bus,
                             {"org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
                              "org.kde.StatusNotifierWatcher"},
                             "org.kde.StatusNotifierWatcher", &err))
      << err;
  BusClient client;
  ASSERT_TRUE(client.connect(bus.address(), &err)) << err;
  ASSERT_TRUE(client.add_method("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
                                "org.kde.StatusNotifierWatcher", "RegisterStatusNotifierItem", "s", "", "", &err))
      << err;
  ASSERT_TRUE(start_daemon());
  std::string error;
  auto env = home_.environment({"DISPLAY=" + xvfb_.display(), "GDK_BACKEND=x11", "NO_AT_BRIDGE=1",
                                "DBUS_SESSION_BUS_ADDRESS=" + bus.address()});
  ASSERT_TRUE(tray_.start(LIMBER_TRAY_PATH, {"--debug"}, env, &error)) << error;
  ASSERT_TRUE(tray_logged("showing the tray as appindicator \\(a StatusNotifierWatcher", 10s));
  ASSERT_TRUE(tray_logged(kConnected, 10s));
  // libayatana-appindicator registered the item with the watcher.
  const auto end = std::chrono::steady_clock::now() + 5s;
  int calls = 0;
  while ((calls = client.method_calls("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
                                      "RegisterStatusNotifierItem")) < 1 &&
         std::chrono::steady_clock::now() < end) {
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_GE(calls, 1);
  // No status window pops up where a tray icon exists.
  EXPECT_FALSE(window_exists("^Limber — ", 1s));
}

TEST_F(TrayTest, SecondInstanceAsksTheFirstAndExitsZero) {
  ASSERT_TRUE(start_daemon());
  ASSERT_TRUE(start_tray(tray_));
  ASSERT_TRUE(tray_logged(kConnected, 10s));
  DaemonProcess second;
  ASSERT_TRUE(start_tray(second));
  EXPECT_EQ(second.wait_for_exit(10s), 0) << second.stderr_text();
  EXPECT_NE(second.stderr_text().find("another limber-tray is running: asked it to show its window"),
            std::string::npos)
      << second.stderr_text();
  // The first one is still there, serving.
  std::this_thread::sleep_for(300ms);
  EXPECT_TRUE(tray_.running());
  EXPECT_EQ(tray_.wait_for_exit(0ms), -1) << tray_.stderr_text();
  EXPECT_TRUE(daemon_sees_tray(true, 3s));
}

}  // namespace
}  // namespace limber::test
