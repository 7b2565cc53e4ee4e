// Integration tests for WaylandSource against limber_test_compositor, a real
// libwayland-server process built from the same protocol XML. Each test gets
// a private $XDG_RUNTIME_DIR (0700) and its own compositor, and drives the
// source on a real libuv loop.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "activity/wayland_source.h"
#include "limber/clock.h"
#include "uv/uv_handle.h"

extern char** environ;

namespace limber {
namespace {

using namespace std::chrono_literals;

constexpr auto kTimeout = 5s;

// One run of limber_test_compositor with pipes to its stdin and stdout.
class TestCompositor {
 public:
  TestCompositor() = default;
  TestCompositor(const TestCompositor&) = delete;
  TestCompositor& operator=(const TestCompositor&) = delete;
  ~TestCompositor() { shut_down(); }

  // Starts it with `flags` and waits for "ready".
  ::testing::AssertionResult start(const std::string& socket, std::vector<std::string> flags) {
    int to_child[2], from_child[2];
    if (pipe2(to_child, O_CLOEXEC) != 0 || pipe2(from_child, O_CLOEXEC) != 0) {
      return ::testing::AssertionFailure() << "pipe2 failed";
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
    std::vector<std::string> args{LIMBER_TEST_COMPOSITOR, socket};
    args.insert(args.end(), flags.begin(), flags.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int err = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(to_child[0]);
    close(from_child[1]);
    stdin_ = to_child[1];
    stdout_ = from_child[0];
    if (err != 0) {
      pid_ = -1;
      return ::testing::AssertionFailure() << "cannot start " << LIMBER_TEST_COMPOSITOR;
    }
    return expect_line("ready");
  }

  void send(const std::string& command) {
    const std::string line = command + "\n";
    ASSERT_EQ(write(stdin_, line.data(), line.size()), static_cast<ssize_t>(line.size()));
  }

  // Waits for `line` among the compositor's output; lines before it are
  // kept in seen().
  ::testing::AssertionResult expect_line(const std::string& line) {
    const auto deadline = std::chrono::steady_clock::now() + kTimeout;
    while (true) {
      for (size_t end; (end = pending_.find('\n')) != std::string::npos;) {
        std::string got = pending_.substr(0, end);
        pending_.erase(0, end + 1);
        seen_.push_back(got);
        if (got == line) return ::testing::AssertionSuccess();
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      pollfd p{stdout_, POLLIN, 0};
      if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
      char buffer[256];
      const ssize_t n = read(stdout_, buffer, sizeof buffer);
      if (n <= 0) break;
      pending_.append(buffer, static_cast<size_t>(n));
    }
    std::string all;
    for (const auto& s : seen_) all += "\n  " + s;
    return ::testing::AssertionFailure() << "compositor did not print \"" << line
                                         << "\"; it printed:" << all;
  }

  const std::vector<std::string>& seen() const { return seen_; }

  // Ends its script: the compositor exits and disconnects its clients.
  void close_stdin() {
    if (stdin_ >= 0) close(stdin_);
    stdin_ = -1;
  }

  // True when it exited by itself within the timeout.
  bool wait_for_exit() {
    const auto deadline = std::chrono::steady_clock::now() + kTimeout;
    while (pid_ > 0 && std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) && WEXITSTATUS(status) == 0;
      }
      std::this_thread::sleep_for(10ms);
    }
    return false;
  }

  void shut_down() {
    close_stdin();
    if (pid_ > 0 && !wait_for_exit()) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
    if (stdout_ >= 0) close(stdout_);
    stdout_ = -1;
  }

 private:
  pid_t pid_ = -1;
  int stdin_ = -1;
  int stdout_ = -1;
  std::string pending_;
  std::vector<std::string> seen_;
};

struct RecordingSink final : ActivitySink {
  void on_input(MonoTime at) override { inputs.push_back(at); }
  void on_session(SessionEvent) override {}
  void on_source_lost(std::string_view source, std::string_view why) override {
    lost.emplace_back(std::string(source) + ": " + std::string(why));
  }
  std::vector<MonoTime> inputs;
  std::vector<std::string> lost;
};

class WaylandSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "limber-wl-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);  // mkdtemp creates it 0700
    runtime_dir_ = tmpl;
    setenv("XDG_RUNTIME_DIR", runtime_dir_.c_str(), 1);
    setenv("WAYLAND_DISPLAY", "limber-test-0", 1);
    ASSERT_EQ(uv_loop_init(&loop_), 0);
    tick_.emplace();
    // Wakes UV_RUN_ONCE regularly so run_until() can check its condition.
    uv_timer_init(&loop_, tick_->get());
    uv_timer_start(tick_->get(), [](uv_timer_t*) {}, 10, 10);
  }

