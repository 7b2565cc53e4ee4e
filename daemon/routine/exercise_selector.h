// ExerciseSelector: which exercise a micro-break shows, and which short
// routine fills a rest break.
//
// Rules:
// - A micro-break shows one seated, no-equipment exercise no longer than
//   micro.duration: in full when it fits, else its short variant;
//   nothing (nullopt) when neither fits.
// - A rest break shows a routine that fills rest.duration without running
//   over: different exercises, mixed target areas, and at least one done
//   standing (standing, wall or doorway) when any is eligible. The time
//   left at the end may go to an exercise's short variant.
// - Rotation: each break kind goes through its eligible set in cycles; no
//   exercise repeats within a cycle, except that a favourite has two turns
//   per cycle (never back to back). Within a cycle the least shown primary
//   target area (an exercise's first target) goes next, so areas take
//   turns; ties are broken by a seeded pseudo-random number, so a seed gives
//   the same sequence every time.
// - Eligibility follows ExerciseSettings: exclusions, the policy's allowed
//   set, floor and equipment.
//
// The rotation state saves to a short text and restores from it, so the
// daemon can continue the rotation after a restart.
//
// Pure logic, no I/O. Not thread-safe; limberd uses it from its loop.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "limber/catalog.h"
#include "routine/exercise_settings.h"

namespace limber {

// The exercises of one rest break, in the order to do them.
struct RestRoutine {
  std::vector<std::string> exercise_ids;
  std::vector<ExercisePlan> plans;  // one per id: full or short, and how long
  int total_seconds = 0;            // never more than rest.duration
};

class ExerciseSelector {
 public:
  // REQUIRES: `catalog` outlives the selector.
  ExerciseSelector(const ExerciseCatalog& catalog, uint64_t seed);

  // Takes effect from the next choice; the rotation carries on.
  void set_settings(const ExerciseSettings& settings) { settings_ = settings; }
  const ExerciseSettings& settings() const { return settings_; }

  // The id of choose_micro_plan()'s exercise.
  std::optional<std::string> choose_micro();
  std::optional<ExercisePlan> choose_micro_plan();
  RestRoutine choose_rest();

  // The exercises each break kind may show under the current settings.
  std::vector<const Exercise*> micro_pool() const;
  std::vector<const Exercise*> rest_pool() const;

  // The rotation state as text (see selector_state.cc for the format).
  std::string save_state() const;
  // Replaces the rotation state with `text`. Ids no longer in the catalog
  // are dropped. On failure returns false, says why in *err and keeps the
  // current state.
  bool restore_state(std::string_view text, std::string* err);

 private:
  // What one break kind has shown in its current cycle: id -> turns used.
  using Cycle = std::map<std::string, int>;
  using Filter = std::function<bool(const Exercise&)>;
  // How many recent choices a favourite's second turn keeps away from; also
  // the length of the remembered history.
  static constexpr size_t kRecentWindow = 3;

  int turns_per_cycle(const Exercise& exercise) const;
  // Picks from `pool` following the rotation rules; `want` narrows the
  // choice (nullptr: anything). nullptr when nothing in the pool passes.
  const Exercise* pick(const std::vector<const Exercise*>& pool, Cycle* cycle, const Filter& want);
  void record(const Exercise& exercise, Cycle* cycle);
  uint64_t next_random();

  const ExerciseCatalog& catalog_;
  ExerciseSettings settings_;
  uint64_t rng_;
  Cycle micro_cycle_;
  Cycle rest_cycle_;
  std::map<std::string, int64_t> area_turns_;  // primary area -> times shown
  std::deque<std::string> recent_;             // last shown ids, newest last
};

}  // namespace limber
