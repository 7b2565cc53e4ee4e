// FleetAggregate: the sum of every user's DailyReport on one machine, as
// limber-fleet-export publishes it. Only sums, counts and a score
// distribution: nothing in it tells one user from another.
//
// Which day: the *report day* is the latest date any user's daemon has seen
// end (the newest last_complete_day). Each user counts with their figures
// for that date: their last_complete_day, or their `today` when their
// daemon stopped during that day and has not run since (then that day
// ended with the figures written at shutdown). Users with no figures for
// the report day are left out of it. *Today* is the newest `today` date
// after the report day; the users whose daemon wrote figures for it count
// toward the today-so-far set.
//
// Pure. Threading: none.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "limber/daily_report.h"

namespace limber::report {

// Upper bounds of the checklist score buckets (percent); +Inf is implied.
inline constexpr std::array<int, 5> kScoreBuckets = {25, 50, 75, 90, 100};

struct FleetDay {
  std::string date;  // empty when no user has figures
  int users = 0;
  int64_t active_s = 0;
  std::array<BreakTally, kKinds.size()> breaks{};  // indexed like kKinds, kOutcomes

  friend bool operator==(const FleetDay&, const FleetDay&) = default;
};

struct ChecklistDistribution {
  int users = 0;  // who answered it
  int64_t percent_sum = 0;
  std::array<int, kScoreBuckets.size()> at_most{};  // users scoring <= kScoreBuckets[i] (cumulative)
  int recheck_due = 0;

  friend bool operator==(const ChecklistDistribution&, const ChecklistDistribution&) = default;
};

struct FleetAggregate {
  FleetDay day;    // the report day (last complete day)
  FleetDay today;  // today so far
  std::map<std::string, ChecklistDistribution> checklists;  // by checklist id
};

FleetAggregate aggregate_reports(const std::vector<DailyReport>& reports);

}  // namespace limber::report
