// The rotation state of an ExerciseSelector as text, one fact per line:
//
//   limber-exercise-rotation 1
//   random 1234567890123
//   area neck 4
//   micro neck-half-rolls 1
//   rest wall-angel 1
//   recent chin-tuck
//
// Plain text so it can sit in the history database's timer-state table and
// be read by a person debugging "why do I always get the same stretch".
#include <charconv>
#include <sstream>

#include "routine/exercise_selector.h"

namespace limber {
namespace {

constexpr std::string_view kHeader = "limber-exercise-rotation 1";

template <typename Int>
bool parse_number(std::string_view text, Int* out) {
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

std::string ExerciseSelector::save_state() const {
  std::ostringstream out;
  out << kHeader << "\nrandom " << rng_ << "\n";
  for (const auto& [area, turns] : area_turns_) out << "area " << area << " " << turns << "\n";
  for (const auto& [id, turns] : micro_cycle_) out << "micro " << id << " " << turns << "\n";
  for (const auto& [id, turns] : rest_cycle_) out << "rest " << id << " " << turns << "\n";
  for (const std::string& id : recent_) out << "recent " << id << "\n";
  return out.str();
}

namespace {

// The rotation as read back, before it replaces the selector's.
struct SavedRotation {
  uint64_t rng = 0;
  bool have_random = false;
  std::map<std::string, int64_t> areas;
  std::map<std::string, int> micro;
  std::map<std::string, int> rest;
  std::deque<std::string> recent;
};

// One "kind name [number]" line; false with *why for a malformed one.
// Exercises no longer in the catalog are dropped.
bool read_entry(const std::string& line, const ExerciseCatalog& catalog, SavedRotation* out, std::string* why) {
  std::istringstream words(line);
  std::string kind, name, number, extra;
  words >> kind >> name >> number;
  if (words >> extra) return (*why = "too many fields", false);
  if (kind == "random") {
    if (!number.empty() || !parse_number(name, &out->rng)) return (*why = "expected a number", false);
    out->have_random = true;
  } else if (kind == "recent") {
    if (name.empty() || !number.empty()) return (*why = "expected one id", false);
    if (catalog.find(name)) out->recent.push_back(name);
  } else if (kind == "area" || kind == "micro" || kind == "rest") {
    int64_t turns = 0;
    if (name.empty() || !parse_number(number, &turns) || turns < 0) {
      return (*why = "expected a name and a count", false);
    }
    if (kind == "area") {
      out->areas[name] = turns;
    } else if (catalog.find(name)) {
      (kind == "micro" ? out->micro : out->rest)[name] = static_cast<int>(std::min<int64_t>(turns, 2));
    }
  } else {
    return (*why = "unknown entry \"" + kind + "\"", false);
  }
  return true;
}

}  // namespace

bool ExerciseSelector::restore_state(std::string_view text, std::string* err) {
  SavedRotation saved;
  bool header = false;
  int line_number = 0;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.empty()) continue;
    std::string why;
    if (!header) {
      header = line == kHeader;
      if (!header) why = "expected \"" + std::string(kHeader) + "\"";
    } else {
      read_entry(line, catalog_, &saved, &why);
    }
    if (!why.empty()) {
      *err = "rotation state line " + std::to_string(line_number) + ": " + why;
      return false;
    }
  }
  if (!header || !saved.have_random) {
    *err = "rotation state: incomplete";
    return false;
  }
  while (saved.recent.size() > kRecentWindow) saved.recent.pop_front();
  rng_ = saved.rng;
  area_turns_ = std::move(saved.areas);
  micro_cycle_ = std::move(saved.micro);
  rest_cycle_ = std::move(saved.rest);
  recent_ = std::move(saved.recent);
  return true;
}

}  // namespace limber
