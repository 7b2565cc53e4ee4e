// Time as the break engine sees it.
//
// The engine never reads a clock itself: the daemon hands it a SystemClock,
// tests and the demo a SimulatedClock. Two time lines matter:
//  - MonoTime: a clock that never jumps, used for every duration. The daemon
//    uses CLOCK_BOOTTIME so that time spent suspended counts as idle time.
//  - WallTime: UTC wall clock, converted to local time for work hours and the
//    day boundary. It may jump (NTP, manual change); the engine copes.
#pragma once

#include <chrono>
#include <cstdint>

namespace limber {

using Duration = std::chrono::milliseconds;
struct MonoClockTag {};
using MonoTime = std::chrono::time_point<MonoClockTag, Duration>;
using WallTime = std::chrono::sys_time<Duration>;

// A broken-down local time, as the work-hours schedule needs it.
struct LocalTime {
  std::chrono::year_month_day date{};
  int weekday = 0;         // 0 = Monday … 6 = Sunday (ISO order)
  int minute_of_day = 0;   // 0 … 1439
  int second = 0;          // 0 … 59 (60 on a leap second)
  Duration utc_offset{0};  // local = UTC + utc_offset
};

class Clock {
 public:
  virtual ~Clock() = default;
  virtual MonoTime mono() const = 0;
  virtual WallTime wall() const = 0;
  // Local time at `t` in the user's time zone.
  virtual LocalTime local(WallTime t) const = 0;
  // A span of this clock's time as real time, and back: they differ for a
  // clock that runs faster (limberd --time-scale). Activity sources measure
  // real time. Identity unless overridden.
  virtual Duration to_real(Duration clock_time) const { return clock_time; }
  virtual Duration from_real(Duration real_time) const { return real_time; }
};

// A clock that moves only when told to. Local time is UTC plus an offset
// that can change at one instant, to model a daylight-saving change.
class SimulatedClock final : public Clock {
 public:
  explicit SimulatedClock(WallTime start, Duration utc_offset = Duration{0});

  MonoTime mono() const override { return mono_; }
  WallTime wall() const override { return wall_; }
  LocalTime local(WallTime t) const override;

  // Moves both time lines forward by `d` (d >= 0).
  void advance(Duration d);
  // Moves only the wall clock (NTP step, manual change); `d` may be negative.
  void jump_wall(Duration d) { wall_ += d; }
  // From wall time `at` on, local time is UTC + `offset`.
  void set_offset_change(WallTime at, Duration offset);

 private:
  MonoTime mono_{Duration{1'000'000}};
  WallTime wall_;
  Duration offset_;
  WallTime change_at_ = WallTime::max();
  Duration offset_after_{0};
};

// Builds a LocalTime from a UTC instant and the offset in force.
LocalTime local_time_at(WallTime t, Duration utc_offset);

}  // namespace limber
