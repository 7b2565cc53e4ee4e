#include "routine/exercise_selector.h"

#include <algorithm>
#include <limits>

namespace limber {
namespace {

bool is_upright(const Exercise& ex) {
  return ex.position == ExercisePosition::kStanding || ex.position == ExercisePosition::kWall ||
         ex.position == ExercisePosition::kDoorway;
}

}  // namespace

ExerciseSelector::ExerciseSelector(const ExerciseCatalog& catalog, uint64_t seed)
    : catalog_(catalog), rng_(seed) {}

std::vector<const Exercise*> ExerciseSelector::micro_pool() const {
  std::vector<const Exercise*> pool;
  for (const Exercise& ex : catalog_.exercises) {
    if (exercise_allowed(ex, settings_) && fits_micro_break(ex, settings_.lengths.micro_seconds)) {
      pool.push_back(&ex);
    }
  }
  return pool;
}

std::vector<const Exercise*> ExerciseSelector::rest_pool() const {
  std::vector<const Exercise*> pool;
  for (const Exercise& ex : catalog_.exercises) {
    if (exercise_allowed(ex, settings_) && plan_exercise(ex, settings_.lengths.rest_seconds)) {
      pool.push_back(&ex);
    }
  }
  return pool;
}

std::optional<std::string> ExerciseSelector::choose_micro() {
  const std::optional<ExercisePlan> plan = choose_micro_plan();
  if (!plan) return std::nullopt;
  return plan->exercise->id;
}

std::optional<ExercisePlan> ExerciseSelector::choose_micro_plan() {
  const Exercise* ex = pick(micro_pool(), &micro_cycle_, nullptr);
  if (!ex) return std::nullopt;
  return plan_exercise(*ex, settings_.lengths.micro_seconds);
}

RestRoutine ExerciseSelector::choose_rest() {
  RestRoutine routine;
  const std::vector<const Exercise*> pool = rest_pool();
  int left = settings_.lengths.rest_seconds;
  auto fits_and_new = [&](const Exercise& ex) {
    return plan_exercise(ex, left).has_value() &&
           std::find(routine.exercise_ids.begin(), routine.exercise_ids.end(), ex.id) ==
               routine.exercise_ids.end();
  };
  auto add = [&](const Exercise& ex) {
    ExercisePlan plan = *plan_exercise(ex, left);
    routine.exercise_ids.push_back(ex.id);
    routine.total_seconds += plan.duration_seconds;
    left -= plan.duration_seconds;
    routine.plans.push_back(std::move(plan));
  };

  // Start on the feet: a rest break is the time to get out of the chair.
  const Exercise* first = pick(
      pool, &rest_cycle_, [&](const Exercise& ex) { return is_upright(ex) && fits_and_new(ex); });
  if (!first) {
    // Every upright exercise had its turn this cycle: repeat one rather
    // than leave the user seated for the whole break.
    Cycle ignore;
    first =
        pick(pool, &ignore, [&](const Exercise& ex) { return is_upright(ex) && fits_and_new(ex); });
  }
  if (first) add(*first);
  while (const Exercise* ex = pick(pool, &rest_cycle_, fits_and_new)) add(*ex);
  return routine;
}

int ExerciseSelector::turns_per_cycle(const Exercise& exercise) const {
  return settings_.favourites.count(exercise.id) ? 2 : 1;
}

const Exercise* ExerciseSelector::pick(const std::vector<const Exercise*>& pool, Cycle* cycle,
                                       const Filter& want) {
  auto has_turn = [&](const Exercise* ex) {
    const auto it = cycle->find(ex->id);
    return it == cycle->end() || it->second < turns_per_cycle(*ex);
  };
  // A new cycle starts once everything in the pool has had its turns.
  if (!pool.empty() && std::none_of(pool.begin(), pool.end(), has_turn)) cycle->clear();

  std::vector<const Exercise*> candidates;
  for (const Exercise* ex : pool) {
    if (has_turn(ex) && (!want || want(*ex))) candidates.push_back(ex);
  }
  if (candidates.empty()) return nullptr;

  // Keep recent choices apart (a favourite's second turn, the first
  // choice of a new cycle) when there is an alternative.
  std::vector<const Exercise*> fresh;
  for (const Exercise* ex : candidates) {
    if (std::find(recent_.begin(), recent_.end(), ex->id) == recent_.end()) fresh.push_back(ex);
  }
  if (!fresh.empty()) candidates.swap(fresh);

  // The least shown primary area goes next.
  int64_t fewest = std::numeric_limits<int64_t>::max();
  for (const Exercise* ex : candidates) fewest = std::min(fewest, area_turns_[ex->targets.front()]);
  std::vector<const Exercise*> balanced;
  for (const Exercise* ex : candidates) {
    if (area_turns_[ex->targets.front()] == fewest) balanced.push_back(ex);
  }
  const Exercise* chosen = balanced[next_random() % balanced.size()];
  record(*chosen, cycle);
  return chosen;
}

void ExerciseSelector::record(const Exercise& exercise, Cycle* cycle) {
  ++(*cycle)[exercise.id];
  ++area_turns_[exercise.targets.front()];
  recent_.push_back(exercise.id);
  while (recent_.size() > kRecentWindow) recent_.pop_front();
}

// splitmix64: tiny, well mixed, and the same on every platform (unlike the
// standard library's distributions), so a seed replays exactly.
uint64_t ExerciseSelector::next_random() {
  uint64_t z = (rng_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace limber
