// limber-tray end to end: a real limberd, a real tray, Xvfb and xdotool.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tray_fixture.h"

namespace limber::test {
namespace {

// Not "Not connected to limberd", which the status line also says.
constexpr const char* kConnected = "^limber-tray: connected to limberd$";
constexpr const char* kPromptTitle = "^Micro-break — Limber$";

class TrayPrompt : public TrayTest {
 protected:
  // Daemon and tray up, the user typing until a micro-break is prompted.
  void bring_prompt() {
    ASSERT_TRUE(start_daemon());
    ASSERT_TRUE(start_tray(tray_));
    ASSERT_TRUE(tray_logged(kConnected, 10s));
    typist_.emplace();
    ASSERT_TRUE(tray_logged("prompt: showing the micro break [0-9]+$", 30s, 0, &prompt_at_));
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
  EXPECT_TRUE(window_exists("^Limber — Micro-break in ", 5s));
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
  EXPECT_FALSE(window_exists(kPromptTitle, 1s));
  ASSERT_TRUE(stops_cleanly());
  EXPECT_EQ(first_outcome(), "taken");
}

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
