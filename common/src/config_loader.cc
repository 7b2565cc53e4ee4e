// Reading the configuration layers from disk (see config.h for the rules).
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "config_entries.h"
#include "config_toml_reader.h"
#include "limber/config.h"
#include "policy_files.h"

namespace limber {
namespace {

using Severity = ConfigDiagnostic::Severity;

}  // namespace

ConfigPaths default_config_paths() {
  ConfigPaths paths;
  // LIMBER_SYSCONFDIR moves /etc for tests and staged installs (see config.h).
  std::string sysconfdir = "/etc";
  if (const char* dir = std::getenv("LIMBER_SYSCONFDIR"); dir && dir[0] == '/') sysconfdir = dir;
  paths.site_file = sysconfdir + "/limber/limber.toml";
  paths.policy_dir = sysconfdir + "/limber/policy.d";
  // A staged tree belongs to whoever staged it; trusting them grants
  // nothing, as config.h says.
  if (sysconfdir != "/etc" && ::getuid() != 0) paths.policy_owners.push_back(::getuid());
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  if (xdg && xdg[0] == '/') {
    paths.user_file = std::string(xdg) + "/limber/limber.toml";
  } else if (home && home[0] != '\0') {
    paths.user_file = std::string(home) + "/.config/limber/limber.toml";
  }
  const char* state = std::getenv("XDG_STATE_HOME");
  if (state && state[0] == '/') {
    paths.policy_cache_dir = std::string(state) + "/limber/policy-copies";
  } else if (home && home[0] == '/') {
    paths.policy_cache_dir = std::string(home) + "/.local/state/limber/policy-copies";
  }
  return paths;
}

ConfigLoader::ConfigLoader(ConfigPaths paths) : paths_(std::move(paths)) {}

ConfigLoader::FileSettings ConfigLoader::settings_of(const std::string& path,
                                                     const std::vector<TomlEntry>& entries,
                                                     ConfigLayer layer,
                                                     const FileSettings* previous,
                                                     std::vector<ConfigDiagnostic>* diags) {
  const bool policy = layer == ConfigLayer::kPolicy;
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
  return fresh;
}

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

  *out = settings_of(path, entries, layer, previous, diags);
  last_good_[path] = *out;
  return true;
}

void ConfigLoader::apply_policy(const std::string& path, const FileSettings& policy, const Config& managed,
                                Config* config) {
  const std::vector<KeyDef>& keys = config_keys();
  for (size_t i = 0; i < keys.size(); ++i) {
    const std::string key(keys[i].name);
    const auto value = policy.values.find(key);
    const bool names = std::find(policy.locked_without_value.begin(), policy.locked_without_value.end(), key) !=
                       policy.locked_without_value.end();
    if (value != policy.values.end()) config->set(i, value->second.value, {ConfigLayer::kPolicy, path, value->second.line, ""});
    if (value == policy.values.end() && !names) continue;
    // A bad value keeps what an earlier policy file locked; otherwise the
    // key is locked at the managed layers' value, never at the user's.
    if (names && config->entries_[i].locked) continue;
    if (names) {
      const Config::Entry& base = managed.entries_[i];
      config->set(i, base.value, base.source);
    }
    config->entries_[i].locked = true;
    config->entries_[i].locked_by = path;
  }
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

  PolicyListing listing = list_policy_files(diags);
  if (listing.unknown) apply_policy(paths_.policy_dir, lock_everything(), managed, &config);
  for (const std::string& path : listing.files) {
    FileSettings policy;
    if (read_policy_file(path, listing.dir_trusted, &policy, diags)) apply_policy(path, policy, managed, &config);
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
