// Scenario: a simulated working day from a scripted activity trace, with
// the exact event list the engine must produce under the default rules.
// Every line was checked by hand against DESIGN.md; a change in any of them
// is a change of behaviour and must be deliberate.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine_harness.h"

namespace limber::testing {
namespace {

constexpr const char* kWorkday = R"(
08:30 type 20m10s         # focused work; the first micro-break falls due at 08:50
08:50:10 start            # the user clicks Start and lets go of the keyboard
08:51 mouse 20m10s        # reading and scrolling: the mouse moves every 2 s
09:11:30 type 18m30s      # pauses briefly at the prompt, then works through it
09:30 lock                # a meeting away from the desk, screen locked
10:15 unlock
10:16 type 20m5s
10:36:05 postpone         # "not now"
10:36:05 type 3m30s       # it returns after 3 more active minutes
10:39:35 skip             # "not this one"
10:39:35 type 16m
10:55:35 key              # a stray key press after a short pause is not work
10:57 type 12m
11:09 start               # nothing is due: refused
11:15 type 45m            # a long push, ignoring every prompt
12:00 lock                # lunch: the due break counts as taken, then a natural rest break
13:00 unlock
13:01 type 20m
13:21 quiet on            # a presentation: the prompt that falls due is held...
13:21 type 30m
13:51 quiet off           # ...and delivered when it ends
13:51 type 30s
13:52 type 20m
14:12 pause-until 15:00   # reminders paused until 15:00; timers rest
14:12 type 48m
15:00 type 12m
15:12 end
)";

TEST(BreakEngineScenario, SimulatedWorkdayProducesExactlyTheExpectedEvents) {
  EngineHarness h;
  h.run(kWorkday);
  EXPECT_THAT(h.breaks(),
    ::testing::ElementsAre(
      "08:50:00 due micro #1",
      "08:50:10 started micro #1",
      "08:50:39 ended micro #1 taken",
      "09:11:00 due micro #2",
      "09:11:13 started micro #2",
      "09:11:31 paused micro #2",
      "09:12:22 ended micro #2 ignored",
      "09:15:22 due micro #3",
      "09:16:22 ended micro #3 ignored",
      "09:19:22 due micro #4",
      "09:20:22 ended micro #4 ignored",
      "09:26:13 due rest #5",
      "09:27:13 ended rest #5 ignored",
      "09:30:29 natural micro after 30s idle",
      "09:34:59 natural rest after 300s idle",
      "10:36:00 due micro #6",
      "10:36:05 ended micro #6 postponed",
      "10:39:04 due micro #7",
      "10:39:35 ended micro #7 skipped",
      "10:56:05 natural micro after 30s idle",
      "11:09:29 natural micro after 30s idle",
      "11:13:59 natural rest after 300s idle",
      "11:35:00 due micro #8",
      "11:36:00 ended micro #8 ignored",
      "11:39:00 due micro #9",
      "11:40:00 ended micro #9 ignored",
      "11:43:00 due micro #10",
      "11:44:00 ended micro #10 ignored",
      "11:47:00 due micro #11",
      "11:48:00 ended micro #11 ignored",
      "11:51:00 due micro #12",
      "11:52:00 ended micro #12 ignored",
      "11:55:00 due micro #13",
      "11:56:00 ended micro #13 ignored",
      "11:59:00 due micro #14",
      "12:00:00 started micro #14",
      "12:00:29 ended micro #14 taken",
      "12:04:59 natural rest after 300s idle",
      "13:21:00 mode quiet",
      "13:51:00 mode working",
      "13:51:00 due micro #15",
      "13:51:34 started micro #15",
      "13:51:59 ended micro #15 taken",
      "13:56:31 due rest #16",
      "13:57:31 ended rest #16 ignored",
      "14:02:31 due rest #17",
      "14:03:31 ended rest #17 ignored",
      "14:08:31 due rest #18",
      "14:09:31 ended rest #18 ignored",
      "14:12:00 mode paused",
      "15:00:00 mode working",
      "15:02:31 due rest #19",
      "15:03:31 ended rest #19 ignored",
      "15:08:31 due rest #20",
      "15:09:31 ended rest #20 ignored"));
  EXPECT_THAT(h.replay.refusals(), ::testing::ElementsAre("11:09 start: no break is due"));
}

TEST(BreakEngineScenario, EveryBreakOfTheDayEndsExactlyOnce) {
  EngineHarness h;
  h.run(kWorkday);
  int due = 0, ended = 0, redelivered = 0;
  std::vector<uint64_t> ids;
  for (const EngineEvent& e : h.events()) {
    if (e.kind == EventKind::kBreakDue) {
      if (std::find(ids.begin(), ids.end(), e.id) != ids.end()) {
        ++redelivered;
      } else {
        ids.push_back(e.id);
        ++due;
      }
    }
    if (e.kind == EventKind::kBreakEnded) ++ended;
  }
  EXPECT_EQ(due, 20);
  EXPECT_EQ(ended, 20);
  EXPECT_EQ(redelivered, 0);
}

}  // namespace
}  // namespace limber::testing
