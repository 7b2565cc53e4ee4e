// SettingKind: which control edits a setting, read from the metadata that
// config.list gives for each key (its "expected" text and its default).
//
// The settings window builds itself from this, so a key the daemon adds
// later (prompt.style, …) gets the right control without a tray change.
// Pure, no wx; threading: none.
#pragma once

#include <string>
#include <vector>

namespace limber::tray {

enum class SettingControl {
  kCheckBox,    // "true or false"
  kChoice,      // "one of \"a\", \"b\""
  kWordChecks,  // "a comma-separated list of \"band\", \"dumbbells\" or \"\""
  kIdList,      // "a comma-separated list of ids …": ids picked from a catalog
  kDuration,    // "a duration like \"20m\" from 1m to 4h"
  kInteger,     // "an integer from 0 to 20"
  kText,        // work hours, a time of day, anything else: free text
};

struct SettingKind {
  SettingControl control = SettingControl::kText;
  std::vector<std::string> choices;  // kChoice, kWordChecks
  long min_int = 0, max_int = 0;     // kInteger
};

SettingKind setting_kind_from_expected(const std::string& expected);

// "a, b,c" → {"a","b","c"}; empty items dropped.
std::vector<std::string> split_word_list(const std::string& text);
std::string join_word_list(const std::vector<std::string>& words);

}  // namespace limber::tray
