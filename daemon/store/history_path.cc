#include "store/history_path.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace limber {

std::string default_history_path() {
  const char* state = std::getenv("XDG_STATE_HOME");
  std::string base;
  if (state != nullptr && state[0] == '/') {
    base = state;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/') {
    base = std::string(home) + "/.local/state";
  } else {
    return {};
  }
  return base + "/limber/history.sqlite3";
}

Status make_private_dirs(const std::string& dir) {
  std::filesystem::path target = std::filesystem::path(dir).lexically_normal();
  std::filesystem::path partial;
  for (const auto& part : target) {
    partial /= part;
    if (part.empty() || part == "/") continue;
    if (::mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST) {
      return Status::io("cannot create directory " + partial.string() + ": " +
                        std::strerror(errno));
    }
  }
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return Status::io(target.string() + " is not a directory");
  }
  return Status::ok();
}

}  // namespace limber
