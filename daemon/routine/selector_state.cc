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

bool ExerciseSelector::restore_state(std::string_view text, std::string* err) {
  uint64_t rng = 0;
  std::map<std::string, int64_t> areas;
  Cycle micro;
  Cycle rest;
  std::deque<std::string> recent;
  bool header = false;
  bool have_random = false;
  int line_number = 0;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.empty()) continue;
    auto fail = [&](const std::string& why) {
      *err = "rotation state line " + std::to_string(line_number) + ": " + why;
      return false;
    };
    if (!header) {
      if (line != kHeader) return fail("expected \"" + std::string(kHeader) + "\"");
      header = true;
      continue;
    }
    std::istringstream words(line);
    std::string kind;
    std::string name;
    std::string number;
    words >> kind >> name >> number;
    std::string extra;
    if (words >> extra) return fail("too many fields");
    if (kind == "random") {
      if (!number.empty() || !parse_number(name, &rng)) return fail("expected a number");
      have_random = true;
    } else if (kind == "recent") {
      if (name.empty() || !number.empty()) return fail("expected one id");
      if (catalog_.find(name)) recent.push_back(name);
    } else if (kind == "area" || kind == "micro" || kind == "rest") {
      int64_t turns = 0;
      if (name.empty() || !parse_number(number, &turns) || turns < 0) {
        return fail("expected a name and a count");
      }
      if (kind == "area") {
        areas[name] = turns;
      } else if (catalog_.find(name)) {
        (kind == "micro" ? micro : rest)[name] = static_cast<int>(std::min<int64_t>(turns, 2));
      }
    } else {
      return fail("unknown entry \"" + kind + "\"");
    }
  }
  if (!header || !have_random) {
    *err = "rotation state: incomplete";
    return false;
  }
  while (recent.size() > kRecentWindow) recent.pop_front();
  rng_ = rng;
  area_turns_ = std::move(areas);
  micro_cycle_ = std::move(micro);
  rest_cycle_ = std::move(rest);
  recent_ = std::move(recent);
  return true;
}

}  // namespace limber
