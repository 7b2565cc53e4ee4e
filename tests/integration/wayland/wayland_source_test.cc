// Integration tests for WaylandSource against limber_test_compositor, a real
// libwayland-server process built from the same protocol XML. Each test gets
// a private $XDG_RUNTIME_DIR (0700) and its own compositor, and drives the
// source on a real libuv loop.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "activity/wayland_source.h"
#include "limber/clock.h"
#include "test_compositor_process.h"
#include "uv/uv_handle.h"

namespace limber {
namespace {

using namespace std::chrono_literals;

constexpr auto kTimeout = 5s;

using test::TestCompositor;

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
  TestCompositor compositor_{LIMBER_TEST_COMPOSITOR, kTimeout};
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
  clock_.advance(12s);  // input 7 s after start, "idled" 5 s later
  compositor_.send("idle");
  ASSERT_TRUE(run_until([&] { return idle_time_is(5s); }));
  source_.watch_for_input();
  clock_.advance(2s);
  compositor_.send("resume");
  ASSERT_TRUE(run_until([&] { return !sink_.inputs.empty(); }));
  EXPECT_EQ(sink_.inputs, std::vector<MonoTime>{clock_.mono()});
  EXPECT_TRUE(idle_time_is(0s));
}

TEST_F(WaylandSourceTest, NothingIsKnownBeforeTheFirstEvent) {
  ASSERT_TRUE(start_compositor({"--ext-idle-notify"}));
  ASSERT_TRUE(start_source(1s)) << why_;
  // The compositor has said nothing: no input is known, none is invented.
  EXPECT_EQ(source_.idle_time(), std::nullopt);
  clock_.advance(1s);
  compositor_.send("idle");  // "idled" one timeout after start: no input since
  // The "idled" is dispatched: a later "resume" then makes the input known.
  const auto until = std::chrono::steady_clock::now() + 300ms;
  run_until([&] { return std::chrono::steady_clock::now() > until; });
  clock_.advance(30s);
  EXPECT_EQ(source_.idle_time(), std::nullopt);
  compositor_.send("resume");
  ASSERT_TRUE(run_until([&] { return idle_time_is(0s); }));
}

TEST_F(WaylandSourceTest, FirstIdledRevealsInputThatNoResumedAnnounced) {
  ASSERT_TRUE(start_compositor({"--ext-idle-notify"}));
  ASSERT_TRUE(start_source(1s)) << why_;
  const MonoTime started = clock_.mono();
  source_.watch_for_input();
  clock_.advance(4s);  // input until 3 s after start, then "idled" 1 s later
  compositor_.send("idle");
  ASSERT_TRUE(run_until([&] { return !sink_.inputs.empty(); }));
  EXPECT_EQ(sink_.inputs, std::vector<MonoTime>{started + 3s});
  EXPECT_TRUE(idle_time_is(1s));
}

TEST_F(WaylandSourceTest, AFirstIdledThatComesLateInventsNoInput) {
  // As sway 1.7 did about one start in six: the first "idled" is dispatched
  // a little after one timeout from the start. Read literally it says input
  // came just after start; nobody typed.
  ASSERT_TRUE(start_compositor({"--kde-idle"}));
  ASSERT_TRUE(start_source(1s)) << why_;
  source_.watch_for_input();
  clock_.advance(1500ms);
  compositor_.send("idle");
  const auto until = std::chrono::steady_clock::now() + 300ms;
  run_until([&] { return std::chrono::steady_clock::now() > until; });
  EXPECT_TRUE(sink_.inputs.empty()) << "a late first \"idled\" is not a key press";
  EXPECT_EQ(source_.idle_time(), std::nullopt);
  clock_.advance(10s);
  compositor_.send("resume");  // the one real key press
  ASSERT_TRUE(run_until([&] { return !sink_.inputs.empty(); }));
  EXPECT_EQ(sink_.inputs, std::vector<MonoTime>{clock_.mono()});
}

TEST_F(WaylandSourceTest, WhileResumedIdleTimeIsAtMostTheWatchTimeout) {
  ASSERT_TRUE(start_compositor({"--ext-idle-notify"}));
  ASSERT_TRUE(start_source(1s)) << why_;
  clock_.advance(5s);
  compositor_.send("idle");
  ASSERT_TRUE(run_until([&] { return idle_time_is(1s); }));
  compositor_.send("resume");
  ASSERT_TRUE(run_until([&] { return idle_time_is(0s); }));
  clock_.advance(400ms);
  EXPECT_TRUE(idle_time_is(400ms)) << "input at the resume, none known since";
  clock_.advance(10s);
  // No "idled" yet: the last input is within one timeout of now.
  EXPECT_TRUE(idle_time_is(1s));
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

TEST_F(WaylandSourceTest, RequestsTheWatchTimeout) {
  ASSERT_TRUE(start_compositor({"--ext-idle-notify"}));
  ASSERT_TRUE(start_source(7500ms)) << why_;
  EXPECT_TRUE(compositor_.expect_line("ext-idle-notification timeout=7500"));
}

TEST_F(WaylandSourceTest, IdledMakesIdleTimeGrow) {
  ASSERT_TRUE(start_compositor({"--ext-idle-notify"}));
  ASSERT_TRUE(start_source(5s)) << why_;
  EXPECT_EQ(source_.idle_time(), std::nullopt) << "nothing known before the first event";

  clock_.advance(12s);
  compositor_.send("idle");
  // "idled" comes one watch timeout after the last input.
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
  clock_.advance(11s);  // input 6 s after start, "idled" 5 s later
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
