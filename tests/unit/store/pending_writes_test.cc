// How buffered activity is split into 5-minute buckets and kept bounded.
#include "store/pending_writes.h"

#include <gtest/gtest.h>

#include "store_test_support.h"

namespace limber {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

TEST(PendingWrites, BucketStartsAtTheFiveMinuteMarkBeforeTheTime) {
  WallTime t0 = store_test::test_day_start();  // 09:00:00
  EXPECT_EQ(activity_bucket_of(t0), t0);
  EXPECT_EQ(activity_bucket_of(t0 + minutes(4) + seconds(59)), t0);
  EXPECT_EQ(activity_bucket_of(t0 + minutes(5)), t0 + minutes(5));
  EXPECT_EQ(activity_bucket_of(WallTime{Duration{-1}}), WallTime{-minutes(5)});
}

TEST(PendingWrites, ActivityCrossingABucketBoundaryIsSplit) {
  WallTime t0 = store_test::test_day_start();
  PendingWrites pending;

  pending.add_active(t0 + minutes(4), minutes(3));

  ASSERT_EQ(pending.activity.size(), 2u);
  EXPECT_EQ(pending.activity[t0], minutes(1));
  EXPECT_EQ(pending.activity[t0 + minutes(5)], minutes(2));
}

TEST(PendingWrites, BucketNeverHoldsMoreThanItsLength) {
  WallTime t0 = store_test::test_day_start();
  PendingWrites pending;

  pending.add_active(t0, minutes(4));
  pending.add_active(t0, minutes(4));  // e.g. reported twice after a clock step

  EXPECT_EQ(pending.activity[t0], minutes(5));
}

TEST(PendingWrites, BeyondTheCapTheOldestBucketsAreDropped) {
  WallTime t0 = store_test::test_day_start();
  PendingWrites pending;
  pending.max_buckets = 3;

  for (int i = 0; i < 5; ++i) pending.add_active(t0 + minutes(5 * i), seconds(10));

  ASSERT_EQ(pending.activity.size(), 3u);
  EXPECT_EQ(pending.activity.begin()->first, t0 + minutes(10));
  EXPECT_EQ(pending.dropped_buckets, 2u);
}

TEST(PendingWrites, ZeroOrNegativeActivityAddsNothing) {
  PendingWrites pending;
  pending.add_active(store_test::test_day_start(), Duration{0});
  pending.add_active(store_test::test_day_start(), Duration{-5});
  EXPECT_TRUE(pending.empty());
}

}  // namespace
}  // namespace limber
