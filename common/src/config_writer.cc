#include "limber/config_writer.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "config_text_edit.h"
#include "config_toml_reader.h"
#include "limber/atomic_file.h"
#include "limber/config_keys.h"

namespace limber {
namespace {


std::string toml_value(const KeyDef& def, const ConfigValue& value) {
  if (def.type == ConfigType::kBool || def.type == ConfigType::kInt) return config_value_text(value);
  return toml_basic_string(config_value_text(value));
}

// What a parsed file holds, by dotted key: kind and value as written.
using Contents = std::map<std::string, std::pair<TomlValue::Kind, std::string>>;

Contents contents_of(const std::vector<TomlEntry>& entries) {
  Contents c;
  for (const TomlEntry& e : entries) c[e.key] = {e.value.kind, e.value.as_written};
  return c;
}

// The old contents with `key` set to `value`: an empty table that held
// nothing but now holds the key is no longer an entry of its own.
Contents expected_contents(Contents old, const std::string& key, const TomlValue& value) {
  for (auto it = old.begin(); it != old.end();) {
    const bool enclosing = it->second.first == TomlValue::Kind::kTable &&
                           key.starts_with(it->first + ".");
    it = enclosing ? old.erase(it) : std::next(it);
  }
  old[key] = {value.kind, value.as_written};
  return old;
}

Status make_parent_dirs(const std::string& path) {
  for (size_t slash = path.find('/', 1); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    const std::string dir = path.substr(0, slash);
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
      return Status::io("cannot create " + dir + ": " + std::strerror(errno));
    }
  }
  return Status::ok();
}

// The file a write to `path` must replace: the target of a symbolic link.
std::string write_target(const std::string& path) {
  char* real = ::realpath(path.c_str(), nullptr);
  if (real == nullptr) return path;  // missing: created as named
  std::string target(real);
  std::free(real);
  return target;
}

}  // namespace

Status set_config_value_in_text(std::string_view text, const std::string& source,
                                std::string_view key, std::string_view value_text,
                                std::string* edited, std::string* saved) {
  const KeyDef* def = find_config_key(key);
  if (def == nullptr)
    return Status::error(Status::Code::kNotFound, "no setting '" + std::string(key) + "'");
  ConfigValue value;
  std::string err;
  if (!parse_config_value(*def, value_text, &value, &err)) {
    return Status::invalid(std::string(key) + ": " + err);
  }
  std::vector<TomlEntry> entries;
  std::vector<TomlInlineTable> inline_tables;
  TomlFileError error;
  if (!parse_toml_text(text, source, &entries, &error, &inline_tables)) {
    return Status::precondition(source + ":" + std::to_string(error.line) + ": " + error.message +
                                "; nothing was changed (fix the file first; `limberctl config "
                                "validate " + source + "` lists its problems)");
  }
  const std::string value_toml = toml_value(*def, value);
  std::vector<TomlEntry> probe;
  if (!parse_toml_text("v = " + value_toml, "value", &probe, &error) || probe.size() != 1) {
    return Status::error(Status::Code::kInternal, "cannot write " + value_toml + " as TOML");
  }
  const Contents want = expected_contents(contents_of(entries), std::string(key), probe[0].value);

  std::string refusal;
  const std::vector<std::string> candidates =
      toml_edit_candidates(text, {key, value_toml}, entries, inline_tables, &refusal);
  for (const std::string& candidate : candidates) {
    std::vector<TomlEntry> after;
    if (!parse_toml_text(candidate, source, &after, &error)) continue;
    if (contents_of(after) != want) continue;
    *edited = candidate;
    if (saved) *saved = config_value_text(value);
    return Status::ok();
  }
  if (refusal.empty()) {
    refusal = "cannot add it without changing other settings in the file; add `" +
              std::string(key) + " = " + value_toml + "` by hand";
  }
  return Status::precondition(source + ": " + std::string(key) + ": " + refusal +
                              "; nothing was changed");
}

Status set_config_value_in_file(const std::string& path, std::string_view key,
                                std::string_view value_text, std::string* saved) {
  const std::string target = write_target(path);
  std::string text;
  mode_t mode = 0644;
  {
    std::ifstream in(target, std::ios::binary);
    if (!in && errno != ENOENT)
      return Status::io("cannot read " + target + ": " + std::strerror(errno));
    if (in) {
      std::ostringstream content;
      content << in.rdbuf();
      if (in.bad()) return Status::io("cannot read " + target);
      text = content.str();
      struct stat st {};
      if (::stat(target.c_str(), &st) == 0) mode = st.st_mode & 07777;
    }
  }
  std::string edited;
  if (Status st = set_config_value_in_text(text, target, key, value_text, &edited, saved); !st)
    return st;
  if (Status st = make_parent_dirs(target); !st) return st;
  std::string err;
  if (!report::write_file_atomically(target, edited, mode, &err)) {
    return Status::io("cannot replace " + target + ": " + err);
  }
  return Status::ok();
}

}  // namespace limber
