// WorkSchedule: the hours in which Limber reminds.
//
// A week of local-time ranges, written the way a person would:
//   "mon-fri 09:00-12:30,13:30-17:30; sat 10:00-13:00"
// Ranges may cross midnight ("sun-thu 22:00-06:00" is a night shift that
// ends on the next morning). "always" (the default) means every minute of
// every day. Outside the schedule nothing prompts and break timers rest.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "limber/clock.h"

namespace limber {

class WorkSchedule {
 public:
  static constexpr int kMinutesPerWeek = 7 * 24 * 60;

  static WorkSchedule always() { return WorkSchedule(); }
  // Parses `text`; on failure returns false and says what is wrong in *err.
  static bool parse(std::string_view text, WorkSchedule* out, std::string* err);

  bool is_always() const { return ranges_.empty(); }
  bool contains(const LocalTime& t) const;
  // Time from `t` until contains() changes value; nullopt for "always".
  std::optional<Duration> until_change(const LocalTime& t) const;
  // The canonical text form; parse(to_string()) gives the same schedule.
  std::string to_string() const;

  friend bool operator==(const WorkSchedule&, const WorkSchedule&) = default;

 private:
  // Half-open [begin, end) ranges in minutes since Monday 00:00, sorted,
  // merged, none empty. Empty means "always".
  std::vector<std::pair<int, int>> ranges_;
};

}  // namespace limber
