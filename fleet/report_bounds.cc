#include "report_bounds.h"

#include <charconv>
#include <limits>

namespace limber::report {

namespace {

int parse_int(std::string_view text) {
  int v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

std::optional<std::string> day_problem(const DayFigures& day, const char* which, int64_t clock_day) {
  const std::string where = std::string(which) + " (" + day.date + ")";
  const std::optional<int64_t> d = days_from_iso_date(day.date);
  if (!d) return where + ": not a calendar date";
  if (*d > clock_day + kMaxDaysAhead) {
    return where + ": more than " + std::to_string(kMaxDaysAhead) +
           " day ahead of this machine's clock";
  }
  if (day.active_s > kMaxActiveSecondsPerDay) {
    return where + ": " + std::to_string(day.active_s) + " active seconds, more than a day has";
  }
  for (size_t k = 0; k < kKinds.size(); ++k) {
    for (size_t o = 0; o < kOutcomes.size(); ++o) {
      if (day.breaks[k][o] > kMaxBreaksPerDay) {
        return where + ": " + std::to_string(day.breaks[k][o]) + " " + std::string(kKinds[k]) + "/" +
               std::string(kOutcomes[o]) + " breaks, more than " + std::to_string(kMaxBreaksPerDay);
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<int64_t> days_from_iso_date(std::string_view date) {
  if (!is_iso_date(date)) return std::nullopt;
  const int y = parse_int(date.substr(0, 4));
  const unsigned m = static_cast<unsigned>(parse_int(date.substr(5, 2)));
  const unsigned d = static_cast<unsigned>(parse_int(date.substr(8, 2)));
  static constexpr unsigned kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1] || (m == 2 && d == 29 && !leap)) return std::nullopt;
  // Days from civil (the proleptic Gregorian calendar), era by era.
  const int yy = y - (m <= 2 ? 1 : 0);
  const int era = (yy >= 0 ? yy : yy - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(yy - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int64_t>(era) * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::optional<std::string> implausible(const DailyReport& report, int64_t clock_day) {
  if (auto why = day_problem(report.today, "today", clock_day)) return why;
  if (auto why = day_problem(report.last_complete_day, "last_complete_day", clock_day)) return why;
  if (report.last_complete_day.date > report.today.date) {
    return "last_complete_day (" + report.last_complete_day.date + ") is after today (" +
           report.today.date + ")";
  }
  for (const auto& [id, c] : report.checklists) {
    const std::optional<int64_t> d = days_from_iso_date(c.checked_on);
    if (!d || *d > clock_day + kMaxDaysAhead) {
      return "checklist " + id + ": answered on " + c.checked_on + ", after this machine's today";
    }
  }
  return std::nullopt;
}

int64_t saturating_add(int64_t a, int64_t b) {
  int64_t sum = 0;
  if (!__builtin_add_overflow(a, b, &sum)) return sum;
  return b > 0 ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
}

}  // namespace limber::report
