// How fast the break engine digests activity: a long trace of inputs (one a
// second for many simulated days, with pauses, meetings and break actions)
// replayed as fast as possible. Reports input events per second.
#include <benchmark/benchmark.h>

#include <string>

#include "engine/break_engine.h"
#include "engine/trace_replay.h"

namespace {

using namespace limber;

std::string workday_trace() {
  return R"(09:00 type 25m
09:25 type 30m
09:55 postpone
10:00 type 60m
11:00 lock
11:45 unlock
11:46 type 60m
12:46 skip
13:00 pause 45m
13:45 type 90m
15:15 quiet on
15:16 type 30m
15:46 quiet off
15:47 type 60m
16:47 start
17:00 type 30m
17:30 end
)";
}

// Inputs in the trace: one a second of every "type" line.
int64_t typed_seconds(const std::string& trace) {
  int64_t seconds = 0;
  size_t pos = 0;
  while ((pos = trace.find(" type ", pos)) != std::string::npos) {
    pos += 6;
    Duration d{};
    if (parse_trace_duration(trace.substr(pos, trace.find('\n', pos) - pos), &d)) {
      seconds += d.count() / 1000;
    }
  }
  return seconds;
}

void BM_ReplayWorkday(benchmark::State& state) {
  const std::string trace = workday_trace();
  const int64_t per_day = typed_seconds(trace);
  int64_t inputs = 0;
  for (auto _ : state) {
    SimulatedClock clock(std::chrono::sys_days{std::chrono::year{2026} / 3 / 2});
    BreakEngine engine(EngineConfig{}, clock);
    TraceReplay replay(clock, engine);
    std::string err;
    size_t events = 0;
    replay.run(trace, [&](const EngineEvent&) { ++events; }, &err);
    benchmark::DoNotOptimize(events);
    inputs += per_day;
  }
  state.counters["inputs/s"] = benchmark::Counter(static_cast<double>(inputs),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReplayWorkday)->Unit(benchmark::kMillisecond);

// The cost of one input() + advance() pair while the user is active: what
// the daemon pays at each poll.
void BM_InputWhileActive(benchmark::State& state) {
  SimulatedClock clock(std::chrono::sys_days{std::chrono::year{2026} / 3 / 2});
  EngineConfig config;
  config.micro.enabled = false;
  config.rest.enabled = false;
  BreakEngine engine(config, clock);
  for (auto _ : state) {
    clock.advance(std::chrono::milliseconds(100));
    engine.input(clock.mono());
    engine.advance();
    benchmark::DoNotOptimize(engine.take_events());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_InputWhileActive);

}  // namespace

BENCHMARK_MAIN();
