// Property test of the activity contract (activity_source.h): BreakLoop on
// simulated time, fed by two simulated sources that keep the real ones'
// contracts — a polling source that knows the exact idle time (X11), and an
// event-driven one that sees only "idled" one watch timeout after the last
// input and "resumed" at the first input after it (Wayland, Mutter; it keeps
// its state in the same IdleWatchState the real ones use).
//
// For generated input (bursts of 5–120 s, gaps of grace + 1 s to 60 s, some
// single key presses, some pauses inside a burst longer than the watch
// timeout) the daemon must
//  - credit each burst's own active time (first to last input) within one
//    noise filter, and nothing for a single key press;
//  - notice idleness within idle grace + 1 s of the last input;
//  - wake a bounded number of times per simulated minute (no spinning on a
//    deadline that has passed).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <vector>

#include "activity/idle_watch_state.h"
#include "break_loop.h"
#include "simulated_daemon.h"

namespace limber {
namespace {

using namespace std::chrono_literals;
using testing::ScriptedSource;
using testing::SimulatedTimers;

constexpr Duration kGrace = 3s;
constexpr Duration kNoise = 1s;

// The event-driven source: a simulated compositor with one idle watch.
class CompositorSource final : public ActivitySource {
 public:
  CompositorSource(const Clock& clock, TimerFactory& timers)
      : clock_(clock), idle_timer_(timers.make([this] { idled(); })) {}
  std::string_view name() const override { return "compositor"; }
  bool start(uv_loop_t*, const Clock&, Duration timeout, ActivitySink& sink, std::string*) override {
    sink_ = &sink;
    timeout_ = timeout;
    watch_.start(clock_.mono(), timeout);
    idle_timer_->start(timeout);  // the compositor's timer starts at creation
    return true;
  }
  void watch_for_input() override { watching_ = true; }
  std::optional<Duration> idle_time() override { return watch_.idle_time(clock_.mono()); }
  void stop() override { idle_timer_->stop(); }

  void input() {
    if (compositor_idle_) {
      compositor_idle_ = false;
      watch_.resumed(clock_.mono());
      report(clock_.mono());
    }
    idle_timer_->start(timeout_);
  }

 private:
  void idled() {
    compositor_idle_ = true;
    if (const auto unseen = watch_.idled(clock_.mono())) report(*unseen);
  }
  void report(MonoTime at) {
    if (!watching_) return;
    watching_ = false;
    sink_->on_input(at);
  }

  const Clock& clock_;
  std::unique_ptr<DaemonTimer> idle_timer_;
  ActivitySink* sink_ = nullptr;
  Duration timeout_{0};
  IdleWatchState watch_;
  bool compositor_idle_ = false;
  bool watching_ = false;
};

struct Tally final : BreakObserver {
  void on_active_time(WallTime, Duration d) override { credited += d; }
  void on_break_events(const std::vector<EngineEvent>& events) override {
    for (const EngineEvent& e : events) {
      if (e.kind == EventKind::kBecameIdle) idle_at.push_back(e.at);
      if (e.kind == EventKind::kBecameActive) ++became_active;
    }
  }
  void after_wake() override { ++wakes; }
  Duration credited{0};
  std::vector<MonoTime> idle_at;
  int became_active = 0;
  int wakes = 0;
};

// One burst of input: its moments, from the start of the trace.
using Burst = std::vector<Duration>;

std::vector<Burst> generate(std::mt19937& rng) {
  auto uniform = [&rng](Duration lo, Duration hi) {
    return Duration{std::uniform_int_distribution<Duration::rep>(lo.count(), hi.count())(rng)};
  };
  std::vector<Burst> bursts;
  // Input that began before the event-driven source's first event is not
  // known until its first pause (activity_source.h): the traces start after.
  Duration t = uniform(kNoise + 1s, 20s);
  const int n = std::uniform_int_distribution<int>(1, 8)(rng);
  for (int i = 0; i < n; ++i) {
    Burst b{t};
    if (std::uniform_int_distribution<int>(0, 4)(rng) != 0) {  // else one key press
      const Duration end = t + uniform(5s, 120s);
      while (t < end) {
        const bool pause = std::uniform_int_distribution<int>(0, 19)(rng) == 0;
        t += pause ? uniform(1200ms, 2500ms) : uniform(50ms, 800ms);
        b.push_back(t);
      }
    }
    bursts.push_back(b);
    t += uniform(kGrace + 1s, 60s);
  }
  return bursts;
}

template <typename Source>
class ActivityProperty : public ::testing::Test {
 protected:
  struct Run {
    Tally tally;
    Duration truth{0};
    int counted_bursts = 0;
    Duration length{0};
  };

  Run run(const std::vector<Burst>& bursts) {
    SimulatedClock clock{WallTime{std::chrono::hours{24 * 20000}}};
    SimulatedTimers timers{clock};
    EngineConfig rules;
    rules.idle_grace = kGrace;
    rules.noise_filter = kNoise;
    BreakLoop loop(clock, timers, rules);
    Run r;
    loop.set_observer(&r.tally);
    Source* source = nullptr;
    EXPECT_TRUE(loop.start([&](Duration timeout, ActivitySink& sink) {
      auto s = make(clock, timers);
      s->start(nullptr, clock, timeout, sink, nullptr);
      source = s.get();
      return s;
    }));
    loop.wake();
    const MonoTime t0 = clock.mono();
    for (const Burst& b : bursts) {
      for (Duration at : b) {
        timers.run_until(t0 + at);
        source->input();
      }
      const Duration span = b.back() - b.front();
      if (span >= kNoise) {
        r.truth += span;
        ++r.counted_bursts;
      }
    }
    r.length = bursts.back().back() + 60s;
    timers.run_until(t0 + r.length);
    loop.stop();
    for (const Burst& b : bursts) {
      if (b.back() - b.front() < kNoise) continue;
      const MonoTime last = t0 + b.back();
      const bool noticed = std::any_of(r.tally.idle_at.begin(), r.tally.idle_at.end(), [&](MonoTime at) {
        return at >= last + kGrace && at <= last + kGrace + 1s;
      });
      EXPECT_TRUE(noticed) << "idle not noticed within grace + 1 s of the input at "
                           << b.back().count() << " ms";
    }
    return r;
  }

