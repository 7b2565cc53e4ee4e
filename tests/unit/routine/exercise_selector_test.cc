#include "routine/exercise_selector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "limber/config.h"

namespace limber {
namespace {

using P = ExercisePosition;

Exercise make(std::string id, std::vector<std::string> targets, P position, int seconds,
              std::string equipment = "none") {
  Exercise ex;
  ex.id = std::move(id);
  ex.name = ex.id;
  ex.targets = std::move(targets);
  ex.position = position;
  ex.duration_seconds = seconds;
  ex.equipment = std::move(equipment);
  ex.steps = {{"do it", 0, ""}};
  return ex;
}

// Seven micro-break exercises over four primary areas, and a variety of
// rest-break-only ones.
ExerciseCatalog test_catalog() {
  ExerciseCatalog c;
  c.exercises = {
      make("neck-a", {"neck"}, P::kSeated, 30),
      make("neck-b", {"neck", "shoulders"}, P::kSeated, 25),
      make("shoulders-a", {"shoulders"}, P::kSeated, 20),
      make("shoulders-b", {"shoulders", "upper-back"}, P::kSeated, 30),
      make("back-a", {"upper-back"}, P::kSeated, 30),
      make("back-b", {"upper-back", "lower-back"}, P::kSeated, 30),
      make("eyes-a", {"eyes"}, P::kSeated, 20),
      make("seated-long", {"upper-back"}, P::kSeated, 60),
      make("standing-a", {"shoulders", "arms"}, P::kStanding, 40),
      make("wall-a", {"chest", "shoulders"}, P::kWall, 45),
      make("door-a", {"chest"}, P::kDoorway, 40),
      make("band-a", {"upper-back"}, P::kStanding, 50, "band"),
      make("bells-a", {"upper-back"}, P::kStanding, 50, "dumbbells"),
      make("floor-a", {"core"}, P::kFloor, 45),
      make("floor-b", {"hips"}, P::kFloor, 40),
  };
  return c;
}

std::vector<std::string> micro_sequence(ExerciseSelector& s, int n) {
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) {
    const auto id = s.choose_micro();
    EXPECT_TRUE(id.has_value());
    ids.push_back(id.value_or(""));
  }
  return ids;
}

TEST(ExerciseSelector, MicroBreakShowsOneSeatedNoEquipmentExerciseThatFits) {
  const ExerciseCatalog catalog = test_catalog();
  ExerciseSelector s(catalog, 7);
  ExerciseSettings settings;
  settings.floor = true;
  settings.equipment = {"band", "dumbbells"};
  s.set_settings(settings);
  for (const std::string& id : micro_sequence(s, 40)) {
    const Exercise* ex = catalog.find(id);
    ASSERT_NE(ex, nullptr);
    EXPECT_EQ(ex->position, P::kSeated) << id;
    EXPECT_FALSE(ex->needs_equipment()) << id;
    EXPECT_LE(ex->duration_seconds, 30) << id;
  }
}

TEST(ExerciseSelector, MicroBreakShowsNothingWhenNoExerciseFitsItsDuration) {
  const ExerciseCatalog catalog = test_catalog();
  ExerciseSelector s(catalog, 7);
  ExerciseSettings settings;
  settings.lengths.micro_seconds = 15;
  s.set_settings(settings);
  EXPECT_FALSE(s.choose_micro().has_value());
}

TEST(ExerciseSelector, NoExerciseRepeatsUntilTheWholeEligibleSetWasShown) {
  const ExerciseCatalog catalog = test_catalog();
  for (uint64_t seed = 1; seed <= 50; ++seed) {
    ExerciseSelector s(catalog, seed);
    const size_t pool = s.micro_pool().size();
    ASSERT_EQ(pool, 7u);
    // Three full cycles: each is a permutation of the pool.
    for (int cycle = 0; cycle < 3; ++cycle) {
      const std::vector<std::string> ids = micro_sequence(s, static_cast<int>(pool));
      EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), pool)
          << "seed " << seed << " cycle " << cycle;
    }
  }
}

