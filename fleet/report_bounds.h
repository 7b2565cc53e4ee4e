// The figures limber-fleet-export believes. A report that parsed may still
// be a lie: one user must not be able to move the fleet's numbers beyond
// what one honest person can add to them, nor the fleet's day. So a report
// is refused whole when a figure is outside what a day can hold (active
// time over 86,400 s, a break counter over kMaxBreaksPerDay) or a date is
// later than one day ahead of the exporter's own clock (time zones and
// `schedule.day_starts_at` put an honest user's date at most a day ahead).
// Old dates are the stale check's business (--max-age).
//
// Pure. Threading: none.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "limber/daily_report.h"

namespace limber::report {

inline constexpr int64_t kMaxActiveSecondsPerDay = 86'400;
// A break counter: a prompted micro-break takes at least 30 s and a
// natural one at least as long, so no real day comes near this.
inline constexpr int64_t kMaxBreaksPerDay = 10'000;
// How far past the exporter's local date a report's date may be.
inline constexpr int64_t kMaxDaysAhead = 1;

// Days since 1970-01-01 of an ISO date ("2026-11-21"), or nothing.
std::optional<int64_t> days_from_iso_date(std::string_view date);

// Why `report` is not believed (one line), or nothing when it is.
// `clock_day` is the exporter's local date in days since 1970-01-01.
std::optional<std::string> implausible(const DailyReport& report, int64_t clock_day);

// a + b, held at INT64_MAX / INT64_MIN instead of overflowing.
int64_t saturating_add(int64_t a, int64_t b);

}  // namespace limber::report
