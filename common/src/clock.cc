#include "limber/clock.h"

namespace limber {

SimulatedClock::SimulatedClock(WallTime start, Duration utc_offset)
    : wall_(start), offset_(utc_offset) {}

void SimulatedClock::advance(Duration d) {
  mono_ += d;
  wall_ += d;
}

void SimulatedClock::set_offset_change(WallTime at, Duration offset) {
  change_at_ = at;
  offset_after_ = offset;
}

LocalTime SimulatedClock::local(WallTime t) const {
  return local_time_at(t, t >= change_at_ ? offset_after_ : offset_);
}

LocalTime local_time_at(WallTime t, Duration utc_offset) {
  using namespace std::chrono;
  const auto local = t + utc_offset;
  const auto day = floor<days>(local);
  const auto in_day = duration_cast<seconds>(local - day);
  LocalTime out;
  out.date = year_month_day{day};
  out.weekday = static_cast<int>(weekday{day}.iso_encoding()) - 1;
  out.minute_of_day = static_cast<int>(in_day.count() / 60);
  out.second = static_cast<int>(in_day.count() % 60);
  out.utc_offset = utc_offset;
  return out;
}

}  // namespace limber
