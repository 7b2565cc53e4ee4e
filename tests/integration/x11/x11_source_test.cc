// Integration tests of X11Source against a real Xvfb, driven by xdotool.
// Each test starts its own X server on a free display, runs a real libuv
// loop and reads time from the real steady clock.
#include "activity/x11_source.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <uv.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "xvfb_server.h"

namespace limber {
namespace {

using namespace std::chrono_literals;
using test::run_xdotool;
using test::spawn_xdotool;
using test::XvfbServer;

class SteadyClock final : public Clock {
 public:
  MonoTime mono() const override {
    return MonoTime{std::chrono::duration_cast<Duration>(
        std::chrono::steady_clock::now().time_since_epoch())};
  }
  WallTime wall() const override {
    return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  }
  LocalTime local(WallTime t) const override { return local_time_at(t, Duration{0}); }
};

class RecordingSink final : public ActivitySink {
 public:
  void on_input(MonoTime at) override { inputs.push_back(at); }
  void on_session(SessionEvent /*event*/) override {}
  void on_source_lost(std::string_view source, std::string_view why) override {
    losses.push_back(std::string(source) + ": " + std::string(why));
  }

  std::vector<MonoTime> inputs;
  std::vector<std::string> losses;
};

// Restores $DISPLAY as the test found it.
class DisplayVariable {
 public:
  DisplayVariable() {
    if (const char* d = std::getenv("DISPLAY")) saved_ = d;
  }
  ~DisplayVariable() {
    if (saved_) {
      setenv("DISPLAY", saved_->c_str(), 1);
    } else {
      unsetenv("DISPLAY");
    }
  }

 private:
  std::optional<std::string> saved_;
};

class X11SourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string err;
    ASSERT_TRUE(xvfb_.start(&err)) << err;
    setenv("DISPLAY", xvfb_.display().c_str(), 1);
    ASSERT_EQ(uv_loop_init(&loop_), 0);
    loop_ready_ = true;
  }

  void TearDown() override {
    source_.stop();
    if (loop_ready_) {
      uv_run(&loop_, UV_RUN_DEFAULT);  // lets the closed handles finish closing
      EXPECT_EQ(uv_loop_close(&loop_), 0) << "a uv handle was left open";
    }
    xvfb_.kill_now();
  }

  void start_source() {
    std::string why;
    ASSERT_TRUE(source_.start(&loop_, clock_, Duration{5000}, sink_, &why)) << why;
  }

  // Runs the loop until `done()` or `timeout`; true if done() came true.
  bool run_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    UvHandle<uv_timer_t> tick;  // bounds each uv_run so the deadline is seen
    uv_timer_init(&loop_, tick.get());
    uv_timer_start(tick.get(), [](uv_timer_t*) {}, 5, 5);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {  // done() is asked once per turn: it may have side effects
      if (std::chrono::steady_clock::now() >= deadline) return false;
      uv_run(&loop_, UV_RUN_ONCE);
    }
    return true;
  }

  void run_for(std::chrono::milliseconds duration) {
    run_until([] { return false; }, duration);
  }

  // Runs the loop while xdotool runs, as the daemon would while the user types.
  bool run_while_xdotool(const std::vector<std::string>& args) {
    pid_t pid = spawn_xdotool(args);
    int status = -1;
    bool exited = run_until([&] { return waitpid(pid, &status, WNOHANG) == pid; }, 20s);
    if (!exited) test::wait_for_exit(pid, 0ms);  // kills and reaps it
    return exited && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }

  bool await_inputs(std::size_t n) {
    return run_until([&] { return sink_.inputs.size() >= n; }, 5s);
  }

  DisplayVariable display_variable_;
  XvfbServer xvfb_;
  uv_loop_t loop_{};
  bool loop_ready_ = false;
  SteadyClock clock_;
  RecordingSink sink_;
  X11Source source_;
};

