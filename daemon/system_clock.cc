#include "system_clock.h"

#include <time.h>

#include <cmath>

namespace limber {
namespace {

Duration read(clockid_t id) {
  timespec ts{};
  clock_gettime(id, &ts);
  return Duration{static_cast<int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1'000'000};
}

}  // namespace

SystemClock::SystemClock(double scale)
    : scale_(scale < 1.0 ? 1.0 : scale),
      mono_start_(read(CLOCK_BOOTTIME)) {}

MonoTime SystemClock::mono() const {
  const Duration now = read(CLOCK_BOOTTIME);
  if (scale_ == 1.0) return MonoTime{now};
  return MonoTime{mono_start_ + from_real(now - mono_start_)};
}

WallTime SystemClock::wall() const {
  const Duration now = read(CLOCK_REALTIME);
  if (scale_ == 1.0) return WallTime{now};
  // The real wall clock plus the extra time the scale adds to the boot-time
  // clock, so the two stay in step and a change of the real wall clock
  // (the user sets it, NTP steps it) still shows as a jump.
  const Duration elapsed = read(CLOCK_BOOTTIME) - mono_start_;
  return WallTime{now + from_real(elapsed) - elapsed};
}

LocalTime SystemClock::local(WallTime t) const {
  const time_t secs = static_cast<time_t>(
      std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count());
  tm parts{};
  localtime_r(&secs, &parts);
  return local_time_at(t, std::chrono::seconds(parts.tm_gmtoff));
}

Duration SystemClock::to_real(Duration clock_time) const {
  return Duration{static_cast<int64_t>(std::ceil(static_cast<double>(clock_time.count()) / scale_))};
}

Duration SystemClock::from_real(Duration real_time) const {
  return Duration{static_cast<int64_t>(static_cast<double>(real_time.count()) * scale_)};
}

void SystemClock::reload_time_zone() { tzset(); }

}  // namespace limber
