#include <gtest/gtest.h>

#include "routine/exercise_selector.h"

namespace limber {
namespace {

ExerciseCatalog small_catalog() {
  ExerciseCatalog c;
  const char* ids[] = {"a-neck", "b-neck", "c-shoulders", "d-shoulders", "e-back", "f-eyes"};
  const char* areas[] = {"neck", "neck", "shoulders", "shoulders", "upper-back", "eyes"};
  for (int i = 0; i < 6; ++i) {
    Exercise ex;
    ex.id = ids[i];
    ex.targets = {areas[i]};
    ex.position = i == 4 ? ExercisePosition::kStanding : ExercisePosition::kSeated;
    ex.duration_seconds = 30;
    ex.steps = {{"x", 0, ""}};
    c.exercises.push_back(ex);
  }
  return c;
}

std::vector<std::string> future(ExerciseSelector& s) {
  std::vector<std::string> out;
  for (int i = 0; i < 12; ++i) out.push_back(s.choose_micro().value_or("-"));
  for (int i = 0; i < 3; ++i) {
    for (const std::string& id : s.choose_rest().exercise_ids) out.push_back("rest:" + id);
  }
  return out;
}

TEST(SelectorState, RestoredSelectorContinuesWithTheSameFuture) {
  const ExerciseCatalog catalog = small_catalog();
  ExerciseSettings settings;
  settings.favourites = {"f-eyes"};
  settings.lengths.rest_seconds = 90;
  ExerciseSelector original(catalog, 2024);
  original.set_settings(settings);
  for (int i = 0; i < 4; ++i) original.choose_micro();
  original.choose_rest();
  const std::string saved = original.save_state();

  ExerciseSelector restored(catalog, 1);  // a different seed: the state carries the generator
  restored.set_settings(settings);
  std::string err;
  ASSERT_TRUE(restored.restore_state(saved, &err)) << err;
  EXPECT_EQ(restored.save_state(), saved);
  EXPECT_EQ(future(restored), future(original));
}

TEST(SelectorState, RestoreMidCycleStillShowsTheRestOfTheCycleFirst) {
  const ExerciseCatalog catalog = small_catalog();
  ExerciseSelector a(catalog, 8);
  std::set<std::string> seen;
  for (int i = 0; i < 3; ++i) seen.insert(*a.choose_micro());
  ExerciseSelector b(catalog, 8);
  std::string err;
  ASSERT_TRUE(b.restore_state(a.save_state(), &err)) << err;
  for (int i = 0; i < 2; ++i) EXPECT_TRUE(seen.insert(*b.choose_micro()).second);
}

TEST(SelectorState, IdsNoLongerInTheCatalogAreDropped) {
  const ExerciseCatalog catalog = small_catalog();
  ExerciseSelector s(catalog, 1);
  std::string err;
  ASSERT_TRUE(
      s.restore_state("limber-exercise-rotation 1\nrandom 5\nmicro gone-away 1\n"
                      "micro a-neck 1\nrecent gone-away\n",
                      &err))
      << err;
  const std::string saved = s.save_state();
  EXPECT_EQ(saved.find("gone-away"), std::string::npos);
  EXPECT_NE(saved.find("micro a-neck 1"), std::string::npos);
}

TEST(SelectorState, MalformedTextIsRejectedAndTheStateKept) {
  const ExerciseCatalog catalog = small_catalog();
  ExerciseSelector s(catalog, 77);
  s.choose_micro();
  const std::string before = s.save_state();
  std::string err;
  for (const char* bad : {"", "something else\n", "limber-exercise-rotation 1\n",
                          "limber-exercise-rotation 1\nrandom x\n",
                          "limber-exercise-rotation 1\nrandom 1\nmicro a-neck -1\n",
                          "limber-exercise-rotation 1\nrandom 1\nbogus a 1\n",
                          "limber-exercise-rotation 1\nrandom 1 2\n"}) {
    err.clear();
    EXPECT_FALSE(s.restore_state(bad, &err)) << bad;
    EXPECT_FALSE(err.empty()) << bad;
    EXPECT_EQ(s.save_state(), before) << bad;
  }
}

}  // namespace
}  // namespace limber
