#include "notify/notification_icon.h"

#include <unistd.h>

#include <array>

namespace limber {

namespace {

std::string own_directory() {
  std::array<char, 4096> path{};
  const ssize_t n = ::readlink("/proc/self/exe", path.data(), path.size() - 1);
  if (n <= 0) return std::string();
  const std::string exe(path.data(), static_cast<size_t>(n));
  const size_t slash = exe.rfind('/');
  return slash == std::string::npos ? std::string() : exe.substr(0, slash);
}

}  // namespace

std::string choose_notification_icon(std::string_view helper_dir, std::string_view installed_dir,
                                     const std::string& build_tree_icon) {
  if (helper_dir != installed_dir && !build_tree_icon.empty() && build_tree_icon.front() == '/' &&
      ::access(build_tree_icon.c_str(), R_OK) == 0) {
    return build_tree_icon;
  }
  return std::string(kLimberAppId);
}

std::string notification_icon() {
  return choose_notification_icon(own_directory(), LIMBER_INSTALLED_LIBEXECDIR, LIMBER_BUILD_TREE_ICON);
}

}  // namespace limber
