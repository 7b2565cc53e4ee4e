// DailyReport: what one user's limberd writes to the fleet-report spool
// (`<spool>/<uid>.json`) when policy turns reporting on, and what
// limber-fleet-export reads back. Aggregates only: the date, active time
// and break counts per kind for today so far and for the last complete day,
// the latest desk-checklist scores with the date they were answered, the
// Limber version and the schema version. Never a user or host name, an
// exercise, or a time of day (docs/privacy.md).
//
// The JSON shape (schema 1) is documented in docs/deploying.md; `limberctl
// report show` prints it as the daemon writes it.
//
// Pure values and conversions; no I/O. Threading: none.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace limber::report {

inline constexpr int kSchemaVersion = 1;

// The break kinds and the counters of each, in the order the JSON and the
// metrics list them.
inline constexpr std::array<std::string_view, 3> kKinds = {"micro", "rest", "daily"};
inline constexpr std::array<std::string_view, 7> kOutcomes = {
    "due", "taken", "natural", "postponed", "skipped", "ignored", "cancelled"};

// One counter per outcome, indexed like kOutcomes.
using BreakTally = std::array<int64_t, kOutcomes.size()>;

struct DayFigures {
  std::string date;  // local date "2026-11-21" (the day begins at schedule.day_starts_at)
  int64_t active_s = 0;
  std::array<BreakTally, kKinds.size()> breaks{};  // indexed like kKinds

  friend bool operator==(const DayFigures&, const DayFigures&) = default;
};

struct ChecklistFigures {
  int percent = 0;          // the score, 0 … 100
  std::string checked_on;   // local date of the latest answer
  bool recheck_due = false;  // older than checklist.recheck_days

  friend bool operator==(const ChecklistFigures&, const ChecklistFigures&) = default;
};

struct DailyReport {
  int schema = kSchemaVersion;
  std::string limber_version;
  DayFigures today;              // so far
  DayFigures last_complete_day;  // the day before today
  std::map<std::string, ChecklistFigures> checklists;  // answered checklists, by checklist id

  friend bool operator==(const DailyReport&, const DailyReport&) = default;
};

// Index of `name` in kKinds / kOutcomes, or nothing.
std::optional<size_t> kind_index(std::string_view name);
std::optional<size_t> outcome_index(std::string_view name);

nlohmann::json to_json(const DailyReport& report);
// Reads a report written by to_json. Strict: a missing or mistyped field, a
// negative count, a date that is not YYYY-MM-DD or a schema other than
// kSchemaVersion is refused with *err saying which. Unknown fields are
// ignored (a newer limberd may add some).
bool from_json(const nlohmann::json& j, DailyReport* out, std::string* err);

// "YYYY-MM-DD" with digits where digits belong.
bool is_iso_date(std::string_view text);

}  // namespace limber::report
