// Test fixtures for D-Bus (the activity parts and limberd itself): a private
// dbus-daemon, a python3-dbusmock service on it, a blocking client to drive
// the mock, and a helper that runs a libuv loop until something happened.
//
// Every process is started here and killed by the owning object's
// destructor, also when a test fails half-way. Every wait is bounded.
//
// Test-only; single-threaded.
#pragma once

#include <sys/types.h>
#include <systemd/sd-bus.h>
#include <uv.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace limber::test {

using std::chrono::milliseconds;

// A child process, terminated (SIGTERM, then SIGKILL) and reaped on stop().
class ChildProcess {
 public:
  ChildProcess() = default;
  ~ChildProcess() { stop(); }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Runs argv[0] (a full path) with the current environment plus `env`
  // ("NAME=value"). Its stdout goes to `stdout_fd` if >= 0, else to the
  // file `log_path`; stderr always goes to `log_path` (appended).
  bool spawn(const std::vector<std::string>& argv, const std::vector<std::string>& env, int stdout_fd,
             const std::string& log_path, std::string* err);
  // SIGTERM; waits up to `grace` for it to exit, then SIGKILL. Idempotent.
  void stop(milliseconds grace = milliseconds(2000));
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
};

// A dbus-daemon of our own, in a fresh temp dir; used as the session bus
// and, through $DBUS_SYSTEM_BUS_ADDRESS, as the system bus.
class PrivateBus {
 public:
  PrivateBus() = default;
  ~PrivateBus();
  PrivateBus(const PrivateBus&) = delete;
  PrivateBus& operator=(const PrivateBus&) = delete;

  bool start(std::string* err, milliseconds timeout = milliseconds(10000));
  const std::string& address() const { return address_; }
  const std::string& dir() const { return dir_; }
  // Kills the bus daemon, as a crash would.
  void kill_now();

 private:
  ChildProcess daemon_;
  std::string dir_;
  std::string address_;
};

// A blocking sd-bus client on the private bus, for the test's own calls.
class BusClient {
 public:
  BusClient() = default;
  ~BusClient();
  BusClient(const BusClient&) = delete;
  BusClient& operator=(const BusClient&) = delete;

  bool connect(const std::string& address, std::string* err);
  // This client's unique name (":1.7"). It answers nothing on its own: a call
  // to it stays without a reply until it is processed, which never happens.
  std::string unique_name();
  bool has_owner(const char* name);
  // Polls until `name` has an owner; false after `timeout`.
  bool wait_for_owner(const char* name, milliseconds timeout = milliseconds(10000));
  bool wait_for_no_owner(const char* name, milliseconds timeout = milliseconds(10000));

  // dbusmock's org.freedesktop.DBus.Mock interface on `path` of `dest`.
  bool add_method(const char* dest, const char* path, const char* interface, const char* method,
                  const char* in_sig, const char* out_sig, const std::string& code, std::string* err);
  bool emit_signal_u(const char* dest, const char* path, const char* interface, const char* signal, uint32_t value,
                     std::string* err);
  bool emit_signal_b(const char* dest, const char* path, const char* interface, const char* signal, bool value,
                     std::string* err);
  // Number of calls of `method` the mock object at `path` has logged; -1 on error.
  int method_calls(const char* dest, const char* path, const char* method);

  // Plain method calls on the mocked service: no arguments, one bool, or the
  // logind mock's AddSession(ssusb) → o.
  bool call(const char* dest, const char* path, const char* interface, const char* method, std::string* err);
  bool call_b(const char* dest, const char* path, const char* interface, const char* method, bool value,
              std::string* err);
  bool add_logind_session(const char* session_id, std::string* path, std::string* err);
  // Adds, through the logind mock's manager, an object at `path` whose
  // `interface` has just the property Id = `id`.
  bool add_object_with_id(const char* dest, const char* path, const char* interface, const char* id,
                          std::string* err);

  // A signal sent by this client itself (not by the mocked service).
  bool emit_own_signal(const char* path, const char* interface, const char* signal, std::string* err);

 private:
  bool emit_signal(const char* dest, const char* path, const char* interface, const char* signal,
                   const char* signature, const std::function<int(sd_bus_message*)>& append_value,
                   std::string* err);

  sd_bus* bus_ = nullptr;
};

// Runs `loop` until done() is true or `timeout` passed; returns done().
// A 5 ms tick keeps the loop turning so done() is re-checked even when the
// awaited thing happens outside the loop (in a mock process).
bool run_until(uv_loop_t* loop, const std::function<bool()>& done, milliseconds timeout = milliseconds(5000));
// Runs `loop` for `duration` with no tick of its own; returns how many loop
// iterations that took (how often the loop woke up).
int run_for(uv_loop_t* loop, milliseconds duration);

// Starts `/usr/bin/python3 -m dbusmock args…` on `bus` (as both session and
// system bus) with its log in the bus's temp dir, and waits until it owns
// `name`.
bool start_dbusmock(ChildProcess* mock, const PrivateBus& bus, const std::vector<std::string>& args,
                    const char* name, std::string* err);

// The environment variable set (or, with nullptr, unset) for the life of the
// object, restored after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  bool had_value_ = false;
  std::string old_value_;
};

}  // namespace limber::test
