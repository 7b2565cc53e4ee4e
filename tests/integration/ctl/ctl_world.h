// CtlWorld: a private world for limberctl tests — a temp dir with XDG
// runtime, state and config dirs and a stand-in for /etc
// ($LIMBER_SYSCONFDIR), a real limberd (--demo --source demo, sped up)
// serving its socket there, and a way to run limberctl in that world with
// given stdin and a time limit.
//
// Nothing of the test runner's environment leaks in: no DISPLAY, and the
// D-Bus addresses point at sockets that do not exist. The destructor stops
// the daemon (SIGTERM, then SIGKILL) and removes the temp dir, also when a
// test failed.
//
// Test-only; single-threaded.
#pragma once

#include <sys/types.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "limber/ipc_client.h"

namespace limber::test {

using namespace std::chrono_literals;

// What a finished (or killed) process left.
struct ProcessResult {
  int exit_code = -1;  // 128 + N when signal N ended it; -1 when it could not run
  bool timed_out = false;
  std::string out;
  std::string err;
};

// Runs `program` with `args` and exactly `env`, feeding `input` on stdin;
// kills it after `timeout`.
ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const std::vector<std::string>& env, const std::string& input,
                          std::chrono::milliseconds timeout);

class CtlWorld {
 public:
  CtlWorld();
  ~CtlWorld();
  CtlWorld(const CtlWorld&) = delete;
  CtlWorld& operator=(const CtlWorld&) = delete;

  bool ok() const { return !root_.empty(); }
  const std::string& root() const { return root_; }
  std::string runtime_dir() const { return root_ + "/run"; }
  std::string socket_path() const { return runtime_dir() + "/limber/limberd.sock"; }
  std::string policy_dir() const { return root_ + "/etc/limber/policy.d"; }
  std::string user_config_file() const { return root_ + "/config/limber/limber.toml"; }

  // Writes `text` to `path`, creating directories; false on failure.
  static bool write_file(const std::string& path, const std::string& text);

  // The environment limberd and limberctl get, plus `extra` ("NAME=value",
  // replacing a default of the same name).
  std::vector<std::string> environment(const std::vector<std::string>& extra = {}) const;

  // Starts limberd --demo --source demo -f --time-scale `scale` and waits
  // until it answers hello on its socket. False, with *err (including
  // its log), when it does not within 15 s.
  bool start_daemon(int scale, std::string* err);
  // Stops it with SIGTERM (SIGKILL after 10 s), as a session's end would.
  void stop_daemon();
  // The daemon's log so far (stderr and stdout), for failure messages.
  std::string daemon_log() const;

  // limberctl `args` in this world.
  ProcessResult ctl(const std::vector<std::string>& args, const std::string& input = "",
                    std::chrono::milliseconds timeout = 15s,
                    const std::vector<std::string>& extra_env = {}) const;

  // A direct connection to the daemon, for setting up and checking state.
  // The call's result; a failed call fails the test and gives null.
  rpc::Json call(const std::string& method, const rpc::Json& params = rpc::Json::object());
  // The same call, its error included (for the code of a refusal).
  CallResult call_result(const std::string& method, const rpc::Json& params = rpc::Json::object());
  // Polls status until `pred` holds; the last status, or nothing on timeout.
  template <typename Pred>
  std::optional<rpc::Json> wait_for_status(Pred pred, std::chrono::milliseconds timeout);

 private:
  std::string root_;
  pid_t daemon_ = -1;
  IpcClient client_;
};

// The binaries under test.
std::string limberd_binary();
std::string limberctl_binary();

template <typename Pred>
std::optional<rpc::Json> CtlWorld::wait_for_status(Pred pred, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  do {
    rpc::Json s = call("status");
    if (!s.is_null() && pred(s)) return s;
    ::usleep(50'000);
  } while (std::chrono::steady_clock::now() < deadline);
  return std::nullopt;
}

}  // namespace limber::test
