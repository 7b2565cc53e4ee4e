// Reading the configuration layers from disk (see config.h for the rules).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "config_toml_reader.h"
#include "limber/config.h"

namespace limber {
namespace {

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

// Unknown-key warnings and value errors are found in two passes; a reader
// wants them in file order.
void sort_by_line(std::vector<ConfigDiagnostic>* diags, size_t from) {
  std::stable_sort(
      diags->begin() + static_cast<std::ptrdiff_t>(from), diags->end(),
      [](const ConfigDiagnostic& a, const ConfigDiagnostic& b) { return a.line < b.line; });
}

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

// One setting of a known key in a file, and whether its value fits.
struct CheckedEntry {
  const KeyDef* def = nullptr;
  int line = 0;
  int column = 0;
  ConfigValue value;
  std::string problem;  // empty when the value fits
};

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

}  // namespace

ConfigPaths default_config_paths() {
  ConfigPaths paths;
  // LIMBER_SYSCONFDIR moves /etc for tests and staged installs (see config.h).
  std::string sysconfdir = "/etc";
  if (const char* dir = std::getenv("LIMBER_SYSCONFDIR"); dir && dir[0] == '/') sysconfdir = dir;
  paths.site_file = sysconfdir + "/limber/limber.toml";
  paths.policy_dir = sysconfdir + "/limber/policy.d";
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  if (xdg && xdg[0] == '/') {
    paths.user_file = std::string(xdg) + "/limber/limber.toml";
  } else if (home && home[0] != '\0') {
    paths.user_file = std::string(home) + "/.config/limber/limber.toml";
  }
  return paths;
}

ConfigLoader::ConfigLoader(ConfigPaths paths) : paths_(std::move(paths)) {}

bool ConfigLoader::read_layer_file(const std::string& path, ConfigLayer layer, FileSettings* out,
                                   std::vector<ConfigDiagnostic>* diags) {
  const bool policy = layer == ConfigLayer::kPolicy;
  const auto previous_it = last_good_.find(path);
  const FileSettings* previous = previous_it == last_good_.end() ? nullptr : &previous_it->second;

  std::vector<TomlEntry> entries;
  TomlFileError error;
  if (!read_toml_file(path, &entries, &error)) {
    if (error.missing) {
      last_good_.erase(path);
      return false;
    }
    std::string consequence;
    if (previous) {
      consequence = policy ? "; its last good settings and locks stay in force"
                           : "; the last good settings from this file stay in force";
    } else {
      consequence = "; no settings from this file apply";
    }
    report(diags, Severity::kError, path, error.line, error.column, "",
           error.message + consequence);
    if (!previous) return false;
    *out = *previous;
    return true;
  }

  const size_t first_diag = diags ? diags->size() : 0;
  FileSettings fresh;
  for (CheckedEntry& c : check_entries(path, entries, diags)) {
    const std::string key(c.def->name);
    if (c.problem.empty()) {
      fresh.values[key] = {std::move(c.value), c.line};
      continue;
    }
    const FileSettings::Value* kept = nullptr;
    if (previous) {
      const auto it = previous->values.find(key);
      if (it != previous->values.end()) kept = &it->second;
    }
    if (kept) {
      c.problem += policy ? "; the key stays locked at its last good value "
                          : "; keeping the last good value ";
      c.problem += config_value_text(kept->value);
      fresh.values[key] = {kept->value, c.line};
    } else if (policy) {
      c.problem += "; the key stays locked at an earlier policy's, the site or the built-in value";
      fresh.locked_without_value.push_back(key);
    } else {
      c.problem += "; the value from the layers below stays in force";
    }
    report(diags, Severity::kError, path, c.line, c.column, key, std::move(c.problem));
  }
  if (diags) sort_by_line(diags, first_diag);
  last_good_[path] = fresh;
  *out = std::move(fresh);
  return true;
}

std::vector<std::string> ConfigLoader::list_policy_files(std::vector<ConfigDiagnostic>* diags) {
  namespace fs = std::filesystem;
  if (paths_.policy_dir.empty()) return {};
  std::error_code ec;
  std::vector<std::string> files;
  fs::directory_iterator it(paths_.policy_dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    // Dot files are editor leftovers (".#10-site.toml"); only *.toml count.
    if (name.starts_with(".") || p.extension() != ".toml") continue;
    std::error_code type_ec;
    if (fs::is_directory(it->status(type_ec))) continue;
    files.push_back(p.string());
  }
  if (ec == std::errc::no_such_file_or_directory) {
    files.clear();
  } else if (ec) {
    // Not knowing which policies exist must not unlock anything.
    report(diags, Severity::kError, paths_.policy_dir, 0, 0, "",
           "cannot list the policy directory: " + ec.message() +
               "; the last policy files stay in force");
    return last_policy_files_;
  }
  std::sort(files.begin(), files.end());
  last_policy_files_ = files;
  return files;
}

Config ConfigLoader::load(std::vector<ConfigDiagnostic>* diags) {
  Config config;
  const std::vector<KeyDef>& keys = config_keys();
  auto apply = [&](const std::string& path, ConfigLayer layer, const FileSettings& file) {
    for (size_t i = 0; i < keys.size(); ++i) {
      const auto it = file.values.find(std::string(keys[i].name));
      if (it != file.values.end())
        config.set(i, it->second.value, {layer, path, it->second.line, ""});
    }
  };

  FileSettings site;
  if (!paths_.site_file.empty() &&
      read_layer_file(paths_.site_file, ConfigLayer::kSite, &site, diags)) {
    apply(paths_.site_file, ConfigLayer::kSite, site);
  }
  // What the administrator's layers say, for policy keys with a bad value.
  const Config managed = config;

  FileSettings user;
  const bool have_user = !paths_.user_file.empty() &&
                         read_layer_file(paths_.user_file, ConfigLayer::kUser, &user, diags);
  if (have_user) {
    // Keys only the organisation may set (fleet reporting) are refused here.
    for (auto it = user.values.begin(); it != user.values.end();) {
      const KeyDef* def = find_config_key(it->first);
      if (def == nullptr || !def->system_only) {
        ++it;
        continue;
      }
      report(diags, Severity::kError, paths_.user_file, it->second.line, 0, it->first,
             std::string(kSystemOnlyMessage) + "; this setting is not in force");
      it = user.values.erase(it);
    }
    apply(paths_.user_file, ConfigLayer::kUser, user);
  }

  for (const std::string& path : list_policy_files(diags)) {
    FileSettings policy;
    if (!read_layer_file(path, ConfigLayer::kPolicy, &policy, diags)) continue;
    apply(path, ConfigLayer::kPolicy, policy);
    for (size_t i = 0; i < keys.size(); ++i) {
      const std::string key(keys[i].name);
      const bool sets = policy.values.count(key) > 0;
      const bool names =
          std::find(policy.locked_without_value.begin(), policy.locked_without_value.end(), key) !=
          policy.locked_without_value.end();
      if (!sets && !names) continue;
      // A bad value keeps what an earlier policy file locked; otherwise the
      // key is locked at the managed layers' value, never at the user's.
      if (names && config.entries_[i].locked) continue;
      if (names) {
        const Config::Entry& base = managed.entries_[i];
        config.set(i, base.value, base.source);
      }
      config.entries_[i].locked = true;
      config.entries_[i].locked_by = path;
    }
  }

  if (have_user) {
    for (size_t i = 0; i < keys.size(); ++i) {
      const auto it = user.values.find(std::string(keys[i].name));
      if (it == user.values.end() || !config.entries_[i].locked) continue;
      report(diags, Severity::kWarning, paths_.user_file, it->second.line, 0, it->first,
             "locked by policy " + config.entries_[i].locked_by + "; this setting is not in force");
    }
  }
  return config;
}

Status validate_config_file(const std::string& path, std::vector<ConfigDiagnostic>* diags) {
  std::vector<ConfigDiagnostic> found;
  std::vector<TomlEntry> entries;
  TomlFileError error;
  const bool parsed = read_toml_file(path, &entries, &error);
  if (!parsed) {
    report(&found, Severity::kError, path, error.line, error.column, "", error.message);
  } else {
    for (CheckedEntry& c : check_entries(path, entries, &found)) {
      if (!c.problem.empty())
        report(&found, Severity::kError, path, c.line, c.column, std::string(c.def->name),
               c.problem);
    }
  }
  sort_by_line(&found, 0);
  const auto errors = std::count_if(found.begin(), found.end(), [](const ConfigDiagnostic& d) {
    return d.severity == Severity::kError;
  });
  if (diags) diags->insert(diags->end(), found.begin(), found.end());
  if (errors == 0) return Status::ok();
  const std::string summary =
      path + ": " + std::to_string(errors) + (errors == 1 ? " error" : " errors");
  // A file that cannot be read is an I/O problem; anything else is the content's.
  if (!parsed && error.line == 0) return Status::io(summary + " (" + error.message + ")");
  return Status::invalid(summary);
}

}  // namespace limber
