// When a screen reader hears the break countdown again: at the start, when
// the break starts, half-way through (breaks of a minute or more) and in
// the last 10 seconds — not once a second.
#include "countdown_announcement.h"

#include <gtest/gtest.h>

#include <set>

namespace limber::tray {
namespace {

TEST(CountdownMoment, ChangesAtFewMomentsNotEverySecond) {
  std::set<int> moments;
  int changes = 0;
  int last = countdown_moment(300, 0, false);
  EXPECT_EQ(last, 0);
  for (int64_t progress = 0; progress <= 300; ++progress) {
    const int m = countdown_moment(300, progress, true);
    if (m != last) ++changes;
    last = m;
    moments.insert(m);
  }
  EXPECT_EQ(changes, 3);  // started, half-way, last 10 s
  EXPECT_EQ(moments, (std::set<int>{1, 2, 3}));
  EXPECT_EQ(countdown_moment(300, 149, true), 1);
  EXPECT_EQ(countdown_moment(300, 150, true), 2);
  EXPECT_EQ(countdown_moment(300, 290, true), 3);
}

TEST(CountdownMoment, ShortBreakHasNoHalfWayMoment) {
  EXPECT_EQ(countdown_moment(30, 15, true), 1);
  EXPECT_EQ(countdown_moment(30, 20, true), 3);
}

}  // namespace
}  // namespace limber::tray
