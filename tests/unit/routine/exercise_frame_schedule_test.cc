// The break prompt's step frames: how long each shows and which is current.
#include "exercise_frame_schedule.h"

#include <gtest/gtest.h>

namespace limber::tray {
namespace {

TEST(ExerciseFrameSchedule, EachStepShowsForItsHoldAndMovementsForThreeSeconds) {
  EXPECT_EQ(frame_durations_ms({0, 12, 0, 12}), (std::vector<int64_t>{3000, 12000, 3000, 12000}));
  EXPECT_EQ(frame_durations_ms({2, 5}), (std::vector<int64_t>{3000, 5000}));
}

TEST(ExerciseFrameSchedule, MovesOnWithTheHoldTimesAndLoops) {
  const std::vector<int64_t> d = frame_durations_ms({0, 10, 0});  // 3 s, 10 s, 3 s
  EXPECT_EQ(frame_index_at(d, 0), 0u);
  EXPECT_EQ(frame_index_at(d, 2999), 0u);
  EXPECT_EQ(frame_index_at(d, 3000), 1u);
  EXPECT_EQ(frame_index_at(d, 12999), 1u);
  EXPECT_EQ(frame_index_at(d, 13000), 2u);
  EXPECT_EQ(frame_index_at(d, 16000), 0u);  // the next repetition starts over
  EXPECT_EQ(frame_index_at(d, 19500), 1u);
  EXPECT_EQ(frame_index_at({}, 5000), 0u);
}

TEST(ExerciseFrameSchedule, FramesSitBesideThePictureNumberedFromOne) {
  EXPECT_EQ(frame_path("/usr/share/limber/illustrations/chin-tuck.svg", 0),
            "/usr/share/limber/illustrations/chin-tuck-1.svg");
  EXPECT_EQ(frame_path("/x/chin-tuck.svg", 2), "/x/chin-tuck-3.svg");
  EXPECT_EQ(frame_path("", 0), "");
  EXPECT_EQ(frame_path("/x/picture.png", 0), "");
}

}  // namespace
}  // namespace limber::tray
