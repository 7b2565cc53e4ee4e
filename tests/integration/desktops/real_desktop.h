// RealDesktopRun: BreakLoop in-process on the real clock and a real libuv
// loop, with a real activity source connected to a real compositor that
// the test binary started (sway, Mutter). The user is played by helper
// processes (wtype, a RemoteDesktop script) run while the loop runs, so the
// source sees the compositor's events when they happen.
//
// Test-only; single-threaded.
#pragma once

#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <uv.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "break_loop.h"
#include "system_clock.h"
#include "test_bus.h"
#include "uv/uv_timers.h"

extern char** environ;

namespace limber::test {

using namespace std::chrono_literals;

constexpr Duration kRealGrace = 3s;
constexpr Duration kRealNoise = 1s;

struct RealTally final : BreakObserver {
  void on_active_time(WallTime, Duration d) override { credited += d; }
  void on_break_events(const std::vector<EngineEvent>& events) override {
    for (const EngineEvent& e : events) {
      if (e.kind == EventKind::kBecameIdle) idle_at.push_back(e.at);
      if (e.kind == EventKind::kBecameActive) ++became_active;
      if (e.kind == EventKind::kBreakDue && e.brk == BreakKind::kMicro) micro_due_at.push_back(e.at);
    }
  }
  void after_wake() override { ++wakes; }
  Duration credited{0};
  std::vector<MonoTime> idle_at;
  std::vector<MonoTime> micro_due_at;
  int became_active = 0;
  int wakes = 0;
};

class RealDesktopRun {
 public:
  using Make = std::function<std::unique_ptr<ActivitySource>()>;

  // Starts BreakLoop with the source `make` returns (grace 3 s, filter 1 s).
  ::testing::AssertionResult start(const Make& make) {
    if (uv_loop_init(&loop_) != 0) return ::testing::AssertionFailure() << "uv_loop_init";
    timers_ = std::make_unique<UvTimers>(&loop_, clock_);
    EngineConfig rules;
    rules.idle_grace = kRealGrace;
    rules.noise_filter = kRealNoise;
    break_loop_ = std::make_unique<BreakLoop>(clock_, *timers_, rules);
    break_loop_->set_observer(&tally_);
    std::string why;
    const bool ok = break_loop_->start([&](Duration timeout, ActivitySink& sink) -> std::unique_ptr<ActivitySource> {
      auto source = make();
      if (!source->start(&loop_, clock_, timeout, sink, &why)) return nullptr;
      return source;
    });
    if (!ok) return ::testing::AssertionFailure() << "the source did not start: " << why;
    break_loop_->wake();
    return ::testing::AssertionSuccess();
  }

  ~RealDesktopRun() {
    if (!break_loop_) return;
    break_loop_->stop();
    break_loop_.reset();
    timers_.reset();
    uv_run(&loop_, UV_RUN_NOWAIT);
    uv_loop_close(&loop_);
  }

  void run_for(Duration d) { run_for_real(&loop_, std::chrono::duration_cast<std::chrono::milliseconds>(d)); }

  // Runs `argv` (with `env` added) to its end while the loop runs. Returns
  // the moments it started and ended on the daemon's clock.
  struct Span {
    MonoTime start;
    MonoTime end;
  };
  Span play(const std::vector<std::string>& argv, const std::vector<std::string>& env = {}) {
    std::vector<std::string> envs;
    for (char** e = environ; *e != nullptr; ++e) envs.emplace_back(*e);
    envs.insert(envs.end(), env.begin(), env.end());
    std::vector<char*> args, envp;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    for (const auto& e : envs) envp.push_back(const_cast<char*>(e.c_str()));
    args.push_back(nullptr);
    envp.push_back(nullptr);
    Span span{clock_.mono(), clock_.mono()};
    pid_t pid = -1;
    EXPECT_EQ(posix_spawn(&pid, args[0], nullptr, nullptr, args.data(), envp.data()), 0) << argv[0];
    int status = 0;
    const bool ended = run_until(&loop_, [&] { return waitpid(pid, &status, WNOHANG) == pid; },
                                 std::chrono::milliseconds(180000));  // bench bursts last up to 120 s
    span.end = clock_.mono();
    EXPECT_TRUE(ended) << argv[0] << " did not end";
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << argv[0] << " failed: " << status;
    return span;
  }

