// TraceReplay: drives a BreakEngine through a scripted day on a
// SimulatedClock, as fast as the CPU allows. Used by engine_demo, the
// scenario tests and the engine benchmark.
//
// A trace is one action per line, at a local time of the simulated day:
//
//   09:00 type 25m        input every second for 25 minutes
//   09:25 key             one stray input event
//   12:00 lock            (also: unlock, sleep, wake)
//   14:00 start           (also: postpone, skip, take micro|rest|daily)
//   15:00 pause 30m       (also: pause-until 16:00, pause-tomorrow, resume)
//   15:30 quiet on        (quiet off)
//   16:00 jump -1h        the wall clock steps (NTP, manual change)
//   17:30 end             run until this time
//
// '#' starts a comment. Times must not go backwards. Between actions the
// replay wakes the engine exactly at its deadlines, as the daemon would.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "break_engine.h"
#include "limber/clock.h"

namespace limber {

class TraceReplay {
 public:
  // Trace times are relative to `origin` (by default: now, which should be
  // local midnight of the simulated day).
  TraceReplay(SimulatedClock& clock, BreakEngine& engine);
  TraceReplay(SimulatedClock& clock, BreakEngine& engine, MonoTime origin);

  // Runs the whole trace. Returns false with "line N: …" in *err on a bad
  // line. Every event the engine emits goes to `on_event`.
  bool run(const std::string& trace, const std::function<void(const EngineEvent&)>& on_event,
           std::string* err);

  // Moves simulated time to `t`, waking the engine at each deadline. Events
  // go to the listener set here or by the last run().
  void run_until(MonoTime t);
  void set_listener(std::function<void(const EngineEvent&)> on_event) {
    on_event_ = std::move(on_event);
  }

  // Local midnight of the simulated day, as a MonoTime: events are shown
  // relative to it, so they read as clock times.
  MonoTime origin() const { return origin_; }

  // Commands the engine refused, as "14:05 postpone: <why>".
  const std::vector<std::string>& refusals() const { return refusals_; }

 private:
  bool act(const std::string& action, const std::string& arg, MonoTime at, Duration offset, Status* st,
           std::string* why);
  void drain();

  SimulatedClock& clock_;
  BreakEngine& engine_;
  MonoTime origin_;
  std::function<void(const EngineEvent&)> on_event_;
  std::vector<std::string> refusals_;
};

// "90s", "25m", "1h30m", "-1h": a signed duration. False on anything else.
bool parse_trace_duration(std::string_view text, Duration* out);

}  // namespace limber
