// Checking one file's entries against the key table (config_entries.h).
#include "config_entries.h"

#include <algorithm>

namespace limber {

using Severity = ConfigDiagnostic::Severity;

void report(std::vector<ConfigDiagnostic>* diags, Severity severity, const std::string& file,
            int line, int column, std::string key, std::string message) {
  if (!diags) return;
  ConfigDiagnostic d;
  d.file = file;
  d.line = line;
  d.column = column;
  d.key = std::move(key);
  d.message = std::move(message);
  d.severity = severity;
  diags->push_back(std::move(d));
}

void sort_by_line(std::vector<ConfigDiagnostic>* diags, size_t from) {
  std::stable_sort(
      diags->begin() + static_cast<std::ptrdiff_t>(from), diags->end(),
      [](const ConfigDiagnostic& a, const ConfigDiagnostic& b) { return a.line < b.line; });
}

namespace {

bool is_string_type(ConfigType type) {
  return type != ConfigType::kBool && type != ConfigType::kInt;
}

// Converts one value from a file for `def`, or says what was expected.
bool convert(const KeyDef& def, const TomlValue& v, ConfigValue* out, std::string* problem) {
  using Kind = TomlValue::Kind;
  if (v.kind == Kind::kString && is_string_type(def.type))
    return parse_config_value(def, v.string, out, problem);
  if (v.kind == Kind::kInteger && def.type == ConfigType::kInt) {
    return parse_config_value(def, std::to_string(v.integer), out, problem);
  }
  if (v.kind == Kind::kBoolean && def.type == ConfigType::kBool) {
    *out = v.boolean;
    return true;
  }
  *problem = "expected " + describe_expected(def) + ", got " + v.as_written;
  ConfigValue unquoted;
  if (def.type == ConfigType::kDuration && (v.kind == Kind::kInteger || v.kind == Kind::kFloat)) {
    *problem +=
        " (a duration is a string with a unit, like \"" + std::string(def.default_value) + "\")";
  } else if (v.kind == Kind::kString && parse_config_value(def, v.string, &unquoted, nullptr)) {
    *problem += " (write it without quotes)";
  }
  return false;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string unknown_key_message(std::string_view key) {
  const KeyDef* best = nullptr;
  size_t best_distance = 4;  // further than this is not a typo
  for (const KeyDef& def : config_keys()) {
    const size_t d = edit_distance(key, def.name);
    if (d < best_distance) {
      best = &def;
      best_distance = d;
    }
  }
  std::string message = "unknown key, ignored";
  if (best) message += " (did you mean " + std::string(best->name) + "?)";
  return message;
}

// A known key that `key` lies inside, as "micro.interval" for
// "micro.interval.x" (the file made a table of a plain setting).
const KeyDef* enclosing_key(std::string_view key) {
  for (size_t dot = key.rfind('.'); dot != std::string_view::npos && dot > 0;
       dot = key.rfind('.', dot - 1)) {
    if (const KeyDef* def = find_config_key(key.substr(0, dot))) return def;
  }
  return nullptr;
}

bool is_section(std::string_view name) {
  for (const KeyDef& def : config_keys()) {
    if (def.name.size() > name.size() && def.name.starts_with(name) && def.name[name.size()] == '.')
      return true;
  }
  return false;
}

}  // namespace

// Checks the entries of one parsed file against config_keys(). Unknown keys
// are reported here as warnings; bad values come back with their problem so
// that the caller can say what happens instead.
std::vector<CheckedEntry> check_entries(const std::string& path,
                                        const std::vector<TomlEntry>& entries,
                                        std::vector<ConfigDiagnostic>* diags) {
  std::vector<CheckedEntry> checked;
  for (const TomlEntry& entry : entries) {
    CheckedEntry c;
    c.line = entry.line;
    c.column = entry.column;
    if ((c.def = find_config_key(entry.key))) {
      convert(*c.def, entry.value, &c.value, &c.problem);
    } else if ((c.def = enclosing_key(entry.key))) {
      const bool seen = std::any_of(checked.begin(), checked.end(),
                                    [&](const CheckedEntry& o) { return o.def == c.def; });
      if (seen) continue;
      c.problem = "expected " + describe_expected(*c.def) + ", got a table";
    } else {
      if (entry.value.kind != TomlValue::Kind::kTable || !is_section(entry.key)) {
        report(diags, Severity::kWarning, path, entry.line, entry.column, entry.key,
               unknown_key_message(entry.key));
      }
      continue;
    }
    checked.push_back(std::move(c));
  }
  return checked;
}

}  // namespace limber
