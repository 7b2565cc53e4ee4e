// Checking and printing values of configuration keys (see config_keys.h).
#include <charconv>
#include <string>

#include "limber/config_keys.h"
#include "limber/duration.h"
#include "limber/work_schedule.h"

namespace limber {
namespace {

bool is_string_type(ConfigType type) {
  return type != ConfigType::kBool && type != ConfigType::kInt;
}

// "HH:MM" from 00:00 to 23:59, two digits each.
bool parse_time_of_day(std::string_view s, int* minute_of_day) {
  if (s.size() != 5 || s[2] != ':') return false;
  int h = 0;
  int m = 0;
  if (std::from_chars(s.data(), s.data() + 2, h).ptr != s.data() + 2 ||
      std::from_chars(s.data() + 3, s.data() + 5, m).ptr != s.data() + 5) {
    return false;
  }
  if (h < 0 || h > 23 || m < 0 || m > 59) return false;
  *minute_of_day = h * 60 + m;
  return true;
}

bool fail(const KeyDef& def, std::string_view text, std::string_view detail, std::string* err) {
  if (err) {
    const std::string quote = is_string_type(def.type) ? "\"" : "";
    *err = "expected " + describe_expected(def) + ", got " + quote + std::string(text) + quote;
    if (!detail.empty()) *err += " (" + std::string(detail) + ")";
  }
  return false;
}

// Lowercase letters, digits and '-': ids and equipment names.
bool is_list_word(std::string_view word) {
  for (const char c : word) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return !word.empty();
}

bool is_choice(const KeyDef& def, std::string_view word) {
  for (std::string_view choice : def.choices) {
    if (choice == word) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> split_word_list(std::string_view text) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
    while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
    if (!word.empty()) words.emplace_back(word);
    start = end + 1;
  }
  return words;
}

std::string describe_expected(const KeyDef& def) {
  switch (def.type) {
    case ConfigType::kBool:
      return "true or false";
    case ConfigType::kInt:
      return "an integer from " + std::to_string(def.min_int) + " to " +
             std::to_string(def.max_int);
    case ConfigType::kDuration:
      return "a duration like \"20m\" from " + format_duration(def.min_duration) + " to " +
             format_duration(def.max_duration);
    case ConfigType::kEnum: {
      std::string text = "one of";
      for (size_t i = 0; i < def.choices.size(); ++i) {
        text += (i == 0 ? " \"" : ", \"") + std::string(def.choices[i]) + "\"";
      }
      return text;
    }
    case ConfigType::kSchedule:
      return "work hours like \"mon-fri 09:00-17:30\" or \"always\"";
    case ConfigType::kClockTime:
      return "a time of day like \"04:00\" (HH:MM, 00:00 to 23:59)";
    case ConfigType::kWordList: {
      if (def.choices.empty()) return "a comma-separated list of ids like \"a-id,b-id\" or \"\"";
      std::string text = "a comma-separated list of";
      for (size_t i = 0; i < def.choices.size(); ++i) {
        text += (i == 0 ? " \"" : ", \"") + std::string(def.choices[i]) + "\"";
      }
      return text + " or \"\"";
    }
    case ConfigType::kPath:
      return "an absolute path like \"/var/lib/limber/spool\"";
  }
  return "";
}

namespace {

bool parse_int_value(const KeyDef& def, std::string_view text, ConfigValue* out, std::string* err) {
  int64_t n = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || ptr != text.data() + text.size() || n < def.min_int || n > def.max_int) {
    return fail(def, text, "", err);
  }
  *out = n;
  return true;
}

// Words separated by commas or spaces, stored as "a,b,c".
bool parse_word_list_value(const KeyDef& def, std::string_view text, ConfigValue* out, std::string* err) {
  std::string normalised;
  for (const std::string& word : split_word_list(text)) {
    if (!is_list_word(word)) return fail(def, text, "\"" + word + "\" is not a word", err);
    if (!def.choices.empty() && !is_choice(def, word)) return fail(def, text, "unknown \"" + word + "\"", err);
    normalised += (normalised.empty() ? "" : ",") + word;
  }
  *out = std::move(normalised);
  return true;
}

}  // namespace

bool parse_config_value(const KeyDef& def, std::string_view text, ConfigValue* out,
                        std::string* err) {
  switch (def.type) {
    case ConfigType::kBool:
      if (text != "true" && text != "false") return fail(def, text, "", err);
      *out = text == "true";
      return true;
    case ConfigType::kInt:
      return parse_int_value(def, text, out, err);
    case ConfigType::kDuration: {
      Duration d{};
      std::string why;
      if (!parse_duration(text, &d, &why)) return fail(def, text, why, err);
      if (d < def.min_duration || d > def.max_duration) return fail(def, text, "out of range", err);
      *out = d;
      return true;
    }
    case ConfigType::kEnum:
      for (std::string_view choice : def.choices) {
        if (choice == text) {
          *out = std::string(text);
          return true;
        }
      }
      return fail(def, text, "", err);
    case ConfigType::kSchedule: {
      WorkSchedule schedule;
      std::string why;
      if (!WorkSchedule::parse(text, &schedule, &why)) return fail(def, text, why, err);
      *out = std::string(text);  // as written: the canonical form spells out every day
      return true;
    }
    case ConfigType::kClockTime: {
      int minute_of_day = 0;
      if (!parse_time_of_day(text, &minute_of_day)) return fail(def, text, "", err);
      *out = std::string(text);
      return true;
    }
    case ConfigType::kWordList:
      return parse_word_list_value(def, text, out, err);
    case ConfigType::kPath:
      if (text.empty() || text.front() != '/' || text.find('\0') != std::string_view::npos)
        return fail(def, text, "", err);
      *out = std::string(text);
      return true;
  }
  return fail(def, text, "", err);
}

std::string config_value_text(const ConfigValue& value) {
  if (const bool* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const int64_t* n = std::get_if<int64_t>(&value)) return std::to_string(*n);
  if (const Duration* d = std::get_if<Duration>(&value)) return format_duration(*d);
  return std::get<std::string>(value);
}

}  // namespace limber
