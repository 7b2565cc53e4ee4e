// Smoke test against a real notification server: dunst on Xvfb shows
// limberd's reminder (it lands in dunst's history once limberd closes it at
// the end of the break), and pausing dunst holds prompts.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <thread>

#include <unistd.h>

#include "notify_test_fixture.h"
#include "xvfb_server.h"

namespace limber::test {
namespace {

class DunstSmokeTest : public NotifyTest {
 protected:
  void SetUp() override {
    NotifyTest::SetUp();
    if (access("/usr/bin/dunst", X_OK) != 0) GTEST_SKIP() << "dunst is not installed";
    std::string err;
    ASSERT_TRUE(xvfb_.start(&err)) << err;
    const std::string config = bus_.dir() + "/dunstrc";
    std::ofstream(config) << "[global]\n    font = Monospace 8\n    timeout = 0\n";
    ASSERT_TRUE(dunst_.spawn({"/usr/bin/dunst", "-config", config},
                             {"DISPLAY=" + xvfb_.display(), "DBUS_SESSION_BUS_ADDRESS=" + bus_.address()}, -1,
                             bus_.dir() + "/dunst.log", &err))
        << err;
    BusClient client;
    ASSERT_TRUE(client.connect(bus_.address(), &err)) << err;
    ASSERT_TRUE(client.wait_for_owner("org.freedesktop.Notifications")) << "dunst did not start; see "
                                                                         << bus_.dir() << "/dunst.log";
  }
  void TearDown() override { dunst_.stop(); }

  // dunstctl's output, run against the private bus.
  std::string dunstctl(const std::string& args) {
    const std::string command = "DBUS_SESSION_BUS_ADDRESS='" + bus_.address() + "' /usr/bin/dunstctl " + args;
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
      char buffer[4096];
      size_t n = 0;
      while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
      pclose(pipe);
    }
    return out;
  }

  XvfbServer xvfb_;
  ChildProcess dunst_;
};

TEST_F(DunstSmokeTest, DunstShowsTheReminderAndKeepsItInHistory) {
  ASSERT_TRUE(start_demo({}, "--time-scale=10"));
  ASSERT_TRUE(logged("notifications: shown by dunst", 20s));
  ASSERT_TRUE(logged(kFirstShown, 5s));
  ASSERT_TRUE(logged("micro-break #1 ended", 20s));
  // Closed by limberd at the end of the break, so now in dunst's history.
  std::string history;
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (history.find("Time for a micro-break") == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(100ms);
    history = dunstctl("history");
  }
  EXPECT_NE(history.find("Time for a micro-break"), std::string::npos) << history;
  EXPECT_NE(history.find("\"Limber\""), std::string::npos) << history;
}

TEST_F(DunstSmokeTest, PausedDunstHoldsPromptsUntilResumed) {
  dunstctl("set-paused true");
  ASSERT_EQ(dunstctl("is-paused"), "true\n");
  ASSERT_TRUE(start_demo({}, "--time-scale=10"));
  ASSERT_TRUE(logged("prompts held: the desktop is set to do not disturb \\(desktop-dnd\\)", 10s));
  std::this_thread::sleep_for(4s);
  EXPECT_EQ(daemon_.count_lines(kFirstDue), 0u) << daemon_.stderr_text();
  dunstctl("set-paused false");
  EXPECT_TRUE(logged("do not disturb: desktop-dnd ended", 5s));
  EXPECT_TRUE(logged(kFirstShown, 10s));
}

}  // namespace
}  // namespace limber::test
