#include "fleet_aggregate.h"

#include <gtest/gtest.h>

#include "report_samples.h"

namespace limber::report {
namespace {

using test::sample_report;

TEST(FleetAggregate, SumsEveryUsersLastCompleteDayAndToday) {
  const DailyReport a = sample_report(1);
  const DailyReport b = sample_report(4);
  const FleetAggregate fleet = aggregate_reports({a, b});
  EXPECT_EQ(fleet.day.date, "2026-11-20");
  EXPECT_EQ(fleet.day.users, 2);
  EXPECT_EQ(fleet.day.active_s, 5000);
  EXPECT_EQ(fleet.today.date, "2026-11-21");
  EXPECT_EQ(fleet.today.users, 2);
  EXPECT_EQ(fleet.today.active_s, 500);
  for (size_t k = 0; k < kKinds.size(); ++k) {
    for (size_t o = 0; o < kOutcomes.size(); ++o) {
      EXPECT_EQ(fleet.day.breaks[k][o], a.last_complete_day.breaks[k][o] + b.last_complete_day.breaks[k][o]);
      EXPECT_EQ(fleet.today.breaks[k][o], a.today.breaks[k][o] + b.today.breaks[k][o]);
    }
  }
}

TEST(FleetAggregate, AUserWhoseDaemonStoppedDuringTheReportDayCountsWithThatDay) {
  const DailyReport current = sample_report(1, "2026-11-20", "2026-11-21");
  // Stopped on the 20th and not run since: its "today" is the 20th, complete.
  const DailyReport stopped = sample_report(2, "2026-11-19", "2026-11-20");
  const FleetAggregate fleet = aggregate_reports({current, stopped});
  EXPECT_EQ(fleet.day.date, "2026-11-20");
  EXPECT_EQ(fleet.day.users, 2);
  EXPECT_EQ(fleet.day.active_s, current.last_complete_day.active_s + stopped.today.active_s);
  EXPECT_EQ(fleet.today.users, 1);
  EXPECT_EQ(fleet.today.active_s, current.today.active_s);
}

TEST(FleetAggregate, FiguresFromOlderDaysAreLeftOut) {
  const FleetAggregate fleet =
      aggregate_reports({sample_report(1, "2026-11-20", "2026-11-21"), sample_report(9, "2026-11-10", "2026-11-11")});
  EXPECT_EQ(fleet.day.users, 1);
  EXPECT_EQ(fleet.day.active_s, 1000);
  EXPECT_EQ(fleet.today.users, 1);
}

TEST(FleetAggregate, ChecklistScoresFormACumulativeDistribution) {
  DailyReport a = sample_report(1), b = sample_report(2), c = sample_report(3);
  a.checklists["desk-setup"] = {40, "2026-11-01", false};
  b.checklists["desk-setup"] = {80, "2026-06-01", true};
  c.checklists["desk-setup"] = {100, "2026-11-20", false};
  const FleetAggregate fleet = aggregate_reports({a, b, c});
  ASSERT_EQ(fleet.checklists.count("desk-setup"), 1u);
  const ChecklistDistribution& d = fleet.checklists.at("desk-setup");
  EXPECT_EQ(d.users, 3);
  EXPECT_EQ(d.percent_sum, 220);
  EXPECT_EQ(d.at_most, (std::array<int, 5>{0, 1, 1, 2, 3}));  // <=25, <=50, <=75, <=90, <=100
  EXPECT_EQ(d.recheck_due, 1);
}

TEST(FleetAggregate, NoReportsGiveNoUsersAndNoDate) {
  const FleetAggregate fleet = aggregate_reports({});
  EXPECT_EQ(fleet.day.users, 0);
  EXPECT_TRUE(fleet.day.date.empty());
  EXPECT_TRUE(fleet.checklists.empty());
}

}  // namespace
}  // namespace limber::report
