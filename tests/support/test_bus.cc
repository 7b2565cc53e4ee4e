#include "test_bus.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>

#include "uv/uv_handle.h"

extern char** environ;

namespace limber::test {
namespace {

using SteadyClock = std::chrono::steady_clock;

std::string errno_text(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// The reply's error, or strerror for local failures.
std::string describe(int r, const sd_bus_error& error) {
  if (sd_bus_error_is_set(&error) != 0) {
    return std::string(error.name) + ": " + (error.message != nullptr ? error.message : "");
  }
  return std::strerror(-r);
}

constexpr const char* kMockInterface = "org.freedesktop.DBus.Mock";

}  // namespace

// --- ChildProcess -----------------------------------------------------------

bool ChildProcess::spawn(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                         int stdout_fd, const std::string& log_path, std::string* err) {
  std::vector<std::string> args = argv;
  std::vector<std::string> environment;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    const std::string name = entry.substr(0, entry.find('='));
    bool overridden = false;
    for (const auto& added : env) overridden = overridden || added.rfind(name + "=", 0) == 0;
    if (!overridden) environment.push_back(entry);
  }
  environment.insert(environment.end(), env.begin(), env.end());

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (stdout_fd >= 0) {
    posix_spawn_file_actions_adddup2(&actions, stdout_fd, STDOUT_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                     0600);
  }
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);

  auto c_args = c_strings(args);
  auto c_env = c_strings(environment);
  const int rc = posix_spawn(&pid_, c_args[0], &actions, nullptr, c_args.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    pid_ = -1;
    *err = "cannot start " + argv[0] + ": " + std::strerror(rc);
    return false;
  }
  return true;
}

void ChildProcess::stop(milliseconds grace) {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  const auto deadline = SteadyClock::now() + grace;
  while (SteadyClock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    std::this_thread::sleep_for(milliseconds(10));
  }
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

// --- PrivateBus -------------------------------------------------------------

PrivateBus::~PrivateBus() {
  daemon_.stop();
  if (!dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
}

bool PrivateBus::start(std::string* err, milliseconds timeout) {
  char dir_template[] = "/tmp/limber-dbus-test-XXXXXX";
  if (mkdtemp(dir_template) == nullptr) {
    *err = errno_text("mkdtemp");
    return false;
  }
  dir_ = dir_template;

  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    *err = errno_text("pipe2");
    return false;
  }
  const bool spawned =
      daemon_.spawn({"/usr/bin/dbus-daemon", "--session", "--nofork", "--print-address=1",
                     "--address=unix:dir=" + dir_},
                    {}, pipe_fds[1], dir_ + "/dbus-daemon.log", err);
  close(pipe_fds[1]);
  if (!spawned) {
    close(pipe_fds[0]);
    return false;
  }

  // The address line appears once the daemon listens.
  std::string line;
  const auto deadline = SteadyClock::now() + timeout;
  while (line.find('\n') == std::string::npos && SteadyClock::now() < deadline) {
    pollfd pfd{pipe_fds[0], POLLIN, 0};
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - SteadyClock::now());
    if (poll(&pfd, 1, static_cast<int>(std::max<long>(1, left.count()))) <= 0) continue;
    char buffer[512];
    const ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
    if (n <= 0) break;
    line.append(buffer, static_cast<size_t>(n));
  }
  close(pipe_fds[0]);
  if (line.find('\n') == std::string::npos) {
    *err = "dbus-daemon printed no address (see " + dir_ + "/dbus-daemon.log)";
    return false;
  }
  address_ = line.substr(0, line.find('\n'));
  return true;
}

void PrivateBus::kill_now() {
  if (daemon_.pid() > 0) kill(daemon_.pid(), SIGKILL);
  daemon_.stop();
}

bool start_dbusmock(ChildProcess* mock, const PrivateBus& bus, const std::vector<std::string>& args,
                    const char* name, std::string* err) {
  std::vector<std::string> argv = {"/usr/bin/python3", "-m", "dbusmock"};
  argv.insert(argv.end(), args.begin(), args.end());
  const std::vector<std::string> env = {"DBUS_SESSION_BUS_ADDRESS=" + bus.address(),
                                        "DBUS_SYSTEM_BUS_ADDRESS=" + bus.address()};
  if (!mock->spawn(argv, env, -1, bus.dir() + "/dbusmock.log", err)) return false;
  BusClient client;
  if (!client.connect(bus.address(), err)) return false;
  if (!client.wait_for_owner(name)) {
    *err = std::string("dbusmock did not take ") + name + " (see " + bus.dir() + "/dbusmock.log)";
    return false;
  }
  return true;
}

// --- BusClient --------------------------------------------------------------

BusClient::~BusClient() {
  if (bus_ != nullptr) sd_bus_flush_close_unref(bus_);
}

