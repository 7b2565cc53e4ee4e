// limberd's command line, its one-instance lock, and how it picks an
// activity source when the machine offers none.
#include <gtest/gtest.h>

#include <regex>

#include "limberd_test.h"

namespace limber::test {
namespace {

// A DaemonProcess that only prints and exits: its status within 10 s.
int run_to_exit(DaemonProcess& process, const DaemonHome& home, const std::vector<std::string>& args) {
  std::string err;
  if (!process.start(limberd_path(), args, home.environment(), &err)) {
    ADD_FAILURE() << err;
    return -1;
  }
  return process.wait_for_exit(10s);
}

using LimberdCommandLine = LimberdTest;

TEST_F(LimberdCommandLine, HelpPrintsUsageToStdoutAndExitsZero) {
  DaemonProcess p;
  EXPECT_EQ(run_to_exit(p, home_, {"--help"}), 0);
  const std::string out = p.stdout_text();
  EXPECT_EQ(out.rfind("Usage: limberd [OPTION]...", 0), 0u) << out;
  for (const char* option : {"--config", "--foreground", "--log-level", "--demo", "--source",
                             "--time-scale", "--help", "--version", "Exit status"}) {
    EXPECT_NE(out.find(option), std::string::npos) << "--help does not mention " << option;
  }
  EXPECT_EQ(p.line_count(), 0u) << p.stderr_text();

  DaemonProcess short_form;
  EXPECT_EQ(run_to_exit(short_form, home_, {"-h"}), 0);
  EXPECT_EQ(short_form.stdout_text(), out);
}

TEST_F(LimberdCommandLine, VersionPrintsNameAndVersionAndExitsZero) {
  for (const char* flag : {"--version", "-V"}) {
    DaemonProcess p;
    EXPECT_EQ(run_to_exit(p, home_, {flag}), 0) << flag;
    EXPECT_TRUE(std::regex_match(p.stdout_text(), std::regex("limberd \\d+\\.\\d+\\.\\d+\n")))
        << flag << " printed: " << p.stdout_text();
  }
}

TEST_F(LimberdCommandLine, UnknownOptionExitsTwoAndNamesIt) {
  DaemonProcess p;
  EXPECT_EQ(run_to_exit(p, home_, {"--frobnicate"}), 2);
  EXPECT_TRUE(logged(p, "unknown option '--frobnicate'", 1s));
  EXPECT_TRUE(logged(p, "Try 'limberd --help'", 1s));
  EXPECT_EQ(p.stdout_text(), "");
}

TEST_F(LimberdCommandLine, BadOptionValuesExitTwo) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--time-scale", "0"}, {"--time-scale=fast"}, {"--log-level", "loud"},
        {"--source", "evdev"}, {"--source", "demo"} /* only with --demo */, {"--config"}}) {
    DaemonProcess p;
    EXPECT_EQ(run_to_exit(p, home_, args), 2) << args[0] << " " << (args.size() > 1 ? args[1] : "");
    EXPECT_TRUE(logged(p, "^limberd: ", 1s));
  }
}

using LimberdInstance = LimberdTest;

TEST_F(LimberdInstance, SecondDaemonWithSameRuntimeDirExitsNonZeroSayingOneIsRunning) {
  ASSERT_TRUE(start({"--demo", "--source", "demo"}));
  ASSERT_TRUE(logged(kReady, 10s));

  DaemonProcess second;
  ASSERT_TRUE(start(second, {"--demo", "--source", "demo"}));
  EXPECT_EQ(second.wait_for_exit(10s), 1);
  EXPECT_TRUE(logged(second, "limberd is already running", 1s));
  EXPECT_EQ(second.count_lines(kReady), 0u) << second.stderr_text();

  // The first one is unharmed and still serves.
  EXPECT_TRUE(daemon_.running());
  EXPECT_TRUE(stops_cleanly());
}

TEST_F(LimberdInstance, NextDaemonStartsOnceTheFirstHasStopped) {
  ASSERT_TRUE(start({"--demo", "--source", "demo"}));
  ASSERT_TRUE(logged(kReady, 10s));
  ASSERT_TRUE(stops_cleanly());
  ASSERT_TRUE(start({"--demo", "--source", "demo"}));
  EXPECT_TRUE(logged(kReady, 10s));
  EXPECT_TRUE(stops_cleanly());
}

using LimberdSourceSelection = LimberdTest;

TEST_F(LimberdSourceSelection, WithoutAnySourceExitsOneNamingEverySourceTriedAndWhy) {
  // No display, no Wayland socket, no session bus (see DaemonHome).
  ASSERT_TRUE(start({}));
  EXPECT_EQ(daemon_.wait_for_exit(10s), 1);
  const std::string why = "no activity source works here: "
                          "mutter: [^;]*session bus[^;]*; "
                          "wayland: [^;]*WAYLAND_DISPLAY[^;]*; "
                          "x11: [^;]*DISPLAY[^;]*$";
  EXPECT_TRUE(logged("error: " + why, 1s));
  EXPECT_EQ(daemon_.count_lines(kReady), 0u) << daemon_.stderr_text();
  // Its last word does not pretend it had timers to save.
  EXPECT_EQ(daemon_.count_lines("break timers saved"), 0u) << daemon_.stderr_text();
  EXPECT_TRUE(logged("limberd: stopped$", 1s));
}

TEST_F(LimberdSourceSelection, NamedSourceThatFailsIsTheOnlyOneTried) {
  ASSERT_TRUE(start({"--source", "x11"}));
  EXPECT_EQ(daemon_.wait_for_exit(10s), 1);
  EXPECT_TRUE(logged("no activity source works here: x11: [^;]*DISPLAY[^;]*$", 1s));
}

TEST_F(LimberdSourceSelection, DemoWithoutAnySourceKeepsRunningWithPretendUserAndPrompts) {
  ASSERT_TRUE(start({"--demo", "--time-scale", "20"}));
  EXPECT_TRUE(logged("no activity source works here \\(mutter: .*; wayland: .*; x11: .*\\); the demo", 10s));
  EXPECT_TRUE(logged("activity source: demo", 1s));
  EXPECT_TRUE(logged(kReady, 5s));
  // Demo rules: a micro-break after 20 s of activity, 1 s at this scale.
  EXPECT_TRUE(logged("micro-break #1 due", 10s));
  EXPECT_TRUE(daemon_.running());
  EXPECT_TRUE(stops_cleanly());
}

TEST_F(LimberdSourceSelection, DemoAtRealSpeedPromptsWithinThirtySeconds) {
  const auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(start({"--demo"}));
  EXPECT_TRUE(logged("micro-break #1 due", 30s));
  EXPECT_LT(std::chrono::steady_clock::now() - started, 30s);
  EXPECT_TRUE(stops_cleanly());
}

}  // namespace
}  // namespace limber::test
