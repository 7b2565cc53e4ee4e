// Property: for any valid user file (dotted keys, [tables], inline tables,
// comments, arrays, unknown keys, CRLF), setting one key gives a file that
// the real loader reads as the old settings plus exactly that change, with
// every other line as it was.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "limber/config.h"
#include "limber/config_writer.h"
#include "limber/duration.h"

namespace limber {
namespace {

namespace fs = std::filesystem;

constexpr int kCases = 3000;

struct Generator {
  std::mt19937 rng;
  std::string eol = "\n";

  bool chance(int percent) { return static_cast<int>(rng() % 100) < percent; }
  template <typename T>
  const T& pick(const std::vector<T>& v) { return v[rng() % v.size()]; }

  // A valid value of `def` in text form ("25m", "true").
  std::string value_text(const KeyDef& def) {
    switch (def.type) {
      case ConfigType::kBool:
        return chance(50) ? "true" : "false";
      case ConfigType::kInt:
        return std::to_string(def.min_int + static_cast<int64_t>(rng() % 5));
      case ConfigType::kDuration:
        return pick(std::vector<std::string>{format_duration(def.min_duration),
                                             format_duration(def.max_duration),
                                             std::string(def.default_value)});
      case ConfigType::kEnum:
        return std::string(pick(def.choices));
      case ConfigType::kSchedule:
        return chance(50) ? "always" : "mon-fri 09:00-17:30";
      case ConfigType::kClockTime:
        return chance(50) ? "04:00" : "23:59";
      case ConfigType::kWordList:
        return def.choices.empty() ? "" : std::string(def.choices[0]);
      case ConfigType::kPath:
        return "/var/tmp";
    }
    return "";
  }
  std::string toml(const KeyDef& def, const std::string& text) {
    if (def.type == ConfigType::kBool || def.type == ConfigType::kInt) return text;
    return chance(20) ? "'" + text + "'" : "\"" + text + "\"";
  }
  std::string name(std::string_view n) { return chance(15) ? "\"" + std::string(n) + "\"" : std::string(n); }
  std::string comment() { return chance(30) ? "  # note " + std::to_string(rng() % 100) : ""; }
  std::string assign(const std::string& k, const std::string& v) {
    return k + (chance(20) ? "=" : " = ") + v;
  }
  std::string unknown_value() {
    return pick(std::vector<std::string>{"1", "[1, 2, 3]", "[\"a\", 'b']", "{ x = 1 }", "2.5",
                                         "1979-05-27", "[" + eol + "  1," + eol + "  2," + eol + "]"});
  }

  // A valid file: sections as [table]s, top-level dotted keys or inline
  // tables, with comments and keys Limber does not know.
  std::string file() {
    eol = chance(10) ? "\r\n" : "\n";
    std::map<std::string, std::vector<const KeyDef*>> sections;
    for (const KeyDef& def : config_keys()) {
      if (!def.system_only) sections[std::string(def.name.substr(0, def.name.find('.')))].push_back(&def);
    }
    std::string root;
    std::string tables;
    if (chance(30)) root += "# my settings" + eol;
    if (chance(20)) root += assign("theme", "\"dark\"") + comment() + eol;
    for (const auto& [section, defs] : sections) {
      if (!chance(40)) continue;
      std::vector<std::string> pairs;
      for (const KeyDef* def : defs) {
        if (!chance(35)) continue;
        pairs.push_back(assign(name(def->name.substr(section.size() + 1)), toml(*def, value_text(*def))));
      }
      if (chance(10)) pairs.push_back(assign("mine", unknown_value()));
      switch (rng() % 3) {
        case 0:
          tables += (chance(50) ? eol : "") + (chance(30) ? "# " + section + eol : "") + "[" +
                    (chance(10) ? " " + section + " " : section) + "]" + comment() + eol;
          for (const std::string& p : pairs) tables += p + comment() + eol + (chance(10) ? eol : "");
          break;
        case 1:
          for (const std::string& p : pairs) root += section + "." + p + comment() + eol;
          break;
        default: {
          std::string joined;
          for (const std::string& p : pairs) {
            if (p.find('\n') != std::string::npos) continue;  // inline tables are one line
            joined += (joined.empty() ? "" : ", ") + p;
          }
          root += section + " = {" + (joined.empty() ? "" : " " + joined + " ") + "}" + comment() + eol;
        }
      }
    }
    if (chance(30)) tables += eol + "[custom.sub]" + eol + assign("list", unknown_value()) + eol;
    return root + tables;
  }
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  for (char c : text) {
    if (c != '\n') { line += c; continue; }
    lines.push_back(line);
    line.clear();
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// How many lines of `before` and `after` lie between their common first and
// last lines: what the edit changed.
std::pair<size_t, size_t> changed_lines(const std::string& before, const std::string& after) {
  const std::vector<std::string> a = lines_of(before), b = lines_of(after);
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
    ++tail;
  return {a.size() - head - tail, b.size() - head - tail};
}

Config load(const std::string& path, const std::string& text, std::vector<ConfigDiagnostic>* diags) {
  {
    // A new file each time: rewriting one in place makes ext4 flush it
    // (auto_da_alloc), which costs milliseconds per case.
    fs::remove(path);
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  ConfigPaths paths;
  paths.user_file = path;
  ConfigLoader loader(paths);
  return loader.load(diags);
}

TEST(ConfigWriterProperty, SettingOneKeyChangesThatKeyOnlyAndKeepsEveryOtherLine) {
  // Memory-backed when there is one: the real loader reads thousands of files.
  std::error_code ec;
  const fs::path base = fs::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0
                            ? fs::path("/dev/shm")
                            : fs::temp_directory_path();
  std::string pattern = (base / "limber-writer-prop-XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  const std::string path = pattern + "/limber.toml";
  std::vector<const KeyDef*> settable;
  for (const KeyDef& def : config_keys()) {
    if (!def.system_only) settable.push_back(&def);
  }
  Generator gen{std::mt19937(20261202)};
  int failures = 0;
  for (int i = 0; i < kCases && failures < 5; ++i) {
    const std::string before = gen.file();
    const KeyDef& def = *gen.pick(settable);
    const std::string value = gen.value_text(def);
    std::string after, saved;
    const Status st = set_config_value_in_text(before, path, def.name, value, &after, &saved);
    const std::string where = "case " + std::to_string(i) + ", " + std::string(def.name) + " = " +
                              value + ", file:\n" + before;
    if (!st) {
      ADD_FAILURE() << st.message() << "\n" << where;
      ++failures;
      continue;
    }
    std::vector<ConfigDiagnostic> d_before, d_after;
    const Config old_config = load(path, before, &d_before);
    const Config new_config = load(path, after, &d_after);
    ASSERT_TRUE(d_before.empty() || d_before[0].severity == ConfigDiagnostic::Severity::kWarning)
        << "the generator wrote a bad file: " << d_before[0].to_string() << "\n" << where;
    bool ok = d_after.size() == d_before.size() && saved == new_config.value_text(def.name);
    for (const KeyDef& k : config_keys()) {
      if (k.name != def.name) ok = ok && old_config.value_text(k.name) == new_config.value_text(k.name);
    }
    const auto [removed, added] = changed_lines(before, after);
    ok = ok && removed <= 1 && added <= 3;
    if (!ok) {
      ADD_FAILURE() << where << "gave:\n" << after << "(" << d_after.size() << " diagnostics, "
                    << removed << " lines changed into " << added << ")";
      ++failures;
    }
  }
  fs::remove_all(pattern);
}

}  // namespace
}  // namespace limber
