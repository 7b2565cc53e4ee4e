// Whole-catalog checks: what the schema check of one entry cannot see.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "limber/catalog.h"

namespace limber {

std::vector<CatalogProblem> validate_catalog(const ExerciseCatalog& catalog,
                                             const BreakLengths& lengths) {
  std::vector<CatalogProblem> problems;
  auto add = [&](const Exercise* ex, std::string message) {
    problems.push_back({catalog.file, ex ? ex->line : 0, ex ? ex->id : "", std::move(message)});
  };

  std::map<std::string, int> first_line;
  for (const Exercise& ex : catalog.exercises) {
    const auto [it, inserted] = first_line.emplace(ex.id, ex.line);
    if (!inserted) add(&ex, "id: also used at line " + std::to_string(it->second));

    if (ex.steps.empty()) add(&ex, "steps: must not be empty");
    int hold_total = 0;
    for (const ExerciseStep& step : ex.steps) hold_total += step.hold_seconds;
    if (hold_total * ex.repetitions > ex.duration_seconds) {
      add(&ex, "duration_seconds: " + std::to_string(ex.duration_seconds) +
                   " s is shorter than the holds (" + std::to_string(hold_total) + " s x " +
                   std::to_string(ex.repetitions) + " repetitions)");
    }
    if (ex.duration_seconds > lengths.rest_seconds) {
      add(&ex, "duration_seconds: " + std::to_string(ex.duration_seconds) +
                   " s does not fit a rest break of " + std::to_string(lengths.rest_seconds) +
                   " s");
    }
    if (ex.illustration.empty()) continue;  // the loader reported the missing field
    std::error_code ec;
    if (!std::filesystem::is_regular_file(ex.illustration, ec)) {
      add(&ex, "illustration: " + ex.illustration + " does not exist");
      continue;
    }
    std::string why;
    if (!check_svg_file(ex.illustration, &why)) add(&ex, "illustration: " + why);
  }

  // A micro-break shows one seated exercise, so every area the catalog
  // offers at the desk needs one that fits; floor-only areas are offered
  // only to those who opt in, in rest breaks.
  std::set<std::string> desk_areas;
  std::set<std::string> micro_areas;
  for (const Exercise& ex : catalog.exercises) {
    if (ex.position == ExercisePosition::kFloor) continue;
    desk_areas.insert(ex.targets.begin(), ex.targets.end());
    if (fits_micro_break(ex, lengths.micro_seconds)) {
      micro_areas.insert(ex.targets.begin(), ex.targets.end());
    }
  }
  for (std::string_view area : target_areas()) {
    const std::string name(area);
    if (desk_areas.count(name) && !micro_areas.count(name)) {
      add(nullptr, "target area " + name +
                       " has no seated, no-equipment exercise that fits a micro-break of " +
                       std::to_string(lengths.micro_seconds) + " s");
    }
  }

  for (std::string_view id : required_exercise_ids()) {
    if (!catalog.find(id)) add(nullptr, "exercise " + std::string(id) + " is missing");
  }
  return problems;
}

}  // namespace limber
