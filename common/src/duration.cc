#include "limber/duration.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>

namespace limber {
namespace {

struct Unit {
  std::string_view name;
  int64_t ms;
};

// Largest first: parts must appear in this order, each at most once.
constexpr std::array<Unit, 5> kUnits = {
    {{"d", 86'400'000}, {"h", 3'600'000}, {"m", 60'000}, {"s", 1'000}, {"ms", 1}}};

// Bounds every number so that the sum of all parts fits in Duration::rep.
constexpr uint64_t kMaxNumber = 1'000'000'000;

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

bool fail(std::string* err, std::string message) {
  if (err) *err = std::move(message);
  return false;
}

}  // namespace

bool parse_duration(std::string_view text, Duration* out, std::string* err) {
  const std::string quoted = "\"" + std::string(text) + "\"";
  size_t i = 0;
  while (i < text.size() && is_space(text[i])) ++i;
  if (i == text.size()) return fail(err, "empty duration; write e.g. \"20m\" or \"1h30m\"");

  int64_t total_ms = 0;
  size_t next_unit = 0;  // index into kUnits: units must come largest first
  while (i < text.size()) {
    const size_t number_begin = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i == number_begin && text[i] == '-')
      return fail(err, quoted + " is negative; durations start at \"0s\"");
    if (i == number_begin) {
      return fail(err, quoted + " is not a duration: expected a number at \"" +
                           std::string(text.substr(number_begin)) + "\"");
    }
    uint64_t number = 0;
    const auto [end, ec] = std::from_chars(text.data() + number_begin, text.data() + i, number);
    (void)end;
    if (ec != std::errc() || number > kMaxNumber)
      return fail(err, quoted + " is too long a duration");

    if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
      return fail(err,
                  quoted + " has a fraction; use whole numbers of smaller units, e.g. \"1h30m\"");
    }
    const size_t unit_begin = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    const std::string_view unit = text.substr(unit_begin, i - unit_begin);
    if (unit.empty()) {
      return fail(err, quoted + " needs a unit after " +
                           std::string(text.substr(number_begin, i - number_begin)) +
                           " (d, h, m, s or ms), e.g. \"20m\"");
    }
    size_t u = 0;
    while (u < kUnits.size() && kUnits[u].name != unit) ++u;
    if (u == kUnits.size()) {
      return fail(err,
                  quoted + " has an unknown unit \"" + std::string(unit) + "\"; use d, h, m, s or ms");
    }
    if (u < next_unit) {
      return fail(err, quoted + ": write each unit once, largest first, e.g. \"1h30m\"");
    }
    next_unit = u + 1;
    total_ms += static_cast<int64_t>(number) * kUnits[u].ms;
    while (i < text.size() && is_space(text[i])) ++i;
  }
  *out = Duration{total_ms};
  return true;
}

std::string format_duration(Duration d) {
  int64_t left = d.count();
  if (left <= 0) return "0s";
  std::string text;
  for (const Unit& unit : kUnits) {
    const int64_t n = left / unit.ms;
    if (n == 0) continue;
    text += std::to_string(n);
    text += unit.name;
    left -= n * unit.ms;
  }
  return text;
}

std::string format_duration_natural(Duration d) {
  static constexpr std::array<Unit, 4> kNatural = {
      {{"d", 86'400'000}, {"h", 3'600'000}, {"min", 60'000}, {"s", 1'000}}};
  int64_t left = d.count();
  std::string text;
  for (const Unit& unit : kNatural) {
    const int64_t n = left / unit.ms;
    if (n == 0) continue;
    text += (text.empty() ? "" : " ") + std::to_string(n) + " " + std::string(unit.name);
    left -= n * unit.ms;
  }
  return text.empty() ? "0 s" : text;
}

bool parse_duration_natural(std::string_view text, Duration* out, std::string* err) {
  // Unit words become the text form's units; numbers and everything else
  // pass through for parse_duration to judge.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kWords = {{
      {"days", "d"}, {"day", "d"}, {"hours", "h"}, {"hour", "h"}, {"hrs", "h"}, {"hr", "h"},
      {"minutes", "m"}, {"minute", "m"}, {"mins", "m"}, {"min", "m"}, {"seconds", "s"},
      {"second", "s"}, {"secs", "s"}, {"sec", "s"}, {"d", "d"}, {"h", "h"}, {"s", "s"},
  }};
  std::string normal;
  size_t i = 0;
  while (i < text.size()) {
    if (!std::isalpha(static_cast<unsigned char>(text[i]))) {
      if (!is_space(text[i])) normal += text[i];
      ++i;
      continue;
    }
    size_t end = i;
    std::string word;
    while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[end])));
      ++end;
    }
    std::string unit = word;  // "m", "ms" and unknown words as they are
    for (const auto& [name, short_name] : kWords) {
      if (word == name) unit = std::string(short_name);
    }
    normal += unit;
    i = end;
  }
  if (normal.empty()) return parse_duration(text, out, err);
  std::string why;
  if (parse_duration(normal, out, &why)) return true;
  if (err) *err = "\"" + std::string(text) + "\" is not a duration; write e.g. 20 min, 1 h 30 min or 45 s";
  return false;
}

}  // namespace limber