  std::unique_ptr<Source> make(const Clock& clock, TimerFactory& timers);
};

template <>
std::unique_ptr<ScriptedSource> ActivityProperty<ScriptedSource>::make(const Clock& clock, TimerFactory&) {
  return std::make_unique<ScriptedSource>(clock);
}
template <>
std::unique_ptr<CompositorSource> ActivityProperty<CompositorSource>::make(const Clock& clock,
                                                                           TimerFactory& timers) {
  return std::make_unique<CompositorSource>(clock, timers);
}

using Sources = ::testing::Types<ScriptedSource, CompositorSource>;
TYPED_TEST_SUITE(ActivityProperty, Sources);

int traces() {
  const char* env = std::getenv("LIMBER_PROPERTY_TRACES");
  return env != nullptr ? std::max(1, std::atoi(env)) : 300;
}

TYPED_TEST(ActivityProperty, CreditsEachBurstWithinOneNoiseFilterAndWakesRarely) {
  for (int seed = 1; seed <= traces(); ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 rng(static_cast<unsigned>(seed));
    const std::vector<Burst> bursts = generate(rng);
    const auto r = this->run(bursts);
    const Duration error = r.tally.credited - r.truth;
    ASSERT_LE(std::abs(error.count()), (kNoise * std::max<int>(1, r.counted_bursts)).count())
        << "credited " << r.tally.credited.count() << " ms for " << r.truth.count() << " ms of input in "
        << r.counted_bursts << " bursts";
    const double minutes = std::chrono::duration<double>(r.length).count() / 60.0;
    ASSERT_LE(r.tally.wakes, static_cast<int>(35 * minutes) + 6 * static_cast<int>(bursts.size()))
        << "wakes in " << minutes << " simulated minutes";
    if (::testing::Test::HasFailure()) return;
  }
}

TYPED_TEST(ActivityProperty, NoInputIsNoActivity) {
  // A trace whose only input is one key press an hour in: before it nothing.
  const auto r = this->run({Burst{60min}});
  EXPECT_EQ(r.tally.credited, Duration{0});
  EXPECT_EQ(r.tally.became_active, 0);
  EXPECT_LE(r.tally.wakes, 10) << "an idle hour costs a handful of wakes";
}

TYPED_TEST(ActivityProperty, OneKeyPressIsNotActivity) {
  const auto r = this->run({Burst{10s}, Burst{40s}, Burst{70s}});
  EXPECT_EQ(r.tally.credited, Duration{0});
  EXPECT_EQ(r.tally.became_active, 0);
}

// The X server's idle counter at login: it starts with the server, so a
// limberd started a second later sees "input" a second ago.
class YoungServerSource final : public ActivitySource {
 public:
  YoungServerSource(const Clock& clock, MonoTime server_start) : clock_(clock), server_start_(server_start) {}
  std::string_view name() const override { return "young-x"; }
  bool start(uv_loop_t*, const Clock&, Duration, ActivitySink&, std::string*) override { return true; }
  void watch_for_input() override {}
  std::optional<Duration> idle_time() override { return clock_.mono() - server_start_; }
  void stop() override {}

 private:
  const Clock& clock_;
  MonoTime server_start_;
};

TEST(ActivityStartUp, RestoredTimersAndAYoungXServerDoNotSpin) {
  SimulatedClock clock{WallTime{std::chrono::hours{24 * 20000}}};
  SimulatedTimers timers{clock};
  EngineConfig rules;
  rules.idle_grace = kGrace;
  rules.noise_filter = kNoise;
  std::string saved;
  {  // the previous session: some typing, then a clean stop
    BreakLoop previous(clock, timers, rules);
    ScriptedSource* source = nullptr;
    ASSERT_TRUE(previous.start([&](Duration, ActivitySink& sink) {
      auto s = std::make_unique<ScriptedSource>(clock);
      s->start(nullptr, clock, Duration{0}, sink, nullptr);
      source = s.get();
      return s;
    }));
    previous.wake();
    for (int i = 0; i < 20; ++i) {
      source->input();
      timers.run_until(clock.mono() + 500ms);
    }
    saved = previous.snapshot();
    previous.stop();
  }
  timers.run_until(clock.mono() + 60s);  // logged out; the X server starts
  const MonoTime server_start = clock.mono();
  timers.run_until(clock.mono() + 1s);

  BreakLoop loop(clock, timers, rules);
  Tally tally;
  loop.set_observer(&tally);
  std::string err;
  ASSERT_TRUE(loop.restore(saved, clock.wall() - 61s, &err)) << err;
  ASSERT_TRUE(loop.start([&](Duration, ActivitySink&) { return std::make_unique<YoungServerSource>(clock, server_start); }));
  loop.wake();
  timers.run_until(clock.mono() + 10s);
  loop.stop();
  EXPECT_LE(tally.wakes, 6) << "limberd's first 10 s after a restore, X server a second old";
  EXPECT_EQ(tally.credited, Duration{0});
}

}  // namespace
}  // namespace limber