  const RealTally& tally() const { return tally_; }
  const SystemClock& clock() const { return clock_; }
  BreakLoop& break_loop() { return *break_loop_; }

 private:
  static void run_for_real(uv_loop_t* loop, std::chrono::milliseconds d) {
    const auto end = std::chrono::steady_clock::now() + d;
    run_until(loop, [&] { return std::chrono::steady_clock::now() >= end; }, d + 1s);
  }

  uv_loop_t loop_{};
  SystemClock clock_;
  std::unique_ptr<UvTimers> timers_;
  std::unique_ptr<BreakLoop> break_loop_;
  RealTally tally_;
};

// The four behaviours every real desktop must show. `tap` presses one key;
// `type` types for about `seconds` and returns when done.
struct DesktopInput {
  std::function<RealDesktopRun::Span(RealDesktopRun&)> tap;
  std::function<RealDesktopRun::Span(RealDesktopRun&, int seconds)> type;
};

inline void expect_no_activity_without_input(RealDesktopRun& run) {
  run.run_for(4s);
  EXPECT_EQ(run.tally().credited, Duration{0}) << "active time with no input at all";
  EXPECT_EQ(run.tally().became_active, 0);
  EXPECT_FALSE(run.break_loop().engine().status().active);
  EXPECT_LE(run.tally().wakes, 5) << "an idle desktop costs a few wakes";
}

inline void expect_one_key_is_not_activity(RealDesktopRun& run, const DesktopInput& input) {
  run.run_for(1500ms);  // the source's first event
  input.tap(run);
  run.run_for(4s);
  EXPECT_EQ(run.tally().credited, Duration{0}) << "one key press counted as activity";
  EXPECT_EQ(run.tally().became_active, 0);
}

inline void expect_typing_credited_and_idle_on_time(RealDesktopRun& run, const DesktopInput& input, int seconds) {
  run.run_for(1500ms);
  const RealDesktopRun::Span typed = input.type(run, seconds);
  run.run_for(kRealGrace + 1500ms);
  const Duration span = typed.end - typed.start;
  // The helpers space their keys so that the first and last are `seconds` apart.
  const Duration n{std::chrono::seconds(seconds)};
  EXPECT_GE(run.tally().credited, n - 1s) << "helper ran " << span.count() << " ms";
  EXPECT_LE(run.tally().credited, std::min(n, span) + 1s) << "helper ran " << span.count() << " ms";
  ASSERT_EQ(run.tally().idle_at.size(), 1u) << "one burst, one return to idle";
  std::printf("typed %d s (helper ran %lld ms): credited %lld ms, idle %lld ms after the helper ended, %d wakes\n",
              seconds, static_cast<long long>(span.count()), static_cast<long long>(run.tally().credited.count()),
              static_cast<long long>((run.tally().idle_at[0] - typed.end).count()), run.tally().wakes);
  const Duration idle_after = run.tally().idle_at[0] - typed.end;
  EXPECT_GE(idle_after, kRealGrace - 500ms) << "idle before the grace ran out";
  EXPECT_LE(idle_after, kRealGrace + 1s) << "idle noticed late";
}

// `young` was started right after its compositor came up (the fixtures
// start the loop as soon as the compositor's socket or bus name exists, as
// a session does at login): in its first 10 s it wakes no more than a loop
// started on the same compositor 10 s later, and neither credits anything.
inline void expect_young_start_no_busier(RealDesktopRun& young, const RealDesktopRun::Make& make) {
  young.run_for(10s);
  const int young_wakes = young.tally().wakes;
  EXPECT_EQ(young.tally().credited, Duration{0});
  young.break_loop().stop();
  RealDesktopRun later;
  ASSERT_TRUE(later.start(make));
  later.run_for(10s);
  EXPECT_EQ(later.tally().credited, Duration{0});
  std::printf("wakes in the first 10 s: started with the compositor %d, started 10 s later %d\n", young_wakes,
              later.tally().wakes);
  EXPECT_LE(young_wakes, later.tally().wakes);
}

// With micro-breaks every 5 s of active time, typing for 7 s makes one
// due 5 s after the first key, within 2 s.
inline void expect_micro_break_due_after_its_active_time(RealDesktopRun& run, const DesktopInput& input) {
  EngineConfig rules = run.break_loop().engine().config();
  rules.micro.interval = 5s;
  run.break_loop().set_rules(rules);
  run.run_for(1500ms);
  const RealDesktopRun::Span typed = input.type(run, 7);
  run.run_for(500ms);
  ASSERT_FALSE(run.tally().micro_due_at.empty()) << "no micro-break fell due";
  const Duration after_first_key = run.tally().micro_due_at[0] - typed.start;
  std::printf("micro-break due %lld ms after the first key (interval 5000 ms)\n",
              static_cast<long long>(after_first_key.count()));
  EXPECT_GE(after_first_key, 3s);
  EXPECT_LE(after_first_key, 7s);
}

// Benchmark (tests/bench/desktop_activity.sh runs it; not in the test
// command): the wakes of the first 10 s after start with no input, then a
// scripted trace of typing bursts of 5-120 s and gaps of 1-60 s (fixed
// seed) for about `trace_s` seconds, then a minute of steady idle. The
// trace's true active time joins bursts whose gap is shorter than the
// grace, as the engine's rules do. Prints one tab-separated BENCH line.
inline void bench_scripted_trace(RealDesktopRun& run, const DesktopInput& input, const char* source, int trace_s) {
  run.run_for(10s);
  const int first_wakes = run.tally().wakes;
  std::mt19937 rng(20261207);
  auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Duration truth{0};
  std::optional<RealDesktopRun::Span> last;
  int bursts = 0;
  const MonoTime end = run.clock().mono() + std::chrono::seconds(trace_s);
  while (run.clock().mono() < end) {
    const RealDesktopRun::Span typed = input.type(run, uniform(5, 120));
    ++bursts;
    truth += typed.end - typed.start;
    if (last && typed.start - last->end <= kRealGrace) truth += typed.start - last->end;
    last = typed;
    run.run_for(std::chrono::seconds(uniform(1, 60)));
  }
  run.run_for(kRealGrace + 1500ms);
  const Duration credited = run.tally().credited;
  // Steady idle: a minute with nobody at the keyboard after the trace.
  const int before_idle = run.tally().wakes;
  run.run_for(60s);
  const int idle_wakes = run.tally().wakes - before_idle;
  std::printf("BENCH\t%s\t%d\t%d\t%lld\t%lld\t%lld\t%d\n", source, first_wakes, bursts,
              static_cast<long long>(truth.count()), static_cast<long long>(credited.count()),
              static_cast<long long>((credited - truth).count()), idle_wakes);
}

// The tests every compositor fixture runs (sway, KWin, Mutter), and its
// benchmark case (not in the test command). `Fixture` starts `run_` in
// SetUp, right after its compositor came up, and has a static input();
// `make_source` makes the activity source the fixture's run uses.
#define LIMBER_REAL_COMPOSITOR_TESTS(Fixture, bench_name, make_source)                  \
  TEST_F(Fixture, NoActivityWithoutInput) { expect_no_activity_without_input(run_); }   \
  TEST_F(Fixture, StartedWithTheCompositorWakesNoMoreThanLater) {                         \
    expect_young_start_no_busier(run_, make_source);                                     \
  }                                                                                       \
  TEST_F(Fixture, OneKeyPressIsNotActivity) { expect_one_key_is_not_activity(run_, input()); } \
  TEST_F(Fixture, MicroBreakFallsDueAfterItsActiveTime) {                                 \
    expect_micro_break_due_after_its_active_time(run_, input());                         \
  }                                                                                       \
  TEST_F(Fixture, TypingIsCreditedAndIdleComesAfterTheGrace) {                            \
    expect_typing_credited_and_idle_on_time(run_, input(), 4);                           \
  }                                                                                       \
  TEST_F(Fixture, DISABLED_BenchScriptedTrace) {                                          \
    bench_scripted_trace(run_, input(), bench_name, bench_trace_seconds());              \
  }

// The trace length for the benchmark: $LIMBER_BENCH_TRACE_S, default 600.
inline int bench_trace_seconds() {
  const char* v = std::getenv("LIMBER_BENCH_TRACE_S");
  return v != nullptr && std::atoi(v) > 0 ? std::atoi(v) : 600;
}

}  // namespace limber::test