bool BusClient::connect(const std::string& address, std::string* err) {
  int r = sd_bus_new(&bus_);
  if (r >= 0) r = sd_bus_set_address(bus_, address.c_str());
  if (r >= 0) r = sd_bus_set_bus_client(bus_, 1);
  if (r >= 0) r = sd_bus_start(bus_);
  if (r < 0) {
    *err = "cannot connect to the test bus: " + std::string(std::strerror(-r));
    return false;
  }
  return true;
}

std::string BusClient::unique_name() {
  const char* name = nullptr;
  return sd_bus_get_unique_name(bus_, &name) >= 0 ? name : "";
}

bool BusClient::has_owner(const char* name) {
  sd_bus_error error = SD_BUS_ERROR_NULL;
  sd_bus_message* reply = nullptr;
  int owned = 0;
  int r = sd_bus_call_method(bus_, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                             "NameHasOwner", &error, &reply, "s", name);
  if (r >= 0) r = sd_bus_message_read(reply, "b", &owned);
  sd_bus_message_unref(reply);
  sd_bus_error_free(&error);
  return r >= 0 && owned != 0;
}

bool BusClient::wait_for_owner(const char* name, milliseconds timeout) {
  const auto deadline = SteadyClock::now() + timeout;
  while (!has_owner(name)) {
    if (SteadyClock::now() >= deadline) return false;
    std::this_thread::sleep_for(milliseconds(20));
  }
  return true;
}

bool BusClient::wait_for_no_owner(const char* name, milliseconds timeout) {
  const auto deadline = SteadyClock::now() + timeout;
  while (has_owner(name)) {
    if (SteadyClock::now() >= deadline) return false;
    std::this_thread::sleep_for(milliseconds(20));
  }
  return true;
}

bool BusClient::add_method(const char* dest, const char* path, const char* interface, const char* method,
                           const char* in_sig, const char* out_sig, const std::string& code, std::string* err) {
  sd_bus_error error = SD_BUS_ERROR_NULL;
  const int r = sd_bus_call_method(bus_, dest, path, kMockInterface, "AddMethod", &error, nullptr, "sssss",
                                   interface, method, in_sig, out_sig, code.c_str());
  if (r < 0) *err = std::string("AddMethod ") + method + ": " + describe(r, error);
  sd_bus_error_free(&error);
  return r >= 0;
}

bool BusClient::emit_signal(const char* dest, const char* path, const char* interface, const char* signal,
                            const char* signature, const std::function<int(sd_bus_message*)>& append_value,
                            std::string* err) {
  sd_bus_message* call = nullptr;
  sd_bus_error error = SD_BUS_ERROR_NULL;
  int r = sd_bus_message_new_method_call(bus_, &call, dest, path, kMockInterface, "EmitSignal");
  if (r >= 0) r = sd_bus_message_append(call, "sss", interface, signal, signature);
  if (r >= 0) r = sd_bus_message_open_container(call, 'a', "v");
  if (r >= 0) r = sd_bus_message_open_container(call, 'v', signature);
  if (r >= 0) r = append_value(call);
  if (r >= 0) r = sd_bus_message_close_container(call);
  if (r >= 0) r = sd_bus_message_close_container(call);
  if (r >= 0) r = sd_bus_call(bus_, call, 0, &error, nullptr);
  if (r < 0) *err = std::string("EmitSignal ") + signal + ": " + describe(r, error);
  sd_bus_error_free(&error);
  sd_bus_message_unref(call);
  return r >= 0;
}

bool BusClient::emit_signal_u(const char* dest, const char* path, const char* interface, const char* signal,
                              uint32_t value, std::string* err) {
  return emit_signal(dest, path, interface, signal, "u",
                     [value](sd_bus_message* m) { return sd_bus_message_append_basic(m, 'u', &value); }, err);
}

bool BusClient::emit_signal_b(const char* dest, const char* path, const char* interface, const char* signal,
                              bool value, std::string* err) {
  const int as_int = value ? 1 : 0;
  return emit_signal(dest, path, interface, signal, "b",
                     [as_int](sd_bus_message* m) { return sd_bus_message_append_basic(m, 'b', &as_int); }, err);
}

int BusClient::method_calls(const char* dest, const char* path, const char* method) {
  sd_bus_error error = SD_BUS_ERROR_NULL;
  sd_bus_message* reply = nullptr;
  int count = 0;
  int r = sd_bus_call_method(bus_, dest, path, kMockInterface, "GetMethodCalls", &error, &reply, "s", method);
  if (r >= 0) r = sd_bus_message_enter_container(reply, 'a', "(tav)");
  while (r >= 0) {
    r = sd_bus_message_skip(reply, "(tav)");
    if (r <= 0) break;
    ++count;
  }
  sd_bus_message_unref(reply);
  sd_bus_error_free(&error);
  return r < 0 ? -1 : count;
}

