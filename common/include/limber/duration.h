// Durations as people write them in configuration and on the command line.
//
// Text form: one or more <number><unit> parts, largest unit first, each unit
// at most once: "30s", "20m", "1h30m", "90s", "1h 30m", "1s500ms", "2d". Units
// are d (24 hours), h, m, s and ms. Numbers are plain non-negative integers; "0s" is zero.
// No unit means no duration: "20" is rejected, because a bare number would
// leave the reader guessing between seconds and minutes.
//
// Used by the config loader, limberctl and the tray; pure functions, safe
// from any thread.
#pragma once

#include <string>
#include <string_view>

#include "limber/clock.h"

namespace limber {

// Parses `text` into *out. On failure returns false, leaves *out alone and
// says what is wrong in *err (if err is not null).
bool parse_duration(std::string_view text, Duration* out, std::string* err);

// The shortest text form, which parse_duration() reads back to the same
// value: 0 -> "0s", 90 s -> "1m30s", 5400 s -> "1h30m", 1.5 s -> "1s500ms",
// 36 h -> "1d12h".
// REQUIRES: d >= 0.
std::string format_duration(Duration d);

// The form a settings window shows: "5 min", "6 h", "1 h 30 min", "45 s",
// "2 d". Milliseconds are left out (no setting a person edits has them).
std::string format_duration_natural(Duration d);

// Reads what a person types into such a field: the natural form above, the
// text form ("1h30m"), and unit words ("5 minutes", "2 hours", "90 sec",
// "1 day"), with or without spaces. Fails like parse_duration.
bool parse_duration_natural(std::string_view text, Duration* out, std::string* err);

}  // namespace limber
