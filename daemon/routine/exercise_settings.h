// What the user and the policy allow a break to show: the exercises.* keys
// and the break lengths, read once from a Config into a plain value.
//
// Called by limberd whenever the configuration (re)loads; the value is
// copied into the ExerciseSelector. Pure; safe from any thread.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "limber/catalog.h"
#include "limber/config.h"

namespace limber {

struct ExerciseSettings {
  bool floor = false;                // exercises.floor: offer floor exercises
  std::set<std::string> equipment;   // exercises.equipment: what the user has
  std::set<std::string> excluded;    // exercises.excluded: never offer these ids
  std::set<std::string> favourites;  // exercises.favourites: offer these more often
  std::set<std::string> allowed;     // exercises.allowed (policy): empty means every id
  BreakLengths lengths;              // micro.duration and rest.duration
};

ExerciseSettings exercise_settings(const Config& config);

// Whether `exercise` may be offered at all under `settings`, whatever the
// break kind.
bool exercise_allowed(const Exercise& exercise, const ExerciseSettings& settings);

// Ids named in excluded, favourites or allowed that the catalog does not
// have (a typo, or an exercise that was renamed), for a warning at start-up.
std::vector<std::string> unknown_exercise_ids(const ExerciseSettings& settings,
                                              const ExerciseCatalog& catalog);

}  // namespace limber
