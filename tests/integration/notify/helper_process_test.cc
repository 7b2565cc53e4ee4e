// limberd's notification helper, limber-notify: it runs only while a
// reminder is up, its crash does not hurt the daemon (the next reminder
// starts a new one), a missing helper is logged once, and limberd itself
// links no GLib, gio or libnotify (the footprint this split buys).
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "notify_test_fixture.h"

namespace limber::test {
namespace {

// The limber-notify processes whose parent is `parent` (zombies included:
// a reaped child is gone from /proc).
std::vector<pid_t> helper_children(pid_t parent) {
  std::vector<pid_t> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    if (!std::getline(stat, line)) continue;
    // pid (comm) state ppid …; comm may hold spaces, so split at the last ')'.
    const size_t open = line.find('('), close = line.rfind(')');
    if (open == std::string::npos || close == std::string::npos) continue;
    const std::string comm = line.substr(open + 1, close - open - 1);
    char state = 0;
    int ppid = 0;
    if (std::sscanf(line.c_str() + close + 1, " %c %d", &state, &ppid) != 2) continue;
    if (comm == "limber-notify" && ppid == parent) found.push_back(static_cast<pid_t>(std::stoi(name)));
  }
  return found;
}

// Waits until `parent` has exactly `count` limber-notify children.
bool helpers_become(pid_t parent, size_t count, std::chrono::milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (helper_children(parent).size() != count) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(50ms);
  }
  return true;
}

using HelperProcess = NotifyTest;

TEST_F(HelperProcess, RunsOnlyWhileAReminderIsUpAndIsReaped) {
  start_server();
  ASSERT_TRUE(start_demo());
  ASSERT_TRUE(logged(kReady, 10s));
  EXPECT_TRUE(helper_children(daemon_.pid()).empty()) << "no reminder is up yet";
  ASSERT_TRUE(logged(kFirstShown, 20s));
  EXPECT_EQ(helper_children(daemon_.pid()).size(), 1u);
  ASSERT_TRUE(logged("micro-break #1 ended: taken", 20s));
  ASSERT_TRUE(server_.wait_for_close(1, 5s)) << daemon_.stderr_text();
  // Exited and reaped: not even a zombie is left under limberd.
  EXPECT_TRUE(helpers_become(daemon_.pid(), 0, 5s)) << daemon_.stderr_text();
  EXPECT_TRUE(stops_cleanly());
}

TEST_F(HelperProcess, KilledHelperLeavesTheDaemonServingAndTheNextReminderWorks) {
  start_server();
  ASSERT_TRUE(start_demo());
  DaemonRpc rpc;
  ASSERT_TRUE(connect_rpc(rpc));
  ASSERT_TRUE(logged(kFirstShown, 20s));
  const std::vector<pid_t> helpers = helper_children(daemon_.pid());
  ASSERT_EQ(helpers.size(), 1u);
  ASSERT_EQ(::kill(helpers[0], SIGKILL), 0);
  EXPECT_TRUE(logged("notifications: limber-notify \\(pid " + std::to_string(helpers[0]) +
                         "\\) was killed by signal 9; the next reminder starts it again",
                     5s));
  EXPECT_TRUE(helpers_become(daemon_.pid(), 0, 5s)) << "the killed helper was not reaped";
  EXPECT_TRUE(daemon_.running());
  EXPECT_EQ(status(rpc)["mode"], "working") << "the daemon still answers";
  // The first break runs its course; the next one is reminded afresh.
  ASSERT_TRUE(logged("break #2 reminder shown as a notification", 40s));
  EXPECT_TRUE(server_.wait_for_notify_calls(2, 1s));
  EXPECT_TRUE(stops_cleanly());
}

TEST_F(HelperProcess, WindowStyleWithoutATrayStillNotifies) {
  start_server();
  ASSERT_TRUE(home_.write_user_config("[prompt]\nstyle = \"window\"\n"));
  ASSERT_TRUE(start_demo());
  DaemonRpc rpc;
  ASSERT_TRUE(connect_rpc(rpc));
  ASSERT_TRUE(logged(kFirstShown, 20s));
  EXPECT_EQ(server_.notify_calls().size(), 1u);
  const rpc::Json s = status(rpc);
  ASSERT_TRUE(s["due"].is_object()) << s.dump();
  EXPECT_EQ(s["due"]["prompt"], "notification") << s.dump();
}

TEST_F(HelperProcess, MissingHelperIsLoggedOnceAndTheDaemonKeepsReminding) {
  if (access("/usr/libexec/limber/limber-notify", X_OK) == 0) {
    GTEST_SKIP() << "an installed limber-notify would be found";
  }
  // limberd alone in a directory: no helper next to it.
  const std::string dir = home_.root() + "/bin";
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(limberd_path(), dir + "/limberd");
  std::string err;
  ASSERT_TRUE(daemon_.start(dir + "/limberd",
                            {"-f", "--demo", "--source", "demo", "--time-scale=10", "--log-level", "debug"},
                            home_.environment({"DBUS_SESSION_BUS_ADDRESS=" + bus_.address()}), &err))
      << err;
  ASSERT_TRUE(logged("micro-break #2 due", 30s));
  EXPECT_EQ(daemon_.count_lines("notifications: no limber-notify helper \\(looked in " + regex_escape(dir) +
                                "/limber-notify"),
            1u)
      << daemon_.stderr_text();
  EXPECT_TRUE(stops_cleanly());
}

// readelf's dynamic section of `binary`: its DT_NEEDED libraries.
std::vector<std::string> needed_libraries(const std::string& binary) {
  std::vector<std::string> libs;
  FILE* p = ::popen(("readelf -d '" + binary + "'").c_str(), "r");
  if (p == nullptr) return libs;
  char line[512];
  while (std::fgets(line, sizeof line, p) != nullptr) {
    const std::string text = line;
    if (text.find("(NEEDED)") == std::string::npos) continue;
    const size_t open = text.find('['), close = text.find(']');
    if (open != std::string::npos && close > open) libs.push_back(text.substr(open + 1, close - open - 1));
  }
  ::pclose(p);
  return libs;
}

TEST(DaemonFootprint, LimberdLinksNoGlibGioGobjectOrLibnotify) {
  if (access("/usr/bin/readelf", X_OK) != 0) GTEST_SKIP() << "readelf (binutils) is not installed";
  const std::vector<std::string> libs = needed_libraries(limberd_path());
  ASSERT_FALSE(libs.empty()) << "readelf found no DT_NEEDED in " << limberd_path();
  for (const std::string& lib : libs) {
    for (const char* banned : {"libglib-", "libgio-", "libgobject-", "libnotify", "libgmodule-"}) {
      EXPECT_EQ(lib.rfind(banned, 0), std::string::npos) << limberd_path() << " needs " << lib;
    }
  }
}

}  // namespace
}  // namespace limber::test