bool BusClient::call(const char* dest, const char* path, const char* interface, const char* method,
                     std::string* err) {
  sd_bus_error error = SD_BUS_ERROR_NULL;
  const int r = sd_bus_call_method(bus_, dest, path, interface, method, &error, nullptr, "");
  if (r < 0) *err = std::string(method) + ": " + describe(r, error);
  sd_bus_error_free(&error);
  return r >= 0;
}

bool BusClient::call_b(const char* dest, const char* path, const char* interface, const char* method, bool value,
                       std::string* err) {
  sd_bus_error error = SD_BUS_ERROR_NULL;
  const int r = sd_bus_call_method(bus_, dest, path, interface, method, &error, nullptr, "b", value ? 1 : 0);
  if (r < 0) *err = std::string(method) + ": " + describe(r, error);
  sd_bus_error_free(&error);
  return r >= 0;
}

bool BusClient::emit_own_signal(const char* path, const char* interface, const char* signal, std::string* err) {
  const int r = sd_bus_emit_signal(bus_, path, interface, signal, "");
  if (r >= 0) sd_bus_flush(bus_);
  if (r < 0) *err = std::string("emit ") + signal + ": " + std::strerror(-r);
  return r >= 0;
}

bool BusClient::add_object_with_id(const char* dest, const char* path, const char* interface, const char* id,
                                   std::string* err) {
  sd_bus_error error = SD_BUS_ERROR_NULL;
  const int r = sd_bus_call_method(bus_, dest, "/org/freedesktop/login1", kMockInterface, "AddObject", &error,
                                   nullptr, "ssa{sv}a(ssss)", path, interface, 1, "Id", "s", id, 0);
  if (r < 0) *err = std::string("AddObject ") + path + ": " + describe(r, error);
  sd_bus_error_free(&error);
  return r >= 0;
}

bool BusClient::add_logind_session(const char* session_id, std::string* path, std::string* err) {
  sd_bus_error error = SD_BUS_ERROR_NULL;
  sd_bus_message* reply = nullptr;
  const char* created = nullptr;
  int r = sd_bus_call_method(bus_, "org.freedesktop.login1", "/org/freedesktop/login1", kMockInterface,
                             "AddSession", &error, &reply, "ssusb", session_id, "seat0",
                             static_cast<uint32_t>(getuid()), "tester", 1);
  if (r >= 0) r = sd_bus_message_read(reply, "s", &created);
  if (r >= 0) {
    *path = created;
  } else {
    *err = "AddSession: " + describe(r, error);
  }
  sd_bus_message_unref(reply);
  sd_bus_error_free(&error);
  return r >= 0;
}

// --- loop helpers -----------------------------------------------------------

bool run_until(uv_loop_t* loop, const std::function<bool()>& done, milliseconds timeout) {
  UvHandle<uv_timer_t> tick;
  uv_timer_init(loop, tick.get());
  uv_timer_start(tick.get(), [](uv_timer_t*) {}, 5, 5);
  const auto deadline = SteadyClock::now() + timeout;
  bool ok = done();
  while (!ok && SteadyClock::now() < deadline) {
    uv_run(loop, UV_RUN_ONCE);
    ok = done();
  }
  tick.close();
  uv_run(loop, UV_RUN_NOWAIT);  // let the tick's close callback run
  return ok;
}

int run_for(uv_loop_t* loop, milliseconds duration) {
  UvHandle<uv_timer_t> end;
  bool ended = false;
  uv_timer_init(loop, end.get());
  end.get()->data = &ended;
  // The callback also stops the loop: libuv 1.44 runs due timers at the
  // start of a UV_RUN_ONCE turn and then polls with no timeout when no other
  // timer is left, so an `end` that was already due when uv_run() was
  // entered would fire and then block the turn forever.
  uv_timer_start(
      end.get(),
      [](uv_timer_t* timer) {
        *static_cast<bool*>(timer->data) = true;
        uv_stop(timer->loop);
      },
      static_cast<uint64_t>(duration.count()), 0);
  int iterations = 0;
  while (!ended) {
    uv_run(loop, UV_RUN_ONCE);
    ++iterations;
  }
  end.close();
  uv_run(loop, UV_RUN_NOWAIT);
  return iterations;
}

// --- ScopedEnv --------------------------------------------------------------

ScopedEnv::ScopedEnv(const char* name, const char* value) : name_(name) {
  if (const char* old = std::getenv(name); old != nullptr) {
    had_value_ = true;
    old_value_ = old;
  }
  if (value != nullptr) {
    setenv(name, value, 1);
  } else {
    unsetenv(name);
  }
}

ScopedEnv::~ScopedEnv() {
  if (had_value_) {
    setenv(name_.c_str(), old_value_.c_str(), 1);
  } else {
    unsetenv(name_.c_str());
  }
}

}  // namespace limber::test