  void TearDown() override {
    source_.stop();
    tick_.reset();
    uv_run(&loop_, UV_RUN_NOWAIT);  // runs the close callbacks
    // Every handle the source opened is closed after stop().
    EXPECT_EQ(uv_loop_close(&loop_), 0);
    compositor_.shut_down();
    std::error_code ignored;
    std::filesystem::remove_all(runtime_dir_, ignored);
  }

  ::testing::AssertionResult start_compositor(std::vector<std::string> flags) {
    return compositor_.start("limber-test-0", std::move(flags));
  }

  bool start_source(Duration grace = 5s) {
    why_.clear();
    return source_.start(&loop_, clock_, grace, sink_, &why_);
  }

  // Runs the loop until `done` holds or the timeout passes.
  bool run_until(const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + kTimeout;
    while (!done()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      uv_run(&loop_, UV_RUN_ONCE);
    }
    return true;
  }

  bool idle_time_is(Duration d) {
    const auto t = source_.idle_time();
    return t.has_value() && *t == d;
  }

  std::filesystem::path runtime_dir_;
  uv_loop_t loop_{};
  std::optional<UvHandle<uv_timer_t>> tick_;
  SimulatedClock clock_{WallTime{std::chrono::hours{24 * 20000}}};
  RecordingSink sink_;
  WaylandSource source_;
  std::string why_;
  TestCompositor compositor_;
};

TEST_F(WaylandSourceTest, PrefersExtIdleNotifyWhenBothAreOffered) {
  ASSERT_TRUE(start_compositor({"--ext-idle-notify", "--kde-idle"}));
  ASSERT_TRUE(start_source()) << why_;
  EXPECT_EQ(source_.protocol(), WaylandSource::Protocol::kExtIdleNotify);
  EXPECT_TRUE(compositor_.expect_line("ext-idle-notification timeout=5000"));
  for (const auto& line : compositor_.seen()) {
    EXPECT_EQ(line.find("kde-idle-timeout"), std::string::npos) << line;
  }
}

TEST_F(WaylandSourceTest, FallsBackToKdeIdleOnSwayLikeCompositor) {
  ASSERT_TRUE(start_compositor({"--kde-idle"}));
  ASSERT_TRUE(start_source()) << why_;
  EXPECT_EQ(source_.protocol(), WaylandSource::Protocol::kKdeIdle);
  EXPECT_TRUE(compositor_.expect_line("kde-idle-timeout timeout=5000"));

  // The fallback carries the same semantics: idle, then input once.
  compositor_.send("idle");
  ASSERT_TRUE(run_until([&] { return idle_time_is(5s); }));
  source_.watch_for_input();
  clock_.advance(2s);
  compositor_.send("resume");
  ASSERT_TRUE(run_until([&] { return !sink_.inputs.empty(); }));
  EXPECT_EQ(sink_.inputs, std::vector<MonoTime>{clock_.mono()});
  EXPECT_TRUE(idle_time_is(0s));
}

TEST_F(WaylandSourceTest, FailsClearlyWhenNeitherProtocolIsOffered) {
  ASSERT_TRUE(start_compositor({}));
  EXPECT_FALSE(start_source());
  EXPECT_EQ(why_, "compositor offers neither ext-idle-notify-v1 nor org_kde_kwin_idle");
  EXPECT_EQ(source_.idle_time(), std::nullopt);
}

TEST_F(WaylandSourceTest, FailsClearlyWhenTheCompositorHasNoSeat) {
  ASSERT_TRUE(start_compositor({"--ext-idle-notify", "--no-seat"}));
  EXPECT_FALSE(start_source());
  EXPECT_EQ(why_, "compositor offers no wl_seat");
}

TEST_F(WaylandSourceTest, FailsClearlyWhenNoDisplay) {
  unsetenv("WAYLAND_DISPLAY");  // and the private runtime dir has no wayland-0
  EXPECT_FALSE(start_source());
  EXPECT_NE(why_.find("no Wayland display ($WAYLAND_DISPLAY not set"), std::string::npos) << why_;
}

TEST_F(WaylandSourceTest, FailsClearlyWhenTheDisplaySocketIsMissing) {
  setenv("WAYLAND_DISPLAY", "wayland-nowhere", 1);
  EXPECT_FALSE(start_source());
  EXPECT_NE(why_.find("cannot connect to Wayland display \"wayland-nowhere\""), std::string::npos)
      << why_;
}

TEST_F(WaylandSourceTest, RequestsIdleGraceAsTimeout) {
  ASSERT_TRUE(start_compositor({"--ext-idle-notify"}));
  ASSERT_TRUE(start_source(7500ms)) << why_;
  EXPECT_TRUE(compositor_.expect_line("ext-idle-notification timeout=7500"));
}

TEST_F(WaylandSourceTest, IdledMakesIdleTimeGrow) {
  ASSERT_TRUE(start_compositor({"--ext-idle-notify"}));
  ASSERT_TRUE(start_source(5s)) << why_;
  EXPECT_TRUE(idle_time_is(0s));

  compositor_.send("idle");
  // "idled" comes idle_grace after the last input.
  ASSERT_TRUE(run_until([&] { return idle_time_is(5s); }));
  clock_.advance(3s);
  EXPECT_TRUE(idle_time_is(8s));
  clock_.advance(60s);
  EXPECT_TRUE(idle_time_is(68s));

  compositor_.send("resume");
  ASSERT_TRUE(run_until([&] { return idle_time_is(0s); }));
  EXPECT_TRUE(sink_.inputs.empty()) << "input reported without watch_for_input()";
}

TEST_F(WaylandSourceTest, ResumedAfterWatchReportsInputOnce) {
  ASSERT_TRUE(start_compositor({"--ext-idle-notify"}));
  ASSERT_TRUE(start_source()) << why_;
  compositor_.send("idle");
  ASSERT_TRUE(run_until([&] { return idle_time_is(5s); }));

  source_.watch_for_input();
  clock_.advance(2s);
  const MonoTime resumed_at = clock_.mono();
  compositor_.send("resume");
  ASSERT_TRUE(run_until([&] { return !sink_.inputs.empty(); }));
  EXPECT_EQ(sink_.inputs, std::vector<MonoTime>{resumed_at});

  // A second idle/resume cycle without a new watch reports nothing.
  clock_.advance(10s);
  compositor_.send("idle");
  ASSERT_TRUE(run_until([&] { return idle_time_is(5s); }));
  compositor_.send("resume");
  ASSERT_TRUE(run_until([&] { return idle_time_is(0s); }));
  EXPECT_EQ(sink_.inputs.size(), 1u);
  EXPECT_TRUE(sink_.lost.empty());
}

TEST_F(WaylandSourceTest, CompositorExitIsReportedAsLost) {
  ASSERT_TRUE(start_compositor({"--ext-idle-notify"}));
  ASSERT_TRUE(start_source()) << why_;
  compositor_.close_stdin();
  ASSERT_TRUE(compositor_.wait_for_exit());
  ASSERT_TRUE(run_until([&] { return !sink_.lost.empty(); }));
  ASSERT_EQ(sink_.lost.size(), 1u);
  EXPECT_EQ(sink_.lost[0].rfind("wayland: ", 0), 0u) << sink_.lost[0];
  EXPECT_EQ(source_.idle_time(), std::nullopt);
  // Polling stopped: once the test's own timer is gone the loop is empty.
  tick_.reset();
  uv_run(&loop_, UV_RUN_NOWAIT);
  EXPECT_FALSE(uv_loop_alive(&loop_));
  EXPECT_EQ(sink_.lost.size(), 1u);
}

}  // namespace
}  // namespace limber
