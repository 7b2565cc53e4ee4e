// The content a user sees during a break and when checking their desk: the
// exercise catalog (config/exercises.toml), the desk-setup checklists
// (config/checklists.toml) and the health notice (config/health.toml), with
// their loaders and the checks that keep the shipped data honest.
//
// Loading reads one file and checks its schema (types, required fields,
// allowed values); validate_catalog() then checks the catalog as a whole
// (unique ids, illustrations present and SVG, durations that fit the break
// kinds, coverage of every target area, every exercise the project promises).
// Problems name the file, the line and the id. Nothing here throws: toml++
// errors are caught inside limber_common.
//
// Called by limberd at start-up and by tests; the loaded values are plain
// data that may be copied to any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "limber/clock.h"
#include "limber/status.h"

namespace limber {

class Config;

// Where an exercise is done. Floor exercises are offered only when
// exercises.floor is on.
enum class ExercisePosition { kSeated, kStanding, kWall, kDoorway, kFloor };
// "seated", "standing", "wall", "doorway", "floor".
std::string_view exercise_position_name(ExercisePosition position);

// The body areas an exercise may target, in display order: neck, shoulders,
// upper-back, chest, lower-back, core, hips, arms, wrists, hands, forearms,
// legs, ankles, eyes.
const std::vector<std::string_view>& target_areas();
// Equipment an exercise may need besides a chair, a wall or a doorway:
// "band", "dumbbells" (the choices of the exercises.equipment key).
const std::vector<std::string_view>& known_equipment();
// Every exercise the catalog must contain (from the catalog issue): the desk
// exercises, the eye rest and the floor exercises.
const std::vector<std::string_view>& required_exercise_ids();

struct ExerciseStep {
  std::string text;
  int hold_seconds = 0;  // how long to stay in this step's position; 0 when it is a movement
  // This step's picture: "<illustration without .svg>-<n>.svg" (n from 1),
  // absolute. Drawn by tools/illustrations/ with the exercise's picture.
  std::string frame;
};

// The longest a short variant may take: the shortest micro-break the
// research behind Limber's defaults still counts as a break (20 s).
inline constexpr int kShortVariantMaxSeconds = 20;

// A quicker way through an exercise for a short micro-break: fewer
// repetitions and, optionally, shorter holds (`short = { ... }` in the file).
struct ExerciseShortVariant {
  int duration_seconds = 0;
  int repetitions = 1;
  std::vector<int> hold_seconds;  // one per step; empty: the steps' own holds
};

struct Exercise {
  std::string id;  // stable, kebab-case: stored in the history with each break
  std::string name;
  std::vector<std::string> targets;  // from target_areas(), most targeted first
  ExercisePosition position = ExercisePosition::kSeated;
  std::string equipment = "none";  // "none" or one of known_equipment()
  int duration_seconds = 0;        // the whole exercise, every repetition included
  int repetitions = 1;             // how many times the steps are gone through
  std::vector<ExerciseStep> steps;
  std::vector<std::string> cautions;  // at least one (validation)
  std::string source;  // a URL, or author and year: something a reader can follow
  std::optional<ExerciseShortVariant> short_variant;
  // Why there is no short variant (a hold that makes no sense shorter);
  // validation asks for one or the other on desk exercises over 20 s.
  std::string no_short_variant;
  std::string illustration;  // absolute path of the SVG (resolved against the catalog file)
  int line = 0;              // where the entry starts in its file

  bool needs_equipment() const { return equipment != "none"; }
};

struct ExerciseCatalog {
  std::string file;
  std::vector<Exercise> exercises;  // in file order

  const Exercise* find(std::string_view id) const;
};

// A desk-setup checklist: yes / no / not-applicable questions.
struct ChecklistItem {
  std::string id;        // unique within its checklist
  std::string area;      // "monitor", "keyboard", "chair", ...
  std::string question;  // answered yes when the setup is right
  std::string why;       // why it matters
  std::string fix;       // how to put it right
  std::string numbers;   // distances and angles the sources give; may be empty
  std::string source;
  int line = 0;
};

struct Checklist {
  std::string id;  // "desk-setup", "laptop", "home-office"
  std::string title;
  std::string summary;
  std::vector<ChecklistItem> items;
  int line = 0;

  const ChecklistItem* find(std::string_view item_id) const;
};

struct ChecklistSet {
  std::string file;
  std::vector<Checklist> checklists;

