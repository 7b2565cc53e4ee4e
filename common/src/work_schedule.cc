#include "limber/work_schedule.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace limber {
namespace {

constexpr std::array<std::string_view, 7> kDayNames = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};
constexpr int kDay = 24 * 60;

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  return parts;
}

int day_index(std::string_view name) {
  for (size_t i = 0; i < kDayNames.size(); ++i) {
    if (kDayNames[i] == name) return static_cast<int>(i);
  }
  return -1;
}

// "HH:MM" with 00:00 … 24:00.
bool parse_clock(std::string_view s, int* minutes) {
  if (s.size() != 5 || s[2] != ':') return false;
  int h = 0, m = 0;
  if (std::from_chars(s.data(), s.data() + 2, h).ec != std::errc() ||
      std::from_chars(s.data() + 3, s.data() + 5, m).ec != std::errc()) {
    return false;
  }
  if (h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0)) return false;
  *minutes = h * 60 + m;
  return true;
}

bool parse_days(std::string_view s, std::vector<int>* days) {
  for (std::string_view item : split(s, ',')) {
    const auto dash = item.find('-');
    if (dash == std::string_view::npos) {
      const int d = day_index(item);
      if (d < 0) return false;
      days->push_back(d);
      continue;
    }
    const int first = day_index(trim(item.substr(0, dash)));
    const int last = day_index(trim(item.substr(dash + 1)));
    if (first < 0 || last < 0) return false;
    for (int d = first;; d = (d + 1) % 7) {  // "fri-mon" wraps over the weekend
      days->push_back(d);
      if (d == last) break;
    }
  }
  return !days->empty();
}

std::string two_digits(int v) {
  return std::string{static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
}

std::string clock_text(int minutes) {
  return two_digits(minutes / 60) + ":" + two_digits(minutes % 60);
}

}  // namespace

bool WorkSchedule::parse(std::string_view text, WorkSchedule* out, std::string* err) {
  text = trim(text);
  if (text == "always" || text.empty()) {
    *out = WorkSchedule::always();
    return true;
  }
  std::vector<std::pair<int, int>> ranges;
  for (std::string_view clause : split(text, ';')) {
    if (clause.empty()) continue;
    const auto space = clause.find(' ');
    if (space == std::string_view::npos) {
      *err = "expected '<days> <HH:MM-HH:MM>[,…]', e.g. 'mon-fri 09:00-17:30', got '" +
             std::string(clause) + "'";
      return false;
    }
    std::vector<int> days;
    if (!parse_days(clause.substr(0, space), &days)) {
      *err = "unknown day in '" + std::string(clause.substr(0, space)) +
             "': use mon, tue, wed, thu, fri, sat, sun and ranges like mon-fri";
      return false;
    }
    for (std::string_view span : split(clause.substr(space + 1), ',')) {
      const auto dash = span.find('-');
      int begin = 0, end = 0;
      if (dash == std::string_view::npos || !parse_clock(trim(span.substr(0, dash)), &begin) ||
          !parse_clock(trim(span.substr(dash + 1)), &end) || begin == end) {
        *err = "expected a time range like 09:00-17:30, got '" + std::string(span) + "'";
        return false;
      }
      for (int d : days) {
        const int start = d * kDay + begin;
        const int stop = d * kDay + end + (end < begin ? kDay : 0);  // crosses midnight
        if (stop <= kMinutesPerWeek) {
          ranges.emplace_back(start, stop);
        } else {  // Sunday night into Monday morning
          ranges.emplace_back(start, kMinutesPerWeek);
          ranges.emplace_back(0, stop - kMinutesPerWeek);
        }
      }
    }
  }
  if (ranges.empty()) {
    *err = "no time ranges given";
    return false;
  }
  std::sort(ranges.begin(), ranges.end());
  WorkSchedule s;
  for (const auto& r : ranges) {
    if (!s.ranges_.empty() && r.first <= s.ranges_.back().second) {
      s.ranges_.back().second = std::max(s.ranges_.back().second, r.second);
    } else {
      s.ranges_.push_back(r);
    }
  }
  if (s.ranges_.size() == 1 && s.ranges_[0] == std::pair{0, kMinutesPerWeek}) s.ranges_.clear();
  *out = std::move(s);
  return true;
}

bool WorkSchedule::contains(const LocalTime& t) const {
  if (ranges_.empty()) return true;
  const int m = t.weekday * kDay + t.minute_of_day;
  return std::any_of(ranges_.begin(), ranges_.end(),
                     [m](const auto& r) { return r.first <= m && m < r.second; });
}

std::optional<Duration> WorkSchedule::until_change(const LocalTime& t) const {
  if (ranges_.empty()) return std::nullopt;
  const int m = t.weekday * kDay + t.minute_of_day;
  int best = kMinutesPerWeek + 1;
  for (const auto& [begin, end] : ranges_) {
    for (int edge : {begin, end}) {
      if (edge == kMinutesPerWeek) edge = 0;  // the week wraps
      int ahead = (edge - m + kMinutesPerWeek) % kMinutesPerWeek;
      if (ahead == 0) ahead = kMinutesPerWeek;
      // A range ending at Sunday 24:00 and one starting at Monday 00:00 were
      // merged, so an edge is always a real change.
      best = std::min(best, ahead);
    }
  }
  return std::chrono::minutes(best) - std::chrono::seconds(t.second);
}

std::string WorkSchedule::to_string() const {
  if (ranges_.empty()) return "always";
  std::string out;
  for (auto [begin, end] : ranges_) {
    // Written one day at a time; parse() merges the pieces again.
    while (begin < end) {
      const int day = begin / kDay;
      const int piece_end = std::min(end, (day + 1) * kDay);
      if (!out.empty()) out += "; ";
      out += std::string(kDayNames[static_cast<size_t>(day)]) + " " + clock_text(begin - day * kDay) +
             "-" + clock_text(piece_end - day * kDay);
      begin = piece_end;
    }
  }
  return out;
}

}  // namespace limber
