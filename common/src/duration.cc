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

}  // namespace limber
