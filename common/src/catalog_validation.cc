// Whole-catalog checks: what the schema check of one entry cannot see.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <regex>
#include <set>

#include "limber/catalog.h"

namespace limber {
namespace {

using Add = std::function<void(const Exercise*, std::string)>;

// The publishers of the articles the catalog was asked to cover; those
// articles carry no date, so title and publisher are how a reader finds them.
constexpr std::string_view kSeedPublishers[] = {"Long Island Neuroscience Specialists",
                                                "Phyt Health", "a2z Health Group", "Care24",
                                                "LIVESTRONG.com"};

// A reader must be able to find the source again: a web address, a
// citation that carries a year (author and year, a standard's edition), or
// a seed article's publisher.
bool source_can_be_followed(const std::string& source) {
  static const std::regex year("(^|[^0-9])(19|20)[0-9]{2}([^0-9]|$)");
  if (source.find("ergonomics.md") != std::string::npos) return false;  // not shipped
  for (std::string_view publisher : kSeedPublishers) {
    if (source.find(publisher) != std::string::npos) return true;
  }
  return source.find("https://") != std::string::npos ||
         source.find("http://") != std::string::npos || std::regex_search(source, year);
}

bool check_svg(const std::string& path, const std::string& field, const Exercise& ex,
               const Add& add) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    add(&ex, field + ": " + path + " does not exist");
    return false;
  }
  std::string why;
  if (!check_svg_file(path, &why)) add(&ex, field + ": " + why);
  return true;
}

void check_timing(const Exercise& ex, const BreakLengths& lengths, const Add& add) {
  int hold_total = 0;
  for (const ExerciseStep& step : ex.steps) hold_total += step.hold_seconds;
  if (hold_total * ex.repetitions > ex.duration_seconds) {
    add(&ex, "duration_seconds: " + std::to_string(ex.duration_seconds) +
                 " s is shorter than the holds (" + std::to_string(hold_total) + " s x " +
                 std::to_string(ex.repetitions) + " repetitions)");
  }
  if (ex.duration_seconds > lengths.rest_seconds) {
    add(&ex, "duration_seconds: " + std::to_string(ex.duration_seconds) +
                 " s does not fit a rest break of " + std::to_string(lengths.rest_seconds) + " s");
  }
}

void check_short_variant(const Exercise& ex, const Add& add) {
  const bool at_desk = ex.position != ExercisePosition::kFloor && !ex.needs_equipment();
  if (!ex.short_variant) {
    if (at_desk && ex.duration_seconds > kShortVariantMaxSeconds && ex.no_short_variant.empty()) {
      add(&ex, "short: a desk exercise longer than " + std::to_string(kShortVariantMaxSeconds) +
                   " s needs a short variant for micro-breaks (or no_short_variant = \"why\")");
    }
    return;
  }
  const ExerciseShortVariant& v = *ex.short_variant;
  if (v.duration_seconds > kShortVariantMaxSeconds) {
    add(&ex, "short: duration_seconds " + std::to_string(v.duration_seconds) + " s is over " +
                 std::to_string(kShortVariantMaxSeconds) + " s");
  }
  if (v.duration_seconds >= ex.duration_seconds) {
    add(&ex, "short: is not shorter than the exercise itself");
  }
  int hold_total = 0;
  for (size_t i = 0; i < ex.steps.size(); ++i) {
    hold_total += i < v.hold_seconds.size() ? v.hold_seconds[i] : ex.steps[i].hold_seconds;
  }
  if (hold_total * v.repetitions > v.duration_seconds) {
    add(&ex, "short: duration_seconds " + std::to_string(v.duration_seconds) +
                 " s is shorter than its holds (" + std::to_string(hold_total) + " s x " +
                 std::to_string(v.repetitions) + ")");
  }
}

void check_entry(const Exercise& ex, const BreakLengths& lengths, const Add& add) {
  if (ex.steps.empty()) add(&ex, "steps: must not be empty");
  check_timing(ex, lengths, add);
  check_short_variant(ex, add);
  if (ex.cautions.empty()) {
    add(&ex, "cautions: must name at least one (what to avoid, when to stop)");
  }
  if (!ex.source.empty() && !source_can_be_followed(ex.source)) {
    add(&ex, "source: give a URL, or an author or publisher and a year, that a reader can follow");
  }
  if (ex.illustration.empty()) return;  // the loader reported the missing field
  if (!check_svg(ex.illustration, "illustration", ex, add)) return;
  for (size_t i = 0; i < ex.steps.size(); ++i) {
    check_svg(ex.steps[i].frame, "steps " + std::to_string(i + 1) + " frame", ex, add);
  }
}

// A micro-break shows one seated exercise, so every area the catalog offers
// at the desk needs one whose full or short form fits the shortest
// micro-break the catalog promises; floor-only areas are offered only to
// those who opt in, in rest breaks.
void check_micro_coverage(const ExerciseCatalog& catalog, const Add& add) {
  std::set<std::string> desk_areas;
  std::set<std::string> micro_areas;
  for (const Exercise& ex : catalog.exercises) {
    if (ex.position == ExercisePosition::kFloor) continue;
    desk_areas.insert(ex.targets.begin(), ex.targets.end());
    if (fits_micro_break(ex, kShortVariantMaxSeconds)) {
      micro_areas.insert(ex.targets.begin(), ex.targets.end());
    }
  }
  for (std::string_view area : target_areas()) {
    const std::string name(area);
    if (desk_areas.count(name) && !micro_areas.count(name)) {
      add(nullptr, "target area " + name +
                       " has no seated, no-equipment exercise that fits a micro-break of " +
                       std::to_string(kShortVariantMaxSeconds) + " s");
    }
  }
}

}  // namespace

std::vector<CatalogProblem> validate_catalog(const ExerciseCatalog& catalog,
                                             const BreakLengths& lengths) {
  std::vector<CatalogProblem> problems;
  const Add add = [&](const Exercise* ex, std::string message) {
    problems.push_back({catalog.file, ex ? ex->line : 0, ex ? ex->id : "", std::move(message)});
  };
  std::map<std::string, int> first_line;
  for (const Exercise& ex : catalog.exercises) {
    const auto [it, inserted] = first_line.emplace(ex.id, ex.line);
    if (!inserted) add(&ex, "id: also used at line " + std::to_string(it->second));
    check_entry(ex, lengths, add);
  }
  check_micro_coverage(catalog, add);
  for (std::string_view id : required_exercise_ids()) {
    if (!catalog.find(id)) add(nullptr, "exercise " + std::string(id) + " is missing");
  }
  return problems;
}

}  // namespace limber
