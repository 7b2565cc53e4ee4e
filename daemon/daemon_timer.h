// DaemonTimer: a timer in the daemon's own time (the Clock the engine sees),
// behind an interface so the whole daemon can run on a simulated clock.
//
// limberd makes them with UvTimers (uv_timer on its loop, converting the
// daemon's time to real time with SystemClock::to_real); the in-process
// tests make them with a simulated set that fires them as the simulated
// clock is advanced (tests/support/simulated_timers.h).
//
// Threading: the loop thread. A timer's callback never runs after stop() or
// after the timer is destroyed.
#pragma once

#include <functional>
#include <memory>

#include "limber/clock.h"

namespace limber {

class DaemonTimer {
 public:
  virtual ~DaemonTimer() = default;
  // Fires once `after` from now, then every `repeat` when it is above zero.
  // Starting a running timer replaces its schedule.
  virtual void start(Duration after, Duration repeat = Duration{0}) = 0;
  virtual void stop() = 0;
  virtual bool active() const = 0;
  // Daemon time until it fires; zero when it is not active.
  virtual Duration due_in() const = 0;
};

class TimerFactory {
 public:
  virtual ~TimerFactory() = default;
  virtual std::unique_ptr<DaemonTimer> make(std::function<void()> fire) = 0;
};

}  // namespace limber
