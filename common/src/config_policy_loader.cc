// Reading policy.d, failing closed (the rules are in config.h).
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "config_entries.h"
#include "config_toml_reader.h"
#include "limber/config.h"
#include "policy_files.h"

namespace limber {
namespace {

namespace fs = std::filesystem;
using Severity = ConfigDiagnostic::Severity;

const char* const kLockedBelow = "locked at the site or built-in value";

}  // namespace

std::string policy_path_problem(const std::string& path, const std::vector<uid_t>& owners) {
  std::string why;
  return policy_path_trusted(path, owners, &why) ? std::string() : why;
}

ConfigLoader::FileSettings ConfigLoader::lock_everything() {
  FileSettings all;
  for (const KeyDef& def : config_keys()) all.locked_without_value.emplace_back(def.name);
  return all;
}

// What a policy file that cannot be used still locks, best first; says
// which in *consequence. `names` are its entries when it parsed (it was
// refused), else null.
bool ConfigLoader::fall_back(const std::string& path, const std::vector<TomlEntry>* names,
                             FileSettings* out, std::string* consequence) {
  if (const auto it = last_good_.find(path); it != last_good_.end()) {
    *out = it->second;
    *consequence = "its last good settings and locks stay in force";
    return true;
  }
  const PolicyCopies copies(paths_.policy_cache_dir);
  if (copies.enabled()) {
    const std::string copy = copies.copy_of(path);
    std::string text;
    std::string err;
    bool missing = false;
    std::vector<TomlEntry> entries;
    TomlFileError error;
    if (read_whole_file(copy, &text, &missing, &err) &&
        parse_toml_text(text, copy, &entries, &error)) {
      *out = settings_of(path, entries, ConfigLayer::kPolicy, nullptr, nullptr);
      last_good_[path] = *out;
      *consequence = "the settings and locks of its last good copy (" + copy + ") stay in force";
      return true;
    }
  }
  *out = FileSettings{};
  if (names) {
    for (const TomlEntry& e : *names) {
      if (const KeyDef* def = find_config_key(e.key)) out->locked_without_value.emplace_back(def->name);
    }
    *consequence = "the keys it names stay " + std::string(kLockedBelow);
    return true;
  }
  *out = lock_everything();
  *consequence = "no good copy of it is known, so every setting is " + std::string(kLockedBelow) +
                 " until it can be read";
  return true;
}

bool ConfigLoader::read_policy_file(const std::string& path, bool dir_trusted, FileSettings* out,
                                    std::vector<ConfigDiagnostic>* diags) {
  std::string text;
  std::string problem;
  bool missing = false;
  const bool readable = read_whole_file(path, &text, &missing, &problem);
  if (missing && dir_trusted) {
    last_good_.erase(path);
    return false;
  }
  if (missing) problem = "missing from a policy directory others can write";
  std::vector<TomlEntry> entries;
  TomlFileError error;
  const bool parsed = readable && parse_toml_text(text, path, &entries, &error);
  if (readable && !parsed) problem = error.message;
  std::string distrust;
  const bool trusted =
      dir_trusted && policy_path_trusted(path, paths_.policy_owners, &distrust);
  if (parsed && trusted) {
    const auto previous = last_good_.find(path);
    *out = settings_of(path, entries, ConfigLayer::kPolicy,
                       previous == last_good_.end() ? nullptr : &previous->second, diags);
    last_good_[path] = *out;
    std::string err;
    if (!PolicyCopies(paths_.policy_cache_dir).keep(path, text, &err)) {
      report(diags, Severity::kWarning, path, 0, 0, "",
             "cannot keep a copy of this policy (" + err +
                 "); if it later cannot be read, every setting will be locked");
    }
    return true;
  }
  if (parsed) {
    problem = "refused: " + (dir_trusted ? "the file is " + distrust
                                         : std::string("its directory is not safe (see above)"));
  }
  std::string consequence;
  fall_back(path, parsed ? &entries : nullptr, out, &consequence);
  report(diags, Severity::kError, path, parsed ? 0 : error.line, parsed ? 0 : error.column, "",
         problem + "; " + consequence);
  return true;
}

ConfigLoader::PolicyListing ConfigLoader::list_policy_files(
    std::vector<ConfigDiagnostic>* diags) {
  PolicyListing listing;
  if (paths_.policy_dir.empty()) return listing;
  const PolicyCopies copies(paths_.policy_cache_dir);
  std::error_code ec;
  if (fs::status(paths_.policy_dir, ec).type() == fs::file_type::not_found) {
    copies.forget_all_but({});  // no policy.d: no policies, nothing to keep
    last_policy_files_.clear();
    return listing;
  }
  std::string why;
  if (!policy_path_trusted(paths_.policy_dir, paths_.policy_owners, &why)) {
    listing.dir_trusted = false;
    report(diags, Severity::kError, paths_.policy_dir, 0, 0, "",
           "policy directory refused: it is " + why +
               "; the files in it are not trusted and their keys stay locked");
  }
  fs::directory_iterator it(paths_.policy_dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    // Dot files are editor leftovers (".#10-site.toml"); only *.toml count.
    if (name.starts_with(".") || p.extension() != ".toml") continue;
    std::error_code type_ec;
    if (fs::is_directory(it->status(type_ec))) continue;
    listing.files.push_back(p.string());
  }
  const bool listed = !ec;
  // Not knowing which policies exist must not unlock anything.
  if (!listed) listing.files = last_policy_files_;
  if (!listed || !listing.dir_trusted) {
    // Files someone could have removed, or cannot see, keep their copies.
    for (const std::string& name : copies.names()) {
      const std::string path = (fs::path(paths_.policy_dir) / name).string();
      if (std::find(listing.files.begin(), listing.files.end(), path) == listing.files.end())
        listing.files.push_back(path);
    }
    listing.unknown = !listed && listing.files.empty();
  } else {
    copies.forget_all_but(listing.files);
  }
  std::sort(listing.files.begin(), listing.files.end());
  if (listed) last_policy_files_ = listing.files;
  if (!listed) {
    report(diags, Severity::kError, paths_.policy_dir, 0, 0, "",
           "cannot list the policy directory: " + ec.message() +
               (listing.unknown ? "; no earlier listing or copy says which policies it holds, so "
                                  "every setting is " + std::string(kLockedBelow) +
                                      " until it can be read"
                                : "; the policy files known before, or their copies, stay in "
                                  "force"));
  }
  return listing;
}

}  // namespace limber
