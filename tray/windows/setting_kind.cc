#include "setting_kind.h"

#include <cstdio>

namespace limber::tray {

namespace {

bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

// The non-empty "quoted" words in `text`, in order.
std::vector<std::string> quoted_words(const std::string& text) {
  std::vector<std::string> words;
  size_t pos = 0;
  while ((pos = text.find('"', pos)) != std::string::npos) {
    const size_t end = text.find('"', pos + 1);
    if (end == std::string::npos) break;
    if (end > pos + 1) words.push_back(text.substr(pos + 1, end - pos - 1));
    pos = end + 1;
  }
  return words;
}

}  // namespace

SettingKind setting_kind_from_expected(const std::string& expected) {
  SettingKind kind;
  if (expected == "true or false") {
    kind.control = SettingControl::kCheckBox;
  } else if (starts_with(expected, "one of")) {
    kind.control = SettingControl::kChoice;
    kind.choices = quoted_words(expected);
  } else if (starts_with(expected, "a comma-separated list of ids")) {
    kind.control = SettingControl::kIdList;
  } else if (starts_with(expected, "a comma-separated list of")) {
    kind.control = SettingControl::kWordChecks;
    kind.choices = quoted_words(expected);
  } else if (starts_with(expected, "a duration")) {
    kind.control = SettingControl::kDuration;
  } else if (long lo = 0, hi = 0; std::sscanf(expected.c_str(), "an integer from %ld to %ld", &lo, &hi) == 2) {
    kind.control = SettingControl::kInteger;
    kind.min_int = lo;
    kind.max_int = hi;
  }
  if ((kind.control == SettingControl::kChoice || kind.control == SettingControl::kWordChecks) &&
      kind.choices.empty()) {
    kind.control = SettingControl::kText;  // metadata we cannot read: let the user type
  }
  return kind;
}

std::vector<std::string> split_word_list(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    const size_t b = word.find_first_not_of(" \t");
    const size_t e = word.find_last_not_of(" \t");
    if (b != std::string::npos) words.push_back(word.substr(b, e - b + 1));
    word.clear();
  };
  for (char c : text) {
    if (c == ',') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return words;
}

std::string join_word_list(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& w : words) text += (text.empty() ? "" : ",") + w;
  return text;
}

}  // namespace limber::tray
