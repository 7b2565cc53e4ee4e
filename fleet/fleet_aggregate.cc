#include "fleet_aggregate.h"

#include "report_bounds.h"

namespace limber::report {

namespace {

void add(FleetDay& sum, const DayFigures& day) {
  ++sum.users;
  // Saturating: the reader bounds each figure, and no sum may wrap even
  // if a caller did not.
  sum.active_s = saturating_add(sum.active_s, day.active_s);
  for (size_t k = 0; k < kKinds.size(); ++k) {
    for (size_t o = 0; o < kOutcomes.size(); ++o) {
      sum.breaks[k][o] = saturating_add(sum.breaks[k][o], day.breaks[k][o]);
    }
  }
}

}  // namespace

FleetAggregate aggregate_reports(const std::vector<DailyReport>& reports) {
  FleetAggregate fleet;
  // ISO dates compare as text.
  for (const DailyReport& r : reports) {
    if (r.last_complete_day.date > fleet.day.date) fleet.day.date = r.last_complete_day.date;
  }
  for (const DailyReport& r : reports) {
    if (r.today.date > fleet.day.date && r.today.date > fleet.today.date) fleet.today.date = r.today.date;
  }
  for (const DailyReport& r : reports) {
    if (!fleet.day.date.empty()) {
      if (r.last_complete_day.date == fleet.day.date) {
        add(fleet.day, r.last_complete_day);
      } else if (r.today.date == fleet.day.date) {
        add(fleet.day, r.today);  // stopped during the report day: that day is complete
      }
    }
    if (!fleet.today.date.empty() && r.today.date == fleet.today.date) add(fleet.today, r.today);

    for (const auto& [id, c] : r.checklists) {
      ChecklistDistribution& dist = fleet.checklists[id];
      ++dist.users;
      dist.percent_sum = saturating_add(dist.percent_sum, c.percent);
      for (size_t b = 0; b < kScoreBuckets.size(); ++b) {
        if (c.percent <= kScoreBuckets[b]) ++dist.at_most[b];
      }
      if (c.recheck_due) ++dist.recheck_due;
    }
  }
  return fleet;
}

}  // namespace limber::report