TEST(ExerciseSelector, PrimaryAreasTakeTurns) {
  const ExerciseCatalog catalog = test_catalog();
  for (uint64_t seed = 1; seed <= 50; ++seed) {
    ExerciseSelector s(catalog, seed);
    // Four primary areas (neck, shoulders, upper-back, eyes): the first four
    // choices cover all of them, and the next three the three with a second
    // exercise.
    const std::vector<std::string> ids = micro_sequence(s, 7);
    std::set<std::string> first;
    std::set<std::string> second;
    for (size_t i = 0; i < ids.size(); ++i) {
      (i < 4 ? first : second).insert(catalog.find(ids[i])->targets.front());
    }
    EXPECT_EQ(first, (std::set<std::string>{"neck", "shoulders", "upper-back", "eyes"}))
        << "seed " << seed;
    EXPECT_EQ(second, (std::set<std::string>{"neck", "shoulders", "upper-back"}))
        << "seed " << seed;
  }
}

TEST(ExerciseSelector, SameSeedGivesTheSameSequenceAndSeedsDiffer) {
  const ExerciseCatalog catalog = test_catalog();
  ExerciseSelector a(catalog, 42);
  ExerciseSelector b(catalog, 42);
  EXPECT_EQ(micro_sequence(a, 30), micro_sequence(b, 30));
  std::set<std::vector<std::string>> sequences;
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    ExerciseSelector s(catalog, seed);
    sequences.insert(micro_sequence(s, 7));
  }
  EXPECT_GT(sequences.size(), 5u);
}

TEST(ExerciseSelector, ExcludedExercisesAreNeverShown) {
  const ExerciseCatalog catalog = test_catalog();
  ExerciseSelector s(catalog, 3);
  ExerciseSettings settings;
  settings.excluded = {"neck-a", "neck-b", "wall-a"};
  s.set_settings(settings);
  for (const std::string& id : micro_sequence(s, 30)) {
    EXPECT_NE(catalog.find(id)->targets.front(), "neck") << id;
  }
  for (int i = 0; i < 20; ++i) {
    for (const std::string& id : s.choose_rest().exercise_ids)
      EXPECT_FALSE(settings.excluded.count(id));
  }
}

TEST(ExerciseSelector, FavouritesComeTwicePerCycleNeverBackToBackOthersOnce) {
  const ExerciseCatalog catalog = test_catalog();
  for (uint64_t seed = 1; seed <= 30; ++seed) {
    ExerciseSelector s(catalog, seed);
    ExerciseSettings settings;
    settings.favourites = {"eyes-a"};
    s.set_settings(settings);
    // One cycle is the 7 exercises plus the favourite's second turn.
    const std::vector<std::string> ids = micro_sequence(s, 8 * 5);
    for (int cycle = 0; cycle < 5; ++cycle) {
      std::map<std::string, int> count;
      for (int i = 0; i < 8; ++i) ++count[ids[static_cast<size_t>(cycle * 8 + i)]];
      EXPECT_EQ(count["eyes-a"], 2) << "seed " << seed;
      EXPECT_EQ(count.size(), 7u) << "seed " << seed;
    }
    for (size_t i = 1; i < ids.size(); ++i) EXPECT_NE(ids[i], ids[i - 1]) << "seed " << seed;
  }
}

TEST(ExerciseSelector, FloorExercisesOnlyWhenFloorIsOn) {
  const ExerciseCatalog catalog = test_catalog();
  ExerciseSelector s(catalog, 5);
  auto floor_shown = [&] {
    std::set<std::string> shown;
    for (int i = 0; i < 20; ++i) {
      for (const std::string& id : s.choose_rest().exercise_ids) {
        if (catalog.find(id)->position == P::kFloor) shown.insert(id);
      }
    }
    return shown;
  };
  EXPECT_TRUE(floor_shown().empty());
  ExerciseSettings settings;
  settings.floor = true;
  s.set_settings(settings);
  EXPECT_EQ(floor_shown(), (std::set<std::string>{"floor-a", "floor-b"}));
}

