#include "routine/exercise_settings.h"

namespace limber {
namespace {

std::set<std::string> word_set(const Config& config, std::string_view key) {
  const std::vector<std::string> words = split_word_list(config.get_string(key));
  return std::set<std::string>(words.begin(), words.end());
}

}  // namespace

ExerciseSettings exercise_settings(const Config& config) {
  ExerciseSettings s;
  s.floor = config.get_bool("exercises.floor");
  s.equipment = word_set(config, "exercises.equipment");
  s.excluded = word_set(config, "exercises.excluded");
  s.favourites = word_set(config, "exercises.favourites");
  s.allowed = word_set(config, "exercises.allowed");
  s.lengths = break_lengths(config);
  return s;
}

bool exercise_allowed(const Exercise& exercise, const ExerciseSettings& settings) {
  if (exercise.targets.empty()) return false;  // a broken entry; validation reports it
  if (settings.excluded.count(exercise.id)) return false;
  if (!settings.allowed.empty() && !settings.allowed.count(exercise.id)) return false;
  if (exercise.position == ExercisePosition::kFloor && !settings.floor) return false;
  return !exercise.needs_equipment() || settings.equipment.count(exercise.equipment) > 0;
}

std::vector<std::string> unknown_exercise_ids(const ExerciseSettings& settings,
                                              const ExerciseCatalog& catalog) {
  std::set<std::string> unknown;
  for (const auto* ids : {&settings.excluded, &settings.favourites, &settings.allowed}) {
    for (const std::string& id : *ids) {
      if (!catalog.find(id)) unknown.insert(id);
    }
  }
  return std::vector<std::string>(unknown.begin(), unknown.end());
}

}  // namespace limber
