#include "window_view_launcher.h"

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <utility>

#include "log.h"

namespace limber {

struct WindowViewLauncher::Child {
  uv_process_t process{};
  WindowViewLauncher* owner = nullptr;  // null once the launcher is gone
  std::function<void()> on_exit;
};

namespace {

std::string own_directory() {
  std::array<char, 4096> path{};
  const ssize_t n = ::readlink("/proc/self/exe", path.data(), path.size() - 1);
  if (n <= 0) return std::string();
  const std::string exe(path.data(), static_cast<size_t>(n));
  const size_t slash = exe.rfind('/');
  return slash == std::string::npos ? std::string() : exe.substr(0, slash);
}

bool has_display() {
  for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && value[0] != '\0') return true;
  }
  return false;
}

}  // namespace

std::string find_tray_program(std::string* looked_in) {
  looked_in->clear();
  std::string candidates[3];
  if (const char* env = std::getenv("LIMBER_TRAY"); env != nullptr && env[0] == '/') candidates[0] = env;
  if (const std::string dir = own_directory(); !dir.empty()) candidates[1] = dir + "/limber-tray";
  candidates[2] = std::string(LIMBER_INSTALLED_BINDIR) + "/limber-tray";
  for (const std::string& path : candidates) {
    if (path.empty()) continue;
    if (::access(path.c_str(), X_OK) == 0) return path;
    *looked_in += (looked_in->empty() ? "" : ", ") + path;
  }
  return std::string();
}

WindowViewLauncher::~WindowViewLauncher() {
  // The tray outlives limberd (it waits for the next one): closing the
  // handle does not signal it; it only stops watching for its exit.
  if (child_ == nullptr) return;
  child_->owner = nullptr;
  uv_close(reinterpret_cast<uv_handle_t*>(&child_->process),
           [](uv_handle_t* h) { delete static_cast<Child*>(h->data); });
}

bool WindowViewLauncher::launch(std::function<void()> on_exit, std::string* why) {
  if (child_ != nullptr) return true;  // started before and still running
  if (!has_display()) {
    *why = "no display ($DISPLAY and $WAYLAND_DISPLAY are unset)";
    return false;
  }
  std::string looked_in;
  const std::string program = find_tray_program(&looked_in);
  if (program.empty()) {
    *why = "limber-tray was not found (looked in " + looked_in + ")";
    return false;
  }
  auto* child = new Child;
  child->process.data = child;
  child->owner = this;
  child->on_exit = std::move(on_exit);
  std::string file = program;
  char* args[] = {file.data(), nullptr};
  uv_stdio_container_t stdio[3];
  stdio[0].flags = UV_IGNORE;
  stdio[1].flags = UV_INHERIT_FD;
  stdio[1].data.fd = STDOUT_FILENO;
  stdio[2].flags = UV_INHERIT_FD;
  stdio[2].data.fd = STDERR_FILENO;
  uv_process_options_t options{};
  options.file = args[0];
  options.args = args;
  options.stdio_count = 3;
  options.stdio = stdio;
  options.exit_cb = &WindowViewLauncher::on_child_exit;
  options.flags = UV_PROCESS_DETACHED;  // its own session: it outlives limberd
  if (const int rc = uv_spawn(loop_, &child->process, &options); rc != 0) {
    *why = "cannot start " + program + ": " + uv_strerror(rc);
    uv_close(reinterpret_cast<uv_handle_t*>(&child->process),
             [](uv_handle_t* h) { delete static_cast<Child*>(h->data); });
    return false;
  }
  // The loop does not wait for the tray to exit before it can end.
  uv_unref(reinterpret_cast<uv_handle_t*>(&child->process));
  child_ = child;
  log_info("started " + program + " (pid " + std::to_string(child->process.pid) +
           ") to show a strict break's window");
  return true;
}

void WindowViewLauncher::on_child_exit(uv_process_t* process, int64_t status, int signal) {
  auto* child = static_cast<Child*>(process->data);
  WindowViewLauncher* owner = child->owner;
  std::function<void()> on_exit = std::move(child->on_exit);
  uv_close(reinterpret_cast<uv_handle_t*>(process), [](uv_handle_t* h) { delete static_cast<Child*>(h->data); });
  if (owner == nullptr) return;
  owner->child_ = nullptr;
  log_info("the limber-tray limberd started has exited (status " + std::to_string(status) +
           (signal != 0 ? ", signal " + std::to_string(signal) : std::string()) + ")");
  if (on_exit) on_exit();
}

}  // namespace limber
