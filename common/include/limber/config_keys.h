// The one definition of every configuration key: name, type, default, range
// and a one-line description.
//
// Everything else derives from this table: the built-in default layer, the
// checks the loader applies to each file, `limberctl config` listings and the
// reference table in docs/configuration.md (a unit test keeps that table in
// sync with render_config_reference()). Adding a key means adding one entry
// in config_keys.cc and regenerating the docs table.
//
// Immutable after first use; safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "limber/clock.h"

namespace limber {

enum class ConfigType {
  kBool,
  kInt,
  kDuration,   // a TOML string like "20m" (see limber/duration.h)
  kEnum,       // a TOML string, one of `choices`
  kSchedule,   // a TOML string read by WorkSchedule::parse
  kClockTime,  // a TOML string "HH:MM", 00:00 to 23:59
  kWordList,   // a TOML string of comma-separated words ("band,dumbbells"), maybe
               // empty; each word is lowercase letters, digits and '-', and one of
               // `choices` when `choices` is not empty
  kPath,       // a TOML string holding an absolute path ("/var/lib/limber/spool")
};

struct KeyDef {
  std::string_view name;  // "micro.interval" is `interval` in the `[micro]` table
  ConfigType type = ConfigType::kBool;
  std::string_view default_value;  // in text form: "20m", "true", "3", "auto"
  int64_t min_int = 0;             // kInt: inclusive bounds
  int64_t max_int = 0;
  Duration min_duration{};  // kDuration: inclusive bounds
  Duration max_duration{};
  std::vector<std::string_view> choices;  // kEnum; kWordList when not empty
  std::string_view description;           // one line, for the docs and the views
  // The organisation's to set: only the site file and policy files may set
  // it; the user's file and `config.set` are refused (fleet reporting).
  bool system_only = false;
};

// Why a system_only key is refused in the user's file and by config.set.
inline constexpr std::string_view kSystemOnlyMessage =
    "set by your organisation's policy only (the site file or policy.d)";

// A value of a key: bool for kBool, int64_t for kInt, Duration for
// kDuration, and the text for kEnum, kSchedule (as written, checked by
// WorkSchedule::parse), kClockTime ("HH:MM"), kWordList (normalised:
// "a,b" without spaces or empty words) and kPath.
using ConfigValue = std::variant<bool, int64_t, Duration, std::string>;

// Every key, in the order the documentation lists them.
const std::vector<KeyDef>& config_keys();
// The key called `name`, or nullptr.
const KeyDef* find_config_key(std::string_view name);

// What a value of `def` must look like, for messages and the docs:
// `a duration like "20m" from 1m to 4h`, `an integer from 0 to 20`.
std::string describe_expected(const KeyDef& def);

// Reads a value of `def` from its text form (as default_value and `limberctl
// config set` write it: 20m, true, 3, auto) and checks its range. On failure
// returns false and fills *err with "expected …, got …".
bool parse_config_value(const KeyDef& def, std::string_view text, ConfigValue* out,
                        std::string* err);

// The words of a kWordList value: "band, dumbbells" gives {"band", "dumbbells"};
// spaces around words and empty words are dropped.
std::vector<std::string> split_word_list(std::string_view text);

// The text form of a value: format_duration for durations, "true"/"false",
// decimal integers, the text itself for strings.
std::string config_value_text(const ConfigValue& value);

// The Markdown reference table of every key, as it stands between the
// `<!-- keys:begin -->` and `<!-- keys:end -->` markers in docs/configuration.md.
std::string render_config_reference();

}  // namespace limber