TEST(ExerciseSelector, EquipmentExercisesOnlyWithThatEquipment) {
  const ExerciseCatalog catalog = test_catalog();
  ExerciseSelector s(catalog, 5);
  ExerciseSettings settings;
  settings.equipment = {"band"};
  s.set_settings(settings);
  std::set<std::string> shown;
  for (int i = 0; i < 20; ++i) {
    for (const std::string& id : s.choose_rest().exercise_ids) shown.insert(id);
  }
  EXPECT_TRUE(shown.count("band-a"));
  EXPECT_FALSE(shown.count("bells-a"));
}

TEST(ExerciseSelector, PolicyAllowedSetRestrictsEveryChoice) {
  const ExerciseCatalog catalog = test_catalog();
  ExerciseSelector s(catalog, 9);
  ExerciseSettings settings;
  settings.allowed = {"eyes-a", "back-a", "door-a"};
  s.set_settings(settings);
  for (const std::string& id : micro_sequence(s, 10)) EXPECT_TRUE(id == "eyes-a" || id == "back-a");
  const RestRoutine routine = s.choose_rest();
  EXPECT_EQ(std::set<std::string>(routine.exercise_ids.begin(), routine.exercise_ids.end()),
            (std::set<std::string>{"eyes-a", "back-a", "door-a"}));
}

TEST(ExerciseSelector, RestRoutineFillsTheBreakWithMixedAreasAndStandsUpFirst) {
  const ExerciseCatalog catalog = test_catalog();
  for (uint64_t seed = 1; seed <= 50; ++seed) {
    ExerciseSelector s(catalog, seed);
    ExerciseSettings settings;
    settings.lengths.rest_seconds = 180;
    s.set_settings(settings);
    for (int round = 0; round < 4; ++round) {
      const RestRoutine r = s.choose_rest();
      ASSERT_FALSE(r.exercise_ids.empty());
      int total = 0;
      std::set<std::string> areas;
      for (const std::string& id : r.exercise_ids) {
        total += catalog.find(id)->duration_seconds;
        areas.insert(catalog.find(id)->targets.front());
      }
      EXPECT_EQ(total, r.total_seconds);
      EXPECT_LE(total, 180);
      // Every exercise here lasts at most 60 s, so a gap that long means
      // the routine stopped early.
      EXPECT_GT(total, 180 - 60) << "seed " << seed;
      EXPECT_GE(areas.size(), 3u) << "seed " << seed;
      const P first = catalog.find(r.exercise_ids.front())->position;
      EXPECT_TRUE(first == P::kStanding || first == P::kWall || first == P::kDoorway);
      EXPECT_EQ(std::set<std::string>(r.exercise_ids.begin(), r.exercise_ids.end()).size(),
                r.exercise_ids.size());
    }
  }
}

TEST(ExerciseSelector, RestRoutinesGoThroughThePoolBeforeRepeatingExceptTheUprightOpener) {
  const ExerciseCatalog catalog = test_catalog();
  ExerciseSelector s(catalog, 11);
  ExerciseSettings settings;
  settings.lengths.rest_seconds = 100;
  s.set_settings(settings);
  const size_t pool = s.rest_pool().size();  // 11: no floor, no equipment
  std::set<std::string> shown;
  int repeats = 0;
  while (shown.size() < pool) {
    const RestRoutine r = s.choose_rest();
    for (size_t i = 0; i < r.exercise_ids.size() && shown.size() < pool; ++i) {
      if (shown.insert(r.exercise_ids[i]).second) continue;
      // Only the opener may repeat early: every routine starts on the feet
      // even after each upright exercise had its turn in this cycle.
      ++repeats;
      EXPECT_EQ(i, 0u);
      EXPECT_NE(catalog.find(r.exercise_ids[i])->position, P::kSeated);
    }
  }
  EXPECT_LE(repeats, 3);
}

