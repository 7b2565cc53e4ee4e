// The effective configuration and the messages that explain it.
#include "limber/config.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace limber {

std::string_view config_layer_name(ConfigLayer layer) {
  switch (layer) {
    case ConfigLayer::kDefault:
      return "default";
    case ConfigLayer::kSite:
      return "site";
    case ConfigLayer::kUser:
      return "user";
    case ConfigLayer::kPolicy:
      return "policy";
  }
  return "";
}

std::string ConfigDiagnostic::to_string() const {
  std::string text = file;
  if (line > 0) text += ":" + std::to_string(line);
  text += ": ";
  if (severity == Severity::kWarning) text += "warning: ";
  if (!key.empty()) text += key + ": ";
  return text + message;
}

std::string ConfigExplanation::to_string() const {
  std::string text = key + " = " + value + " (" + std::string(config_layer_name(layer));
  if (!file.empty()) text += ": " + file + (line > 0 ? ":" + std::to_string(line) : "");
  text += ")";
  if (locked) text += "; locked by " + locked_by;
  return text;
}

Config::Config() {
  const std::vector<KeyDef>& keys = config_keys();
  entries_.reserve(keys.size());
  for (const KeyDef& def : keys) {
    Entry entry;
    std::string err;
    if (!parse_config_value(def, def.default_value, &entry.value, &err)) {
      // The table in config_keys.cc is wrong; a unit test proves it is not.
      static_cast<void>(std::fprintf(stderr, "limber: bad built-in default for %s: %s\n",
                                     std::string(def.name).c_str(), err.c_str()));
      std::abort();
    }
    entry.source.value = config_value_text(entry.value);
    entries_.push_back(std::move(entry));
  }
}

size_t Config::index_of(std::string_view key, std::initializer_list<ConfigType> types) const {
  const std::vector<KeyDef>& keys = config_keys();
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].name != key) continue;
    if (types.size() == 0 || std::find(types.begin(), types.end(), keys[i].type) != types.end())
      return i;
    break;
  }
  static_cast<void>(std::fprintf(stderr,
                                 "limber: config key '%.*s' is unknown or read as the wrong type\n",
                                 static_cast<int>(key.size()), key.data()));
  std::abort();
}

void Config::set(size_t index, ConfigValue value, ConfigSetting source) {
  Entry& entry = entries_[index];
  source.value = config_value_text(value);
  entry.overridden.push_back(std::move(entry.source));
  entry.value = std::move(value);
  entry.source = std::move(source);
}

bool Config::get_bool(std::string_view key) const {
  return std::get<bool>(entries_[index_of(key, {ConfigType::kBool})].value);
}

int64_t Config::get_int(std::string_view key) const {
  return std::get<int64_t>(entries_[index_of(key, {ConfigType::kInt})].value);
}

Duration Config::get_duration(std::string_view key) const {
  return std::get<Duration>(entries_[index_of(key, {ConfigType::kDuration})].value);
}

const std::string& Config::get_string(std::string_view key) const {
  const size_t i =
      index_of(key, {ConfigType::kEnum, ConfigType::kSchedule, ConfigType::kClockTime,
                     ConfigType::kWordList, ConfigType::kPath});
  return std::get<std::string>(entries_[i].value);
}

WorkSchedule Config::get_schedule(std::string_view key) const {
  WorkSchedule schedule;
  std::string unused;  // stored values passed WorkSchedule::parse when they were loaded
  WorkSchedule::parse(std::get<std::string>(entries_[index_of(key, {ConfigType::kSchedule})].value),
                      &schedule, &unused);
  return schedule;
}

int Config::get_minute_of_day(std::string_view key) const {
  // Stored values are checked "HH:MM".
  const std::string& t =
      std::get<std::string>(entries_[index_of(key, {ConfigType::kClockTime})].value);
  return ((t[0] - '0') * 10 + (t[1] - '0')) * 60 + (t[3] - '0') * 10 + (t[4] - '0');
}

std::string Config::value_text(std::string_view key) const {
  return config_value_text(entries_[index_of(key)].value);
}

bool Config::is_locked(std::string_view key) const {
  return entries_[index_of(key)].locked;
}

ConfigExplanation Config::explain(std::string_view key) const {
  const Entry& entry = entries_[index_of(key)];
  ConfigExplanation e;
  e.key = std::string(key);
  e.value = config_value_text(entry.value);
  e.layer = entry.source.layer;
  e.file = entry.source.file;
  e.line = entry.source.line;
  e.locked = entry.locked;
  e.locked_by = entry.locked_by;
  e.overridden = entry.overridden;
  return e;
}

std::vector<std::string> changed_keys(const Config& a, const Config& b) {
  std::vector<std::string> changed;
  for (const KeyDef& def : config_keys()) {
    if (a.value_text(def.name) != b.value_text(def.name) ||
        a.is_locked(def.name) != b.is_locked(def.name)) {
      changed.emplace_back(def.name);
    }
  }
  return changed;
}

}  // namespace limber