TEST_F(X11SourceTest, ReportsKeyPressOnceWhileWatching) {
  start_source();
  source_.watch_for_input();
  const MonoTime before = clock_.mono();
  ASSERT_TRUE(run_xdotool({"key", "a", "b", "c"}));

  ASSERT_TRUE(await_inputs(1)) << "no input reported for a key press";
  run_for(200ms);  // would reveal a second report for the later keys
  ASSERT_EQ(sink_.inputs.size(), 1U);
  EXPECT_GE(sink_.inputs[0], before);
  EXPECT_LE(sink_.inputs[0], clock_.mono());
}

TEST_F(X11SourceTest, DoesNotReportInputWhenNotWatching) {
  start_source();
  ASSERT_TRUE(run_xdotool({"key", "a"}));
  run_for(200ms);
  EXPECT_TRUE(sink_.inputs.empty());
}

// The idle query's round trip reads the raw event into Xlib's queue, where
// the poll cannot see it; it must still be reported, from the loop.
TEST_F(X11SourceTest, ReportsInputThatAnIdleQueryReadFirst) {
  start_source();
  source_.watch_for_input();
  ASSERT_TRUE(run_xdotool({"key", "a"}));
  ASSERT_TRUE(source_.idle_time().has_value());
  EXPECT_TRUE(sink_.inputs.empty()) << "the sink was called from inside idle_time()";
  EXPECT_TRUE(await_inputs(1)) << "input buffered by the idle query was never reported";
}

TEST_F(X11SourceTest, ReportsButtonAndRelativeMotion) {
  start_source();
  source_.watch_for_input();
  ASSERT_TRUE(run_xdotool({"click", "1"}));
  ASSERT_TRUE(await_inputs(1)) << "no input reported for a button click";

  source_.watch_for_input();
  ASSERT_TRUE(run_xdotool({"mousemove_relative", "5", "5"}));
  ASSERT_TRUE(await_inputs(2)) << "no input reported for relative pointer motion";
  run_for(100ms);
  EXPECT_EQ(sink_.inputs.size(), 2U);
}

TEST_F(X11SourceTest, StopsListeningAfterFirstInput) {
  std::vector<std::string> burst{"key", "--delay", "1"};
  for (int i = 0; i < 100; ++i) burst.emplace_back("a");
  for (int i = 0; i < 100; ++i) {
    burst.insert(burst.end(), {"mousemove_relative", "--", i % 2 == 0 ? "3" : "-3", "1"});
  }

  start_source();
  source_.watch_for_input();
  ASSERT_TRUE(run_xdotool({"key", "a"}));
  ASSERT_TRUE(await_inputs(1));
  run_for(100ms);  // events in flight before the selection was dropped
  const std::uint64_t wakeups_before = source_.wakeups();

  ASSERT_TRUE(run_while_xdotool(burst));
  run_for(200ms);
  EXPECT_EQ(sink_.inputs.size(), 1U) << "input reported while not watching";
  EXPECT_EQ(source_.wakeups() - wakeups_before, 0U)
      << "the X connection woke the loop during 200 input events";

  // Control: the same burst is seen when watching again.
  source_.watch_for_input();
  ASSERT_TRUE(run_while_xdotool(burst));
  EXPECT_TRUE(await_inputs(2)) << "the burst produced no raw events at all";
  run_for(200ms);
  EXPECT_EQ(sink_.inputs.size(), 2U);
}

TEST_F(X11SourceTest, IdleTimeGrowsWithoutInputAndResetsOnInput) {
  start_source();
  ASSERT_TRUE(run_xdotool({"key", "a"}));
  const std::optional<Duration> start = source_.idle_time();
  ASSERT_TRUE(start.has_value());

  std::this_thread::sleep_for(1s);
  const std::optional<Duration> later = source_.idle_time();
  ASSERT_TRUE(later.has_value());
  EXPECT_GE(*later - *start, 900ms);

  ASSERT_TRUE(run_xdotool({"key", "a"}));
  const std::optional<Duration> after_key = source_.idle_time();
  ASSERT_TRUE(after_key.has_value());
  EXPECT_LT(*after_key, 500ms);
}

