// Per-day statistics: active time and break counts per kind and outcome.
#include "store/day_stats.h"

#include <gtest/gtest.h>

#include "store/history_store.h"
#include "store_test_support.h"

namespace limber {
namespace {

using namespace std::chrono;
using store_test::break_event;

TEST(DayBoundaries, LocalDayStartIsConvertedToUtc) {
  // Days start at 04:00 local time, local = UTC + 1h: 03:00 UTC.
  std::vector<WallTime> b = day_boundaries(sys_days{year{2024} / March / 11}, 2, 4 * 60, hours(1));

  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0], WallTime{sys_days{year{2024} / March / 11}} + hours(3));
  EXPECT_EQ(b[1], WallTime{sys_days{year{2024} / March / 12}} + hours(3));
  EXPECT_EQ(b[2], WallTime{sys_days{year{2024} / March / 13}} + hours(3));
}

class DayStatsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status status;
    store_ = HistoryStore::open(dir_.file("history.sqlite3"), &status);
    ASSERT_TRUE(store_) << status.message();
  }

  void due_and_end(BreakKind kind, uint64_t id, WallTime due, Outcome outcome) {
    ASSERT_TRUE(store_->record(break_event(EventKind::kBreakDue, kind, id, due)));
    if (outcome != Outcome::kNone) {
      ASSERT_TRUE(store_->record(
          break_event(EventKind::kBreakEnded, kind, id, due + seconds(30), outcome)));
    }
  }

  void natural(BreakKind kind, WallTime at) {
    ASSERT_TRUE(store_->record(
        break_event(EventKind::kNaturalBreak, kind, 0, at, Outcome::kNone, minutes(6))));
  }

  store_test::TempDir dir_;
  std::unique_ptr<HistoryStore> store_;
  // Two days starting 04:00 local at UTC+1.
  std::vector<WallTime> days_ =
      day_boundaries(sys_days{year{2024} / March / 11}, 2, 4 * 60, hours(1));
};

TEST_F(DayStatsTest, CountsActiveTimeAndBreaksPerDayKindAndOutcome) {
  WallTime day1 = days_[0];
  WallTime day2 = days_[1];
  store_->add_active(day1 + hours(6), minutes(10));
  store_->add_active(day2 + hours(1), minutes(3));
  store_->add_active(day1 - minutes(5), minutes(5));  // the evening before: not counted
  due_and_end(BreakKind::kMicro, 1, day1 + hours(6), Outcome::kTaken);
  due_and_end(BreakKind::kMicro, 2, day1 + hours(7), Outcome::kPostponed);
  due_and_end(BreakKind::kRest, 3, day1 + hours(8), Outcome::kSkipped);
  due_and_end(BreakKind::kMicro, 4, day2 + hours(1), Outcome::kIgnored);
  due_and_end(BreakKind::kDaily, 5, day2 + hours(2), Outcome::kCancelled);
  due_and_end(BreakKind::kRest, 6, day2 + hours(3), Outcome::kNone);  // still open
  due_and_end(BreakKind::kRest, 7, days_[2], Outcome::kTaken);        // the day after the range
  natural(BreakKind::kMicro, day1 + hours(9));
  ASSERT_TRUE(store_->flush());
  natural(BreakKind::kMicro, day1 + hours(10));      // still buffered: counted too
  store_->add_active(day1 + hours(11), minutes(5));  // still buffered: counted too

  std::vector<DayStats> stats;
  Status status = store_->day_stats(days_, &stats);
  ASSERT_TRUE(status) << status.message();

  ASSERT_EQ(stats.size(), 2u);
  EXPECT_EQ(stats[0].start, day1);
  EXPECT_EQ(stats[0].end, day2);
  EXPECT_EQ(stats[0].active, minutes(15));
  EXPECT_EQ(stats[0].of(BreakKind::kMicro),
            (BreakCounts{.due = 2, .taken = 1, .postponed = 1, .natural = 2}));
  EXPECT_EQ(stats[0].of(BreakKind::kRest), (BreakCounts{.due = 1, .skipped = 1}));
  EXPECT_EQ(stats[0].of(BreakKind::kDaily), BreakCounts{});

  EXPECT_EQ(stats[1].active, minutes(3));
  EXPECT_EQ(stats[1].of(BreakKind::kMicro), (BreakCounts{.due = 1, .ignored = 1}));
  EXPECT_EQ(stats[1].of(BreakKind::kRest), (BreakCounts{.due = 1}));
  EXPECT_EQ(stats[1].of(BreakKind::kDaily), (BreakCounts{.due = 1, .cancelled = 1}));
}

TEST_F(DayStatsTest, BoundariesOutOfOrderAreRejected) {
  std::vector<WallTime> backwards = {days_[1], days_[0]};
  std::vector<DayStats> stats;
  EXPECT_EQ(store_->day_stats(backwards, &stats).code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace limber
