// Limber's layered configuration: the effective settings and how they are
// loaded.
//
// Layers, lowest first (a higher layer overrides a lower one):
//   kDefault  built-in defaults, from config_keys()
//   kSite     /etc/limber/limber.toml
//   kUser     $XDG_CONFIG_HOME/limber/limber.toml (or the daemon's --config FILE)
//   kPolicy   /etc/limber/policy.d/*.toml in lexical order, later files win;
//             every key a policy file sets is locked: no lower layer, and no
//             view, can change it.
// Files are TOML: key micro.interval is `interval` in the `[micro]` table
// (a top-level dotted key `micro.interval = "20m"` works too).
//
// Failure rules: a missing file is simply absent. A file that is not valid
// TOML is reported and its last good content stays in force (a broken user
// file leaves the user's previous settings; a broken policy file keeps its
// locks). A bad value (wrong type, out of range) is an error for that key
// only: the key keeps its last good value from that file, or else the value
// of the layers below; the rest of the file applies. A bad value in a policy
// file still locks the key. Unknown keys are warnings. A system_only key
// (config_keys.h) in the user's file is an error and does not apply.
// Nothing here throws.
//
// Policies fail closed. A policy file is refused when it, or policy.d, is
// not owned by one of ConfigPaths::policy_owners (root) or is writable by
// group or others. A policy file that is refused, cannot be read or does
// not parse keeps, in this order: its last good settings in this process;
// the settings of its last good copy (ConfigPaths::policy_cache_dir, kept
// across restarts); the keys it names now (when refused but readable),
// locked at the site or built-in value; or else every key, locked at the
// site or built-in value, because which keys it would lock is unknown. A
// policy.d that cannot be listed keeps the files of its last listing, or of
// the copies, or else locks every key the same way. Each case is an error
// diagnostic naming the file.
//
// The daemon owns one ConfigLoader and calls load() at start-up and on
// reload; Config is a plain value that may be copied to any thread. A
// ConfigLoader is not thread-safe.
#pragma once

#include <sys/types.h>

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "limber/clock.h"
#include "limber/config_keys.h"
#include "limber/status.h"
#include "limber/work_schedule.h"

namespace limber {

struct TomlEntry;  // config_toml_reader.h, private to limber_common

enum class ConfigLayer { kDefault, kSite, kUser, kPolicy };
// "default", "site", "user", "policy".
std::string_view config_layer_name(ConfigLayer layer);

// One problem found in a configuration file.
struct ConfigDiagnostic {
  enum class Severity { kWarning, kError };

  std::string file;
  int line = 0;  // 1-based; 0 when the problem is the whole file
  int column = 0;
  std::string key;  // empty for syntax and I/O errors
  std::string message;
  Severity severity = Severity::kError;

  // "/home/u/.config/limber/limber.toml:12: micro.interval: expected a
  // duration like \"20m\" from 1m to 4h, got 5 (…)"; warnings read
  // "file:3: warning: micro.intervall: unknown key, ignored (did you mean …)".
  std::string to_string() const;
};

// Where one layer set a key.
struct ConfigSetting {
  ConfigLayer layer = ConfigLayer::kDefault;
  std::string file;  // empty for kDefault
  int line = 0;
  std::string value;  // text form, see config_value_text()
};

// Why a key has its effective value.
struct ConfigExplanation {
  std::string key;
  std::string value;                          // the effective value, text form
  ConfigLayer layer = ConfigLayer::kDefault;  // the layer the value comes from
  std::string file;                           // the file that set it; empty for kDefault
  int line = 0;
  bool locked = false;                    // a policy file sets this key
  std::string locked_by;                  // that policy file (the last one in lexical order)
  std::vector<ConfigSetting> overridden;  // lower settings not in force, lowest first

  // "micro.interval = 25m (user: /home/u/.config/limber/limber.toml:3)",
  // plus "; locked by /etc/limber/policy.d/10-site.toml" when locked.
  std::string to_string() const;
};

// The effective value of every key. Starts as the built-in defaults.
//
// Getters take a key name from config_keys() and the matching type. A wrong
// name or type is a programming error: it aborts with a message, because a
// silently wrong setting is worse (tests catch it on first use).
class Config {
 public:
  Config();

  bool get_bool(std::string_view key) const;
  int64_t get_int(std::string_view key) const;
  Duration get_duration(std::string_view key) const;
  // kEnum, kSchedule (the text as written, already checked), kClockTime ("HH:MM"),
  // kWordList ("a,b": split it with split_word_list()) or kPath.
  const std::string& get_string(std::string_view key) const;
  // kSchedule keys, parsed.
  WorkSchedule get_schedule(std::string_view key) const;
  // kClockTime keys as minutes since local midnight (0 … 1439).
  int get_minute_of_day(std::string_view key) const;

  // The effective value of any key in text form.
  std::string value_text(std::string_view key) const;
  bool is_locked(std::string_view key) const;
  ConfigExplanation explain(std::string_view key) const;

 private:
  friend class ConfigLoader;