// A pointer warp (xdotool mousemove X Y) sends no raw motion event, so the
// daemon learns of it only from idle_time(): that is why it asks idle_time()
// at its deadlines instead of trusting raw events alone.
TEST_F(X11SourceTest, AbsolutePointerWarpResetsIdleTimeWithoutRawMotion) {
  start_source();
  std::this_thread::sleep_for(600ms);
  const std::optional<Duration> before = source_.idle_time();
  ASSERT_TRUE(before.has_value());
  ASSERT_GE(*before, 500ms);

  source_.watch_for_input();
  ASSERT_TRUE(run_xdotool({"mousemove", "100", "100"}));
  run_for(200ms);
  const std::optional<Duration> after = source_.idle_time();
  ASSERT_TRUE(after.has_value());
  EXPECT_LT(*after, 400ms) << "the warp did not reset the idle time";
  EXPECT_TRUE(sink_.inputs.empty()) << "the warp now sends raw motion";
}

TEST_F(X11SourceTest, ReportsLossWhenServerDies) {
  start_source();
  source_.watch_for_input();
  xvfb_.kill_now();

  ASSERT_TRUE(run_until([&] { return !sink_.losses.empty(); }, 5s))
      << "the X server died unnoticed";
  EXPECT_EQ(sink_.losses[0].rfind("x11: ", 0), 0U) << sink_.losses[0];
  EXPECT_NE(sink_.losses[0].find(xvfb_.display()), std::string::npos) << sink_.losses[0];

  // The loop keeps running and the dead source stays quiet and harmless.
  EXPECT_FALSE(source_.idle_time().has_value());
  source_.watch_for_input();
  bool timer_fired = false;
  UvHandle<uv_timer_t> timer;
  uv_timer_init(&loop_, timer.get());
  timer.get()->data = &timer_fired;
  uv_timer_start(
      timer.get(), [](uv_timer_t* t) { *static_cast<bool*>(t->data) = true; }, 50, 0);
  EXPECT_TRUE(run_until([&] { return timer_fired; }, 2s));
  run_for(100ms);
  EXPECT_EQ(sink_.losses.size(), 1U) << "the loss was reported more than once";
  EXPECT_LE(source_.wakeups(), 2U) << "the dead connection kept waking the loop";
}

TEST_F(X11SourceTest, ReportsLossFoundByIdleQueryFromTheLoop) {
  start_source();
  xvfb_.kill_now();

  EXPECT_FALSE(source_.idle_time().has_value());
  EXPECT_TRUE(sink_.losses.empty()) << "the sink was called from inside idle_time()";
  EXPECT_TRUE(run_until([&] { return !sink_.losses.empty(); }, 5s));
  run_for(50ms);
  EXPECT_EQ(sink_.losses.size(), 1U);
}

TEST(X11SourceStart, FailsClearlyWithoutDisplay) {
  DisplayVariable restore;
  unsetenv("DISPLAY");
  uv_loop_t loop;
  ASSERT_EQ(uv_loop_init(&loop), 0);
  SteadyClock clock;
  RecordingSink sink;
  std::string why;
  {
    X11Source source;
    EXPECT_FALSE(source.start(&loop, clock, Duration{5000}, sink, &why));
  }
  EXPECT_NE(why.find("DISPLAY"), std::string::npos) << why;
  uv_run(&loop, UV_RUN_DEFAULT);
  EXPECT_EQ(uv_loop_close(&loop), 0);
}

TEST(X11SourceStart, FailsClearlyWhenDisplayCannotBeOpened) {
  DisplayVariable restore;
  setenv("DISPLAY", ":9999", 1);  // no server: Xvfb here picks low numbers
  uv_loop_t loop;
  ASSERT_EQ(uv_loop_init(&loop), 0);
  SteadyClock clock;
  RecordingSink sink;
  std::string why;
  {
    X11Source source;
    EXPECT_FALSE(source.start(&loop, clock, Duration{5000}, sink, &why));
  }
  EXPECT_NE(why.find("\":9999\""), std::string::npos) << why;
  uv_run(&loop, UV_RUN_DEFAULT);
  EXPECT_EQ(uv_loop_close(&loop), 0);
}

}  // namespace
}  // namespace limber