// The same catalog with a 10 s short variant for each seated exercise
// longer than 20 s, as the shipped catalog has.
ExerciseCatalog catalog_with_short_variants() {
  ExerciseCatalog c = test_catalog();
  for (Exercise& ex : c.exercises) {
    if (ex.position == P::kSeated && ex.duration_seconds > 20) {
      ex.short_variant = ExerciseShortVariant{10, 1, {}};
    }
  }
  return c;
}

TEST(ExerciseSelector, MicroBreakShorterThanTheExerciseShowsItsShortVariant) {
  const ExerciseCatalog catalog = catalog_with_short_variants();
  ExerciseSelector s(catalog, 3);
  ExerciseSettings settings;
  settings.lengths.micro_seconds = 12;
  s.set_settings(settings);
  for (int i = 0; i < 20; ++i) {
    const std::optional<ExercisePlan> plan = s.choose_micro_plan();
    ASSERT_TRUE(plan.has_value());
    EXPECT_TRUE(plan->is_short) << plan->exercise->id;
    EXPECT_EQ(plan->duration_seconds, 10) << plan->exercise->id;
  }
  // A break the full exercise fits shows it in full.
  settings.lengths.micro_seconds = 30;
  s.set_settings(settings);
  const std::optional<ExercisePlan> plan = s.choose_micro_plan();
  ASSERT_TRUE(plan.has_value());
  EXPECT_FALSE(plan->is_short);
  EXPECT_EQ(plan->duration_seconds, plan->exercise->duration_seconds);
}

TEST(ExerciseSelector, RestRoutineNeverRunsOverTheBreakHoweverShort) {
  const ExerciseCatalog catalog = catalog_with_short_variants();
  for (int rest : {10, 30, 45, 90, 300}) {
    ExerciseSelector s(catalog, static_cast<uint64_t>(rest));
    ExerciseSettings settings;
    settings.lengths.rest_seconds = rest;
    s.set_settings(settings);
    for (int round = 0; round < 5; ++round) {
      const RestRoutine r = s.choose_rest();
      ASSERT_EQ(r.plans.size(), r.exercise_ids.size());
      int total = 0;
      for (const ExercisePlan& plan : r.plans) total += plan.duration_seconds;
      EXPECT_EQ(total, r.total_seconds) << rest;
      EXPECT_LE(total, rest) << rest;
      EXPECT_FALSE(r.exercise_ids.empty()) << rest;  // 10 s short variants fit even 10 s
    }
  }
}

// The shipped catalog in the demo's breaks (micro 10 s, rest 30 s) and the
// defaults: something always fits, and nothing runs over.
TEST(ExerciseSelector, ShippedCatalogFitsTheDemoAndTheDefaultBreaks) {
  ExerciseCatalog catalog;
  ASSERT_TRUE(load_exercise_catalog(std::string(LIMBER_CONFIG_DIR) + "/exercises.toml", &catalog,
                                    nullptr));
  for (const BreakLengths lengths : {BreakLengths{10, 30}, BreakLengths{20, 120}, BreakLengths{}}) {
    ExerciseSelector s(catalog, 5);
    ExerciseSettings settings;
    settings.lengths = lengths;
    s.set_settings(settings);
    std::set<std::string> shown;
    for (int i = 0; i < 30; ++i) {
      const std::optional<ExercisePlan> plan = s.choose_micro_plan();
      ASSERT_TRUE(plan.has_value()) << lengths.micro_seconds;
      EXPECT_LE(plan->duration_seconds, lengths.micro_seconds) << plan->exercise->id;
      shown.insert(plan->exercise->id);
    }
    // Even the demo's 10 s micro-breaks rotate through a real choice.
    EXPECT_GE(shown.size(), 10u) << lengths.micro_seconds;
    for (int i = 0; i < 10; ++i) {
      const RestRoutine r = s.choose_rest();
      EXPECT_FALSE(r.exercise_ids.empty());
      EXPECT_LE(r.total_seconds, lengths.rest_seconds);
    }
  }
}

}  // namespace
}  // namespace limber