  struct Entry {
    ConfigValue value;
    ConfigSetting source;
    bool locked = false;
    std::string locked_by;
    std::vector<ConfigSetting> overridden;
  };

  // Index of `key` in config_keys(); aborts when the key is unknown or, if
  // `types` is not empty, of none of `types`.
  size_t index_of(std::string_view key, std::initializer_list<ConfigType> types = {}) const;
  void set(size_t index, ConfigValue value, ConfigSetting source);

  std::vector<Entry> entries_;  // parallel to config_keys()
};

// Keys whose value or lock differ between a and b, in config_keys() order
// (what a `config.changed` notification carries).
std::vector<std::string> changed_keys(const Config& a, const Config& b);

// Where the layers live. An empty path leaves that layer out.
struct ConfigPaths {
  std::string site_file;
  std::string user_file;
  std::string policy_dir;
  // Where the loader keeps a copy of each policy file that loaded, to keep
  // its locks when the file later cannot be read or parsed, also across
  // restarts (in the user's state dir). Empty: no copies.
  std::string policy_cache_dir;
  // Who may own policy.d and the files in it. A policy file or directory
  // owned by anyone else, or writable by its group or others, is refused
  // (see the failure rules). Empty: not checked (for reading the example
  // files in a source tree).
  std::vector<uid_t> policy_owners = {0};
};

// /etc/limber/limber.toml, $XDG_CONFIG_HOME/limber/limber.toml (falling back
// to $HOME/.config when XDG_CONFIG_HOME is unset, empty or relative, as the
// XDG spec says), /etc/limber/policy.d. The daemon's --config FILE replaces
// user_file.
//
// $LIMBER_SYSCONFDIR, when set to an absolute path, stands in for /etc in
// the site file and the policy directory ($LIMBER_SYSCONFDIR/limber/...), so
// integration tests and staged installs need not write to /etc. It grants
// nothing new: whoever sets a per-user daemon's environment could as well
// start a different program.
ConfigPaths default_config_paths();

class ConfigLoader {
 public:
  explicit ConfigLoader(ConfigPaths paths);

  // (Re)reads every layer and returns the effective configuration. Appends
  // problems to *diags (may be null). Remembers each file's last good
  // settings for the next call (see the failure rules above).
  Config load(std::vector<ConfigDiagnostic>* diags);

  const ConfigPaths& paths() const { return paths_; }

 private:
  // The settings one file contributes, by key.
  struct FileSettings {
    struct Value {
      ConfigValue value;
      int line = 0;
    };
    std::map<std::string, Value> values;
    // Keys a policy file names with a bad value and no last good one: still
    // locked, at an earlier policy file's value or else the site/default one.
    std::vector<std::string> locked_without_value;
  };
  // The policy files to read. `unknown`: which files policy.d holds cannot
  // be known, and no earlier listing or copy says.
  struct PolicyListing {
    std::vector<std::string> files;
    bool dir_trusted = true;
    bool unknown = false;
  };

  // The settings of a parsed file; a bad value keeps its value from
  // *previous (may be null) when it had one.
  FileSettings settings_of(const std::string& path, const std::vector<TomlEntry>& entries,
                           ConfigLayer layer, const FileSettings* previous,
                           std::vector<ConfigDiagnostic>* diags);
  // Reads `path` (the site or user file) into *out, keeping the last good
  // settings on errors. Returns false when the file contributes nothing: it
  // does not exist, or it is broken and was never good.
  bool read_layer_file(const std::string& path, ConfigLayer layer, FileSettings* out,
                       std::vector<ConfigDiagnostic>* diags);
  // Reads one policy file, failing closed (see the failure rules). Returns
  // false only when the file is gone from a trusted policy.d.
  bool read_policy_file(const std::string& path, bool dir_trusted, FileSettings* out,
                        std::vector<ConfigDiagnostic>* diags);
  bool fall_back(const std::string& path, const std::vector<TomlEntry>* names, FileSettings* out,
                 std::string* consequence);
  PolicyListing list_policy_files(std::vector<ConfigDiagnostic>* diags);
  static FileSettings lock_everything();
  // Applies a policy file to `config` and locks the keys it sets or names;
  // a key named with a bad value is locked at `managed` (site or built-in).
  static void apply_policy(const std::string& path, const FileSettings& policy, const Config& managed,
                           Config* config);

  ConfigPaths paths_;
  std::map<std::string, FileSettings> last_good_;  // by path
  std::vector<std::string> last_policy_files_;
};

// Why limberd would refuse `path` (policy.d or a policy file in it) for its
// owner or mode under `owners` (ConfigPaths::policy_owners), e.g. "owned by
// uid 1000 (policy must be owned by root)"; empty when it would not. For
// `limberctl doctor`.
std::string policy_path_problem(const std::string& path, const std::vector<uid_t>& owners);

// Checks one file on its own, as `limberctl config validate FILE` does:
// every problem goes to *diags (may be null). Returns ok when there are no
// errors (warnings allowed), otherwise an error saying how many there are.
Status validate_config_file(const std::string& path, std::vector<ConfigDiagnostic>* diags);

}  // namespace limber
