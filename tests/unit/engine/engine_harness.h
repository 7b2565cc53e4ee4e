// A simulated day for engine tests: a SimulatedClock that starts on Monday
// 2 March 2026 at local midnight, a BreakEngine, and helpers to type, idle
// and read the events as "HH:MM:SS kind …" lines (see describe()).
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/break_engine.h"
#include "engine/trace_replay.h"

namespace limber::testing {

using namespace std::chrono_literals;

inline WallTime monday_midnight_utc() {
  return std::chrono::sys_days{std::chrono::year{2026} / 3 / 2};
}

class EngineHarness {
 public:
  explicit EngineHarness(EngineConfig config = EngineConfig{},
                         WallTime start = monday_midnight_utc())
      : clock(start), engine(std::move(config), clock), replay(clock, engine) {
    replay.set_listener([this](const EngineEvent& e) { record(e); });
  }

  // Moves to `hh:mm:ss` of the simulated day (relative to its midnight).
  void at(Duration time_of_day) { replay.run_until(replay.origin() + time_of_day); }
  // Input once a second for `d`, starting now.
  void type(Duration d) {
    const MonoTime start = clock.mono();
    for (MonoTime t = start; t < start + d; t += 1s) {
      replay.run_until(t);
      engine.input(t);
    }
    collect();
  }
  // No input for `d`.
  void idle(Duration d) { replay.run_until(clock.mono() + d); collect(); }
  void collect() {
    for (const EngineEvent& e : engine.take_events()) record(e);
  }
  // Runs a trace (see trace_replay.h); fails the test on a bad line.
  void run(const std::string& trace) {
    std::string err;
    ASSERT_TRUE(replay.run(trace, [this](const EngineEvent& e) { record(e); }, &err)) << err;
    collect();
  }

  // Event lines without activity transitions (the common case in tests).
  std::vector<std::string> breaks() const { return filtered(false); }
  std::vector<std::string> all() const { return filtered(true); }
  const std::vector<EngineEvent>& events() const { return events_; }
  void clear() { events_.clear(); }

  SimulatedClock clock;
  BreakEngine engine;
  TraceReplay replay;

 private:
  void record(const EngineEvent& e) { events_.push_back(e); }
  std::vector<std::string> filtered(bool with_activity) const {
    std::vector<std::string> out;
    for (const EngineEvent& e : events_) {
      const bool activity = e.kind == EventKind::kBecameActive || e.kind == EventKind::kBecameIdle;
      if (e.kind == EventKind::kDayStarted && !with_activity) continue;
      if (!activity || with_activity) out.push_back(describe(e, replay.origin()));
    }
    return out;
  }

  std::vector<EngineEvent> events_;
};

// A config with only the micro-break enabled: isolates its rules.
inline EngineConfig micro_only() {
  EngineConfig c;
  c.rest.enabled = false;
  return c;
}

}  // namespace limber::testing
