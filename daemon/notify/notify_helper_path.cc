#include "notify/notify_helper_path.h"

#include <unistd.h>

#include <array>

namespace limber {

namespace {

constexpr const char* kHelperName = "limber-notify";

std::string own_directory() {
  std::array<char, 4096> path{};
  const ssize_t n = ::readlink("/proc/self/exe", path.data(), path.size() - 1);
  if (n <= 0) return std::string();
  std::string exe(path.data(), static_cast<size_t>(n));
  const size_t slash = exe.rfind('/');
  return slash == std::string::npos ? std::string() : exe.substr(0, slash);
}

}  // namespace

std::string find_notify_helper(std::string* looked_in) {
  const std::string candidates[] = {own_directory() + "/" + kHelperName,
                                    std::string(LIMBER_INSTALLED_LIBEXECDIR) + "/" + kHelperName};
  looked_in->clear();
  for (const std::string& path : candidates) {
    if (path.front() != '/') continue;  // /proc/self/exe unreadable
    if (::access(path.c_str(), X_OK) == 0) return path;
    *looked_in += (looked_in->empty() ? "" : ", ") + path;
  }
  return std::string();
}

}  // namespace limber
