#include "limber/work_schedule.h"

#include <gtest/gtest.h>

namespace limber {
namespace {

using namespace std::chrono_literals;

LocalTime at(int weekday, int hour, int minute, int second = 0) {
  LocalTime t;
  t.weekday = weekday;
  t.minute_of_day = hour * 60 + minute;
  t.second = second;
  return t;
}

WorkSchedule parsed(const std::string& text) {
  WorkSchedule s;
  std::string err;
  EXPECT_TRUE(WorkSchedule::parse(text, &s, &err)) << text << ": " << err;
  return s;
}

TEST(WorkSchedule, AlwaysContainsEveryMinuteAndNeverChanges) {
  const WorkSchedule s = parsed("always");
  EXPECT_TRUE(s.is_always());
  EXPECT_TRUE(s.contains(at(6, 3, 0)));
  EXPECT_FALSE(s.until_change(at(0, 0, 0)).has_value());
}

TEST(WorkSchedule, WeekdayRangesWithALunchBreak) {
  const WorkSchedule s = parsed("mon-fri 09:00-12:30,13:30-17:30");
  EXPECT_FALSE(s.contains(at(0, 8, 59)));
  EXPECT_TRUE(s.contains(at(0, 9, 0)));
  EXPECT_FALSE(s.contains(at(2, 12, 30)));
  EXPECT_TRUE(s.contains(at(4, 17, 29)));
  EXPECT_FALSE(s.contains(at(5, 10, 0))) << "Saturday";
}

TEST(WorkSchedule, RangeAcrossMidnightEndsNextMorning) {
  const WorkSchedule s = parsed("sun 22:00-06:00");
  EXPECT_TRUE(s.contains(at(6, 23, 0)));
  EXPECT_TRUE(s.contains(at(0, 5, 59))) << "Monday morning, the week wraps";
  EXPECT_FALSE(s.contains(at(0, 6, 0)));
}

TEST(WorkSchedule, UntilChangeCountsToTheNextEdgeInSeconds) {
  const WorkSchedule s = parsed("mon-fri 09:00-17:00");
  EXPECT_EQ(s.until_change(at(0, 8, 59, 30)), std::optional<Duration>(30s));
  EXPECT_EQ(s.until_change(at(0, 9, 0)), std::optional<Duration>(8h));
  EXPECT_EQ(s.until_change(at(4, 17, 0)), std::optional<Duration>(64h)) << "Friday evening to Monday";
}

TEST(WorkSchedule, TextFormRoundTrips) {
  for (const char* text : {"mon-fri 09:00-12:30,13:30-17:30; sat 10:00-12:00", "sun 22:00-06:00",
                           "fri-mon 08:00-10:00", "wed 00:00-24:00"}) {
    const WorkSchedule s = parsed(text);
    EXPECT_EQ(parsed(s.to_string()), s) << text << " -> " << s.to_string();
  }
}

TEST(WorkSchedule, BadTextIsRejectedWithAReason) {
  struct Case {
    const char* text;
    const char* says;
  };
  for (const Case& c : {Case{"monday 09:00-17:00", "unknown day"},
                        Case{"mon-fri 9-17", "expected a time range"},
                        Case{"mon-fri 09:00-09:00", "expected a time range"},
                        Case{"mon-fri 25:00-26:00", "expected a time range"},
                        Case{"mon-fri", "expected '<days>"}}) {
    WorkSchedule s;
    std::string err;
    EXPECT_FALSE(WorkSchedule::parse(c.text, &s, &err)) << c.text;
    EXPECT_NE(err.find(c.says), std::string::npos) << c.text << ": " << err;
  }
}

}  // namespace
}  // namespace limber
