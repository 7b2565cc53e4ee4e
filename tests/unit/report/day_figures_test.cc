#include "report/day_figures.h"

#include <gtest/gtest.h>

namespace limber::report {
namespace {

TEST(DayFigures, CopiesEveryCounterOfEveryKindFromDayStats) {
  DayStats day;
  day.active = std::chrono::milliseconds(125'900);
  day.of(BreakKind::kMicro) = {.due = 5, .taken = 3, .postponed = 1, .skipped = 1, .ignored = 0, .cancelled = 0, .natural = 7};
  day.of(BreakKind::kRest) = {.due = 2, .taken = 1, .postponed = 0, .skipped = 0, .ignored = 1, .cancelled = 0, .natural = 1};
  day.of(BreakKind::kDaily) = {.due = 1, .taken = 0, .postponed = 0, .skipped = 0, .ignored = 0, .cancelled = 1, .natural = 0};
  const DayFigures f = day_figures(day, "2026-11-21");
  EXPECT_EQ(f.date, "2026-11-21");
  EXPECT_EQ(f.active_s, 125);
  auto at = [&](const char* kind, const char* outcome) { return f.breaks[*kind_index(kind)][*outcome_index(outcome)]; };
  EXPECT_EQ(at("micro", "due"), 5);
  EXPECT_EQ(at("micro", "taken"), 3);
  EXPECT_EQ(at("micro", "postponed"), 1);
  EXPECT_EQ(at("micro", "skipped"), 1);
  EXPECT_EQ(at("micro", "natural"), 7);
  EXPECT_EQ(at("rest", "ignored"), 1);
  EXPECT_EQ(at("rest", "natural"), 1);
  EXPECT_EQ(at("daily", "cancelled"), 1);
  EXPECT_EQ(at("daily", "taken"), 0);
}

}  // namespace
}  // namespace limber::report
