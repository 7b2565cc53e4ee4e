// SystemClock: the real clocks for limberd.
//
// mono() is CLOCK_BOOTTIME, which keeps counting while the machine is
// suspended: a laptop that slept through lunch has been idle for that time.
// wall() is CLOCK_REALTIME; local() uses the C library's time zone rules
// (re-read by reload_time_zone(), e.g. on SIGHUP).
//
// A time scale above 1 runs both clocks that many times faster than real
// time, from the moment the clock was made; a step of the real wall clock
// still moves wall() by the same step (unscaled). It exists for tests, demos and
// benchmarks that need a simulated day in minutes (`limberd --time-scale`).
// Code that arms real timers converts with to_real().
#pragma once

#include "limber/clock.h"

namespace limber {

class SystemClock final : public Clock {
 public:
  explicit SystemClock(double scale = 1.0);

  MonoTime mono() const override;
  WallTime wall() const override;
  LocalTime local(WallTime t) const override;

  double scale() const { return scale_; }
  // A span of clock time as real time, for uv timers (rounded up).
  Duration to_real(Duration clock_time) const override;
  // A span of real time (e.g. an idle time from the X server) as clock time.
  Duration from_real(Duration real_time) const override;

  static void reload_time_zone();

 private:
  double scale_;
  Duration mono_start_{0};
};

}  // namespace limber
