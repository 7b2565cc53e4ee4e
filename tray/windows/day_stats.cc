#include "day_stats.h"

#include <cmath>
#include <cstdio>
#include <ostream>

namespace limber::tray {

using rpc::Json;

namespace {

long count_of(const Json& kind, const char* name) {
  const auto it = kind.find(name);
  return it != kind.end() && it->is_number_integer() ? it->get<long>() : 0;
}

}  // namespace

bool parse_day_rows(const Json& stats_result, std::vector<DayRow>* rows, std::string* err) {
  rows->clear();
  const auto days = stats_result.find("days");
  if (!stats_result.is_object() || days == stats_result.end() || !days->is_array()) {
    *err = "the daemon's statistics have no list of days";
    return false;
  }
  for (const Json& day : *days) {
    if (!day.is_object() || !day.contains("date") || !day["date"].is_string()) {
      *err = "a day in the daemon's statistics has no date";
      return false;
    }
    DayRow row;
    row.date = day["date"].get<std::string>();
    if (day.contains("active_s") && day["active_s"].is_number()) row.active_s = day["active_s"].get<long>();
    if (day.contains("breaks") && day["breaks"].is_object()) {
      for (const auto& [kind_name, kind] : day["breaks"].items()) {
        if (!kind.is_object()) continue;
        row.due += count_of(kind, "due");
        row.taken += count_of(kind, "taken");
        row.natural += count_of(kind, "natural");
        row.postponed += count_of(kind, "postponed");
        row.skipped += count_of(kind, "skipped");
        row.ignored += count_of(kind, "ignored");
        row.cancelled += count_of(kind, "cancelled");
      }
    }
    rows->push_back(std::move(row));
  }
  return true;
}

std::optional<double> compliance_percent(long due, long taken, long natural) {
  const long wanted = due + natural;
  if (wanted <= 0) return std::nullopt;
  return 100.0 * static_cast<double>(taken + natural) / static_cast<double>(wanted);
}

std::optional<double> compliance_percent(const std::vector<DayRow>& rows) {
  long due = 0, taken = 0, natural = 0;
  for (const DayRow& r : rows) {
    due += r.due;
    taken += r.taken;
    natural += r.natural;
  }
  return compliance_percent(due, taken, natural);
}

std::string compliance_definition() {
  return "Compliance is the share of breaks you had: breaks taken plus natural breaks, divided by "
         "breaks due plus natural breaks. A natural break is time away from the keyboard long enough "
         "to count as a break by itself.";
}

void write_stats_csv(const std::vector<DayRow>& rows, std::ostream& out) {
  out << "date,active_minutes,breaks_due,taken,natural,postponed,skipped,ignored,cancelled,"
         "compliance_percent\n";
  for (const DayRow& r : rows) {
    if (!r.has_data()) continue;
    char minutes[32];
    std::snprintf(minutes, sizeof minutes, "%.1f", static_cast<double>(r.active_s) / 60.0);
    std::string compliance;
    if (auto c = compliance_percent(r.due, r.taken, r.natural)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f", *c);
      compliance = buf;
    }
    // Dates are digits and dashes: nothing here needs CSV quoting.
    out << r.date << ',' << minutes << ',' << r.due << ',' << r.taken << ',' << r.natural << ','
        << r.postponed << ',' << r.skipped << ',' << r.ignored << ',' << r.cancelled << ','
        << compliance << '\n';
  }
}

}  // namespace limber::tray
