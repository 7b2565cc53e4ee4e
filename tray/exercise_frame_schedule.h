// When the break prompt moves from one step's frame to the next: each step
// shows for its hold time, a movement (hold 0) for kMovementSeconds, and the
// steps loop for as long as the exercise is on screen.
//
// Pure arithmetic with no wx, so it is unit-tested on its own
// (tests/unit/routine/exercise_frame_schedule_test.cc).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace limber::tray {

// How long a step with no hold (a movement) stays on screen: long enough to
// read the step and do the movement once.
inline constexpr int kMovementSeconds = 3;

// How long each step's frame shows, in milliseconds.
std::vector<int64_t> frame_durations_ms(const std::vector<int>& hold_seconds);

// The step whose frame shows `elapsed_ms` after the first frame appeared.
// 0 for an empty list.
size_t frame_index_at(const std::vector<int64_t>& durations_ms, int64_t elapsed_ms);

// The frame file of step `index` (0-based) of the exercise whose picture is
// `illustration`: "<illustration without .svg>-<index + 1>.svg". Empty when
// `illustration` does not end in ".svg".
std::string frame_path(const std::string& illustration, size_t index);

}  // namespace limber::tray
