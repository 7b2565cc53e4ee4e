// What limber-fleet-export believes: figures a day can hold, dates no
// further ahead than a day of its own clock, and sums that saturate
// instead of wrapping.
#include "report_bounds.h"

#include <gtest/gtest.h>

#include <limits>

#include "fleet_aggregate.h"
#include "report_samples.h"

namespace limber::report {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

int64_t day(const char* date) { return days_from_iso_date(date).value(); }

TEST(ReportBounds, CountsDaysFromTheUnixEpochOverLeapYearsAndCenturies) {
  EXPECT_EQ(day("1970-01-01"), 0);
  EXPECT_EQ(day("2000-03-01") - day("2000-02-28"), 2);  // 2000 is a leap year
  EXPECT_EQ(day("2100-03-01") - day("2100-02-28"), 1);  // 2100 is not
  EXPECT_EQ(day("2026-11-21"), 20778);
  EXPECT_FALSE(days_from_iso_date("2026-02-29"));
  EXPECT_FALSE(days_from_iso_date("2026-13-01"));
  EXPECT_FALSE(days_from_iso_date("2026-1-01"));
}

TEST(ReportBounds, AnHonestReportOfTodayOrTomorrowByTheClockIsBelieved) {
  const DailyReport r = test::sample_report(3, "2026-11-20", "2026-11-21");
  EXPECT_FALSE(implausible(r, day("2026-11-21")));
  EXPECT_FALSE(implausible(r, day("2026-11-20"))) << "a user a time zone ahead";
  EXPECT_FALSE(implausible(r, day("2026-11-25"))) << "old dates are the stale check's business";
}

TEST(ReportBounds, ADateFarInTheFutureIsRefused) {
  const DailyReport r = test::sample_report(1, "9999-12-29", "9999-12-30");
  const auto why = implausible(r, day("2026-11-21"));
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("9999-12-30"), std::string::npos) << *why;
  EXPECT_TRUE(implausible(test::sample_report(1, "2026-11-21", "2026-11-22"), day("2026-11-20")))
      << "two days ahead";
}

TEST(ReportBounds, MoreActiveSecondsThanADayHasAreRefused) {
  DailyReport r = test::sample_report(1);
  r.last_complete_day.active_s = kMaxActiveSecondsPerDay;
  EXPECT_FALSE(implausible(r, day("2026-11-21")));
  r.last_complete_day.active_s = 86'400'000;
  EXPECT_TRUE(implausible(r, day("2026-11-21")));
  r.last_complete_day.active_s = kMax;
  EXPECT_TRUE(implausible(r, day("2026-11-21")));
}

TEST(ReportBounds, ABreakCounterOverTheCeilingIsRefusedNamingIt) {
  DailyReport r = test::sample_report(1);
  r.today.breaks[1][2] = kMaxBreaksPerDay + 1;
  const auto why = implausible(r, day("2026-11-21"));
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("rest/natural"), std::string::npos) << *why;
}

TEST(ReportBounds, ALastCompleteDayAfterTodayOrAFutureChecklistIsRefused) {
  EXPECT_TRUE(implausible(test::sample_report(1, "2026-11-21", "2026-11-20"), day("2026-11-21")));
  DailyReport r = test::sample_report(1);
  r.checklists["desk-setup"] = {80, "2030-01-01", false};
  EXPECT_TRUE(implausible(r, day("2026-11-21")));
}

TEST(ReportBounds, SumsSaturateInsteadOfWrapping) {
  EXPECT_EQ(saturating_add(kMax, 1), kMax);
  EXPECT_EQ(saturating_add(kMax - 5, 10), kMax);
  EXPECT_EQ(saturating_add(std::numeric_limits<int64_t>::min(), -1), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(saturating_add(40, 2), 42);
}

TEST(ReportBounds, TheAggregateOfUnboundedFiguresSaturates) {
  // The reader refuses these; the aggregate must not wrap even so.
  DailyReport a = test::sample_report(1);
  DailyReport b = test::sample_report(2);
  a.last_complete_day.active_s = kMax;
  b.last_complete_day.active_s = kMax;
  a.last_complete_day.breaks[0][0] = kMax;
  b.last_complete_day.breaks[0][0] = 7;
  const FleetAggregate fleet = aggregate_reports({a, b});
  EXPECT_EQ(fleet.day.active_s, kMax);
  EXPECT_EQ(fleet.day.breaks[0][0], kMax);
}

}  // namespace
}  // namespace limber::report
