#include "routine/exercise_settings.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "routine/exercise_selector.h"

namespace limber {
namespace {

class ExerciseSettingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char templ[] = "/tmp/limber-routine-XXXXXX";
    ASSERT_NE(mkdtemp(templ), nullptr);
    dir_ = templ;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Config load(const std::string& toml) {
    const std::string path = dir_ + "/limber.toml";
    std::ofstream(path) << toml;
    ConfigPaths paths;
    paths.user_file = path;
    ConfigLoader loader(paths);
    std::vector<ConfigDiagnostic> diags;
    Config config = loader.load(&diags);
    for (const auto& d : diags) ADD_FAILURE() << d.to_string();
    return config;
  }

  std::string dir_;
};

TEST_F(ExerciseSettingsTest, DefaultsOfferNoFloorNoEquipmentAndTheWholeCatalog) {
  const ExerciseSettings s = exercise_settings(Config());
  EXPECT_FALSE(s.floor);
  EXPECT_TRUE(s.equipment.empty());
  EXPECT_TRUE(s.excluded.empty());
  EXPECT_TRUE(s.favourites.empty());
  EXPECT_TRUE(s.allowed.empty());
  EXPECT_EQ(s.lengths.micro_seconds, 30);
  EXPECT_EQ(s.lengths.rest_seconds, 300);
}

TEST_F(ExerciseSettingsTest, ReadsEveryExercisesKeyAndTheBreakLengths) {
  const Config config = load(
      "[exercises]\nfloor = true\nequipment = \"band\"\nexcluded = \"chin-tuck, wall-angel\"\n"
      "favourites = \"eye-rest-20-20-20\"\nallowed = \"\"\n"
      "[micro]\nduration = \"45s\"\n[rest]\nduration = \"10m\"\n");
  const ExerciseSettings s = exercise_settings(config);
  EXPECT_TRUE(s.floor);
  EXPECT_EQ(s.equipment, (std::set<std::string>{"band"}));
  EXPECT_EQ(s.excluded, (std::set<std::string>{"chin-tuck", "wall-angel"}));
  EXPECT_EQ(s.favourites, (std::set<std::string>{"eye-rest-20-20-20"}));
  EXPECT_EQ(s.lengths.micro_seconds, 45);
  EXPECT_EQ(s.lengths.rest_seconds, 600);
}

TEST_F(ExerciseSettingsTest, UnknownIdsInTheListsAreReported) {
  ExerciseCatalog catalog;
  ASSERT_TRUE(load_exercise_catalog(LIMBER_CONFIG_DIR "/exercises.toml", &catalog, nullptr));
  ExerciseSettings s;
  s.excluded = {"chin-tuck", "chin-tuk"};
  s.favourites = {"no-such-stretch"};
  EXPECT_EQ(unknown_exercise_ids(s, catalog),
            (std::vector<std::string>{"chin-tuk", "no-such-stretch"}));
}

// The shipped catalog under the default settings: every micro-break gets a
// seated exercise, and a rest break fills most of its 5 minutes.
TEST_F(ExerciseSettingsTest, ShippedCatalogServesBothBreakKindsWithDefaults) {
  ExerciseCatalog catalog;
  ASSERT_TRUE(load_exercise_catalog(LIMBER_CONFIG_DIR "/exercises.toml", &catalog, nullptr));
  ExerciseSelector s(catalog, 1);
  s.set_settings(exercise_settings(Config()));
  EXPECT_GE(s.micro_pool().size(), 10u);
  for (int i = 0; i < 30; ++i) ASSERT_TRUE(s.choose_micro().has_value());
  for (int i = 0; i < 10; ++i) {
    const RestRoutine r = s.choose_rest();
    EXPECT_GE(r.total_seconds, 240);
    EXPECT_LE(r.total_seconds, 300);
    for (const std::string& id : r.exercise_ids) {
      EXPECT_NE(catalog.find(id)->position, ExercisePosition::kFloor) << id;
      EXPECT_FALSE(catalog.find(id)->needs_equipment()) << id;
    }
  }
}

}  // namespace
}  // namespace limber
