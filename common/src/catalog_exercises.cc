// Loading the exercise catalog (config/exercises.toml) and the names and
// lists every part of Limber agrees on.
#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <optional>

#include "catalog_toml.h"
#include "limber/catalog.h"
#include "limber/config.h"

namespace limber {
namespace {

constexpr std::array<ExercisePosition, 5> kPositions = {
    ExercisePosition::kSeated, ExercisePosition::kStanding, ExercisePosition::kWall,
    ExercisePosition::kDoorway, ExercisePosition::kFloor};

// A step longer than this is a typo (nobody holds a stretch for minutes in a break).
constexpr int kMaxHoldSeconds = 120;
// An exercise longer than the longest rest break allowed by config is a typo.
constexpr int kMaxDurationSeconds = 3600;

bool is_kebab_case(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && id[i - 1] == '-')) return false;
  }
  return true;
}

bool contains(const std::vector<std::string_view>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

std::string joined(const std::vector<std::string_view>& list) {
  std::string out;
  for (std::string_view w : list) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

std::vector<ExerciseStep> read_steps(ContentTable& entry, const std::string& file,
                                     std::vector<CatalogProblem>* problems, const std::string& id) {
  std::vector<ExerciseStep> steps;
  const toml::array* array = entry.tables("steps");
  if (!array) return steps;
  for (const toml::node& node : *array) {
    ContentTable step(*node.as_table(), file, problems);
    step.set_id(id + " step " + std::to_string(steps.size() + 1));
    step.reject_unknown_keys({"text", "hold_seconds"});
    ExerciseStep s;
    s.text = step.text("text");
    s.hold_seconds = step.integer("hold_seconds", 0, kMaxHoldSeconds, 0);
    steps.push_back(std::move(s));
  }
  return steps;
}

ExerciseShortVariant read_short_variant(const toml::table& table, const std::string& file,
                                        std::vector<CatalogProblem>* problems, const Exercise& ex) {
  ContentTable entry(table, file, problems);
  entry.set_id(ex.id + " short");
  entry.reject_unknown_keys({"duration_seconds", "repetitions", "hold_seconds"});
  ExerciseShortVariant v;
  v.duration_seconds = entry.integer("duration_seconds", 1, kMaxDurationSeconds, 0);
  v.repetitions = entry.integer("repetitions", 1, 100, 1);
  if (const toml::array* holds = table["hold_seconds"].as_array()) {
    for (const toml::node& node : *holds) {
      const std::optional<int64_t> hold = node.value<int64_t>();
      if (!hold || *hold < 0 || *hold > kMaxHoldSeconds) {
        entry.problem("hold_seconds", "must be whole seconds from 0 to " +
                                          std::to_string(kMaxHoldSeconds));
        continue;
      }
      v.hold_seconds.push_back(static_cast<int>(*hold));
    }
    if (v.hold_seconds.size() != ex.steps.size()) {
      entry.problem("hold_seconds", "needs one hold per step (" + std::to_string(ex.steps.size()) +
                                        "), got " + std::to_string(v.hold_seconds.size()));
    }
  }
  return v;
}

Exercise read_exercise(const toml::table& table, const std::string& file,
                       const std::filesystem::path& dir, std::vector<CatalogProblem>* problems) {
  ContentTable entry(table, file, problems);
  Exercise ex;
  ex.line = entry.line();
  ex.id = entry.text("id");
  entry.set_id(ex.id);
  if (!ex.id.empty() && !is_kebab_case(ex.id)) {
    entry.problem("id", "must be kebab-case (lowercase words joined by '-')");
  }
  entry.reject_unknown_keys({"id", "name", "targets", "position", "equipment", "duration_seconds",
                             "repetitions", "steps", "cautions", "source", "illustration", "short",
                             "no_short_variant"});
  ex.name = entry.text("name");
  ex.targets = entry.texts("targets");
  if (ex.targets.empty()) entry.problem("targets", "must name at least one target area");
  for (const std::string& area : ex.targets) {
    if (!contains(target_areas(), area)) {
      entry.problem("targets",
                    "unknown area \"" + area + "\" (known: " + joined(target_areas()) + ")");
    }
  }
  const std::string position = entry.text("position");
  const auto* found = std::find_if(kPositions.begin(), kPositions.end(), [&](ExercisePosition p) {
    return exercise_position_name(p) == position;
  });
  if (found != kPositions.end()) {
    ex.position = *found;
  } else if (!position.empty()) {
    entry.problem("position",
                  "expected seated, standing, wall, doorway or floor, got \"" + position + "\"");
  }
  ex.equipment = entry.text("equipment");
  if (ex.equipment != "none" && !contains(known_equipment(), ex.equipment)) {
    entry.problem("equipment", "expected none or one of " + joined(known_equipment()) + ", got \"" +
                                   ex.equipment + "\"");
  }
  ex.duration_seconds = entry.integer("duration_seconds", 1, kMaxDurationSeconds, 0);
  ex.repetitions = entry.integer("repetitions", 1, 100, 1);
  ex.steps = read_steps(entry, file, problems, ex.id);
  ex.cautions = entry.texts("cautions", /*required=*/false);
  ex.source = entry.text("source");
  ex.no_short_variant = entry.text("no_short_variant", /*required=*/false);
  if (const toml::table* variant = table["short"].as_table()) {
    ex.short_variant = read_short_variant(*variant, file, problems, ex);
  } else if (table.contains("short")) {
    entry.problem("short", "must be a table: { duration_seconds = N, repetitions = N }");
  }
  const std::string illustration = entry.text("illustration");
  if (!illustration.empty()) {
    const std::filesystem::path p(illustration);
    ex.illustration = (p.is_absolute() ? p : dir / p).lexically_normal().string();
    // Each step's frame sits beside the exercise's picture, numbered from 1.
    const std::string stem = ex.illustration.substr(0, ex.illustration.size() - 4);
    for (size_t i = 0; i < ex.steps.size(); ++i) {
      ex.steps[i].frame = stem + "-" + std::to_string(i + 1) + ".svg";
    }
  }
  return ex;
}

}  // namespace

std::string_view exercise_position_name(ExercisePosition position) {
  switch (position) {
    case ExercisePosition::kSeated:
      return "seated";
    case ExercisePosition::kStanding:
      return "standing";
    case ExercisePosition::kWall:
      return "wall";
    case ExercisePosition::kDoorway:
      return "doorway";
    case ExercisePosition::kFloor:
      return "floor";
  }
  return "";
}

const std::vector<std::string_view>& target_areas() {
  static const std::vector<std::string_view> areas = {
      "neck", "shoulders", "upper-back", "chest", "lower-back", "core", "hips",
      "arms", "wrists", "hands", "forearms", "legs", "ankles", "eyes"};
  return areas;
}

const std::vector<std::string_view>& known_equipment() {
  static const std::vector<std::string_view> equipment = {"band", "dumbbells"};
  return equipment;
}

const std::vector<std::string_view>& required_exercise_ids() {
  static const std::vector<std::string_view> ids = {
      // At or beside the desk, in a chair, standing, at a wall or a doorway.
      "neck-half-rolls", "shoulder-rolls", "chin-tuck", "upper-trapezius-stretch",
      "levator-scapulae-stretch", "scapular-squeeze", "shoulder-shrugs", "shoulder-shrug-circles",
      "arm-circles", "overhead-arm-reach", "seated-chair-rotation", "doorway-pec-stretch",
      "wall-pec-stretch", "room-corner-stretch", "wall-angel", "wall-push-up",
      "standing-thoracic-extension", "band-row", "band-face-pull",
      // Eyes.
      "eye-rest-20-20-20",
      // On the floor, offered only with exercises.floor.
      "cat-cow", "childs-pose", "sphinx-pose", "bird-dog", "glute-bridge", "plank", "superman",
      "knee-rotation", "butterfly-stretch"};
  return ids;
}

const Exercise* ExerciseCatalog::find(std::string_view id) const {
  for (const Exercise& ex : exercises) {
    if (ex.id == id) return &ex;
  }
  return nullptr;
}

std::optional<ExercisePlan> plan_exercise(const Exercise& exercise, int seconds) {
  ExercisePlan plan;
  plan.exercise = &exercise;
  for (const ExerciseStep& step : exercise.steps) plan.hold_seconds.push_back(step.hold_seconds);
  if (exercise.duration_seconds <= seconds) {
    plan.duration_seconds = exercise.duration_seconds;
    plan.repetitions = exercise.repetitions;
    return plan;
  }
  const auto& variant = exercise.short_variant;
  if (!variant || variant->duration_seconds > seconds) return std::nullopt;
  plan.is_short = true;
  plan.duration_seconds = variant->duration_seconds;
  plan.repetitions = variant->repetitions;
  if (variant->hold_seconds.size() == exercise.steps.size()) plan.hold_seconds = variant->hold_seconds;
  return plan;
}

bool fits_micro_break(const Exercise& exercise, int micro_seconds) {
  return exercise.position == ExercisePosition::kSeated && !exercise.needs_equipment() &&
         plan_exercise(exercise, micro_seconds).has_value();
}

BreakLengths break_lengths(const Config& config) {
  using std::chrono::duration_cast;
  using std::chrono::seconds;
  BreakLengths lengths;
  lengths.micro_seconds =
      static_cast<int>(duration_cast<seconds>(config.get_duration("micro.duration")).count());
  lengths.rest_seconds =
      static_cast<int>(duration_cast<seconds>(config.get_duration("rest.duration")).count());
  return lengths;
}

Status load_exercise_catalog(const std::string& path, ExerciseCatalog* out,
                             std::vector<CatalogProblem>* problems) {
  std::vector<CatalogProblem> found;
  out->file = path;
  out->exercises.clear();
  toml::table root;
  if (parse_content_file(path, &root, &found)) {
    ContentTable top(root, path, &found);
    top.reject_unknown_keys({"schema", "exercise"});
    top.integer("schema", 1, 1, 1);
    const std::filesystem::path dir = std::filesystem::path(path).parent_path();
    if (const toml::array* entries = top.tables("exercise")) {
      for (const toml::node& node : *entries) {
        out->exercises.push_back(read_exercise(*node.as_table(), path, dir, &found));
      }
    }
  }
  const Status status = content_status(found, 0);
  if (problems) problems->insert(problems->end(), found.begin(), found.end());
  return status;
}

}  // namespace limber
