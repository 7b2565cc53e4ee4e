// What makes a policy file trustworthy, and the copies of good policy files
// that keep their locks when the file later cannot be read.
//
// Private to limber_common; the config loader is the caller. Not
// thread-safe (the loader is not either).
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace limber {

// Is `path` (a policy file or the policy directory) one the user cannot
// have written: owned by one of `owners` and not writable by group or
// others? An empty `owners` trusts every path. On refusal *why says what is
// wrong ("owned by uid 1000 (policy must be owned by root)", "writable by others (mode 0666)").
bool policy_path_trusted(const std::string& path, const std::vector<uid_t>& owners,
                         std::string* why);

// Reads a regular file whole. On failure returns false, sets *missing when
// it does not exist, and says why in *err.
bool read_whole_file(const std::string& path, std::string* text, bool* missing, std::string* err);

// The copies: one file per policy file name in `dir` (mode 0600, in a 0700
// directory). A disabled cache (empty dir) keeps nothing.
class PolicyCopies {
 public:
  explicit PolicyCopies(std::string dir) : dir_(std::move(dir)) {}

  bool enabled() const { return !dir_.empty(); }
  // Where the copy of `policy_path` is (by its file name).
  std::string copy_of(const std::string& policy_path) const;
  // Keeps `text` as the last good content of `policy_path` (written only
  // when it differs from the copy). False with *err on failure.
  bool keep(const std::string& policy_path, std::string_view text, std::string* err) const;
  // Removes the copies of every policy file not in `current` (paths).
  void forget_all_but(const std::vector<std::string>& current) const;
  // The file names that have copies, sorted.
  std::vector<std::string> names() const;

 private:
  std::string dir_;
};

}  // namespace limber
