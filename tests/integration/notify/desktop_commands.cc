#include "desktop_commands.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <systemd/sd-bus.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

namespace limber::test {

bool run_command(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                 std::chrono::milliseconds timeout, std::string* output, std::string* err) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    *err = std::string("pipe2: ") + std::strerror(errno);
    return false;
  }
  std::vector<std::string> args = argv;
  std::vector<std::string> environment = env;
  std::vector<char*> c_args;
  for (auto& a : args) c_args.push_back(a.data());
  c_args.push_back(nullptr);
  std::vector<char*> c_env;
  for (auto& e : environment) c_env.push_back(e.data());
  c_env.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, c_args[0], &actions, nullptr, c_args.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    *err = argv[0] + ": " + std::strerror(rc);
    return false;
  }
  std::string text;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool timed_out = false;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd pfd{fds[0], POLLIN, 0};
    if (poll(&pfd, 1, static_cast<int>(left.count())) <= 0) continue;
    char buffer[4096];
    const ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n <= 0) break;  // end of output: the command is done or closing
    text.append(buffer, static_cast<size_t>(n));
  }
  close(fds[0]);
  if (timed_out) kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  if (output != nullptr) *output = text;
  if (timed_out) {
    *err =
        argv[0] + " did not finish in " + std::to_string(timeout.count()) + " ms; output: " + text;
    return false;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    *err = argv[0] + " failed (status " + std::to_string(status) + "): " + text;
    return false;
  }
  return true;
}

bool set_activation_environment(const std::string& address, const std::vector<std::string>& env,
                                std::string* err) {
  sd_bus* bus = nullptr;
  int r = sd_bus_new(&bus);
  if (r >= 0) r = sd_bus_set_address(bus, address.c_str());
  if (r >= 0) r = sd_bus_set_bus_client(bus, 1);
  if (r >= 0) r = sd_bus_start(bus);
  sd_bus_message* call = nullptr;
  if (r >= 0) {
    r = sd_bus_message_new_method_call(bus, &call, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "UpdateActivationEnvironment");
  }
  if (r >= 0) r = sd_bus_message_open_container(call, 'a', "{ss}");
  for (const std::string& e : env) {
    const size_t eq = e.find('=');
    if (r >= 0)
      r = sd_bus_message_append(call, "{ss}", e.substr(0, eq).c_str(), e.substr(eq + 1).c_str());
  }
  if (r >= 0) r = sd_bus_message_close_container(call);
  sd_bus_error error = SD_BUS_ERROR_NULL;
  if (r >= 0) r = sd_bus_call(bus, call, 0, &error, nullptr);
  if (r < 0) {
    *err = std::string("UpdateActivationEnvironment: ") +
           (error.message != nullptr ? error.message : std::strerror(-r));
  }
  sd_bus_error_free(&error);
  sd_bus_message_unref(call);
  if (bus != nullptr) sd_bus_flush_close_unref(bus);
  return r >= 0;
}

}  // namespace limber::test