  const Checklist* find(std::string_view id) const;
};

enum class ChecklistAnswer { kYes, kNo, kNotApplicable };
struct ChecklistResponse {
  std::string item_id;
  ChecklistAnswer answer = ChecklistAnswer::kNotApplicable;
};

// How a set of answers scores: the share of applicable items answered yes.
struct ChecklistScore {
  int yes = 0;
  int no = 0;
  int not_applicable = 0;
  int unanswered = 0;
  int percent = 0;                          // 100 * yes / (yes + no); 100 when nothing applies
  std::vector<const ChecklistItem*> to_do;  // items answered no, in checklist order
};
// Answers naming items not in `checklist` are ignored; a later answer to the
// same item replaces an earlier one.
ChecklistScore score_checklist(const Checklist& checklist,
                               const std::vector<ChecklistResponse>& answers);
// Whether a checklist last answered at `answered_at` should be checked
// again at `now` (recheck_days is checklist.recheck_days).
bool checklist_recheck_due(WallTime answered_at, WallTime now, int64_t recheck_days);

// The health texts shown with exercises (config/health.toml).
struct HealthNotice {
  std::string notice;                // shown with every exercise: stop if it hurts, ...
  std::vector<std::string> stop_if;  // stop exercising when any of these happens
  std::string symptoms_title;        // the "Symptoms?" link's heading
  std::string symptoms_intro;
  std::vector<std::string> see_doctor;  // see a doctor instead of exercising when ...
  std::string urgent;                   // get care at once when ...
  std::string disclaimer;               // general guidance, not medical advice
  std::string source;
};

// One problem in a content file. Line is 1-based, 0 for the whole file; id
// names the exercise, checklist or item, empty when there is none.
struct CatalogProblem {
  std::string file;
  int line = 0;
  std::string id;
  std::string message;

  // "config/exercises.toml:42: wall-angel: steps: must not be empty"
  std::string to_string() const;
};

// Loaders: read `path`, check its schema and fill *out. Every problem is
// appended to *problems (may be null); entries with problems are still
// loaded as far as they go, so one run reports everything. The Status is
// ok when there was no problem, else an error that counts them and quotes
// the first.
Status load_exercise_catalog(const std::string& path, ExerciseCatalog* out,
                             std::vector<CatalogProblem>* problems);
Status load_checklists(const std::string& path, ChecklistSet* out,
                       std::vector<CatalogProblem>* problems);
Status load_health_notice(const std::string& path, HealthNotice* out,
                          std::vector<CatalogProblem>* problems);

// The break lengths exercises must fit, in seconds.
struct BreakLengths {
  int micro_seconds = 30;
  int rest_seconds = 300;
};
// micro.duration and rest.duration of `config`.
BreakLengths break_lengths(const Config& config);

// How an exercise is done in the time a break leaves for it.
struct ExercisePlan {
  const Exercise* exercise = nullptr;
  bool is_short = false;  // the short variant, because the full one does not fit
  int duration_seconds = 0;
  int repetitions = 1;
  std::vector<int> hold_seconds;  // one per step
};
// The full exercise when it fits `seconds`, else its short variant when
// that fits, else nullopt: never longer than the time given.
std::optional<ExercisePlan> plan_exercise(const Exercise& exercise, int seconds);

// Whether `exercise` can be shown in a micro-break of `micro_seconds`:
// seated, no equipment, and (in full or as its short variant) no longer than
// the break.
bool fits_micro_break(const Exercise& exercise, int micro_seconds);

// Checks the catalog as a whole against `lengths` (use the defaults for the
// shipped data): unique ids, every illustration and step frame exists and is
// an SVG document with a viewBox, steps not empty, step holds that fit the
// duration, every exercise fits a rest break, at least one caution, a
// source a reader can follow (a URL or a year), a short variant of at most
// kShortVariantMaxSeconds on desk exercises longer than that (or a reason
// why not), every target area offered without the floor opt-in has a
// seated no-equipment exercise that fits a micro-break of
// kShortVariantMaxSeconds, and every id of required_exercise_ids() is
// present. The area check does not follow lengths.micro_seconds: a user's
// very short micro-break is their choice, not a gap in the catalog.
std::vector<CatalogProblem> validate_catalog(const ExerciseCatalog& catalog,
                                             const BreakLengths& lengths);

// Checks that `path` is a well-formed XML document whose root element is
// <svg> with a viewBox attribute. On failure returns false and says why.
bool check_svg_file(const std::string& path, std::string* why);

}  // namespace limber
