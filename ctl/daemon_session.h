// DaemonSession: limberctl's connection to limberd. Connects and says hello
// on first use, calls methods, and turns every failure into the message on
// stderr and the exit code limberctl documents: 1 when the daemon refused
// (its message is printed as it is), 3 when no daemon answers (with how to
// start one).
//
// Single-threaded, like limberctl.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "exit_codes.h"
#include "limber/i18n.h"
#include "limber/ipc_client.h"

namespace limber::ctl {

class DaemonSession {
 public:
  // `socket_path` empty: $XDG_RUNTIME_DIR/limber/limberd.sock.
  explicit DaemonSession(std::string socket_path) : socket_path_(std::move(socket_path)) {}

  // The result of `method`, or nothing after printing why (see exit_code()).
  std::optional<rpc::Json> call(std::string_view method,
                                const rpc::Json& params = rpc::Json::object());

  // Connects and says hello; false after printing why.
  bool ensure_connected();
  // Connects and says hello without printing anything; the reason on failure.
  bool probe(std::string* why);

  // The exit code for the last failure.
  int exit_code() const { return exit_code_; }
  const std::string& socket_path() const { return socket_path_; }
  const rpc::Json& hello_result() const { return hello_; }
  IpcClient& client() { return client_; }

 private:
  // Connects and says hello; on failure sets exit_code_ and *why.
  bool connect(std::string* why);
  void report(const CallResult& r);

  std::string socket_path_;
  IpcClient client_;
  rpc::Json hello_;
  bool said_hello_ = false;
  int exit_code_ = kExitOk;
};

// The hint printed when no daemon is running (marked for translation;
// translated where it is printed).
inline constexpr const char* kStartHint =
    N_("start it with `systemctl --user start limberd` or `limberd`");

}  // namespace limber::ctl
