#include "policy_files.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "limber/atomic_file.h"

namespace limber {
namespace {

namespace fs = std::filesystem;

std::string octal_mode(mode_t mode) {
  char text[8];
  static_cast<void>(std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777)));
  return text;
}

std::string file_name(const std::string& path) {
  return fs::path(path).filename().string();
}

bool make_private_dir(const std::string& dir, std::string* err) {
  std::string partial;
  for (const auto& part : fs::path(dir).lexically_normal()) {
    partial = (fs::path(partial) / part).string();
    if (part == "/" || part.empty()) continue;
    if (::mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST) {
      *err = "cannot create " + partial + ": " + std::strerror(errno);
      return false;
    }
  }
  return true;
}

}  // namespace

bool policy_path_trusted(const std::string& path, const std::vector<uid_t>& owners,
                         std::string* why) {
  if (owners.empty()) return true;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    *why = std::string("cannot check its owner: ") + std::strerror(errno);
    return false;
  }
  if (std::find(owners.begin(), owners.end(), st.st_uid) == owners.end()) {
    *why = "owned by uid " + std::to_string(st.st_uid) + " (policy must be owned by root)";
    return false;
  }
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    *why = std::string("writable by ") + ((st.st_mode & S_IWOTH) ? "others" : "its group") +
           " (mode " + octal_mode(st.st_mode) + ")";
    return false;
  }
  return true;
}

bool read_whole_file(const std::string& path, std::string* text, bool* missing, std::string* err) {
  *missing = false;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    *missing = errno == ENOENT;
    *err = std::string("cannot read the file: ") + std::strerror(errno);
    return false;
  }
  // A FIFO or device in place of the file must not hang the daemon.
  if (!S_ISREG(st.st_mode)) {
    *err = "not a regular file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = std::string("cannot read the file: ") + std::strerror(errno);
    return false;
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) {
    *err = "cannot read the file";
    return false;
  }
  *text = content.str();
  return true;
}

std::string PolicyCopies::copy_of(const std::string& policy_path) const {
  return dir_ + "/" + file_name(policy_path);
}

bool PolicyCopies::keep(const std::string& policy_path, std::string_view text,
                        std::string* err) const {
  if (!enabled()) return true;
  const std::string copy = copy_of(policy_path);
  std::string old;
  bool missing = false;
  std::string unused;
  if (read_whole_file(copy, &old, &missing, &unused) && old == text) return true;
  if (!make_private_dir(dir_, err)) return false;
  return report::write_file_atomically(copy, text, 0600, err);
}

void PolicyCopies::forget_all_but(const std::vector<std::string>& current) const {
  if (!enabled()) return;
  std::vector<std::string> keep;
  for (const std::string& path : current) keep.push_back(file_name(path));
  for (const std::string& name : names()) {
    if (std::find(keep.begin(), keep.end(), name) != keep.end()) continue;
    std::error_code ec;
    fs::remove(dir_ + "/" + name, ec);
  }
}

std::vector<std::string> PolicyCopies::names() const {
  std::vector<std::string> found;
  if (!enabled()) return found;
  std::error_code ec;
  for (fs::directory_iterator it(dir_, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(".") && it->path().extension() == ".toml") found.push_back(name);
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace limber
