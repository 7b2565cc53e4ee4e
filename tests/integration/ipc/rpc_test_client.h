// RpcTestClient: a deliberately raw JSON-RPC client for the IPC tests. It
// speaks to limberd's socket byte by byte (so a test can send garbage, half
// lines or nothing at all), reads with timeouts, and keeps notifications
// that arrive while it waits for a reply.
//
// Unlike limber_ipc_client (the real client), it never hides a protocol
// error: every line the daemon sends is kept and can be inspected.
//
// Test-only; one thread per client object.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "limber/jsonrpc.h"

namespace limber::test {

using Json = rpc::Json;
using std::chrono::milliseconds;

class RpcTestClient {
 public:
  RpcTestClient() = default;
  ~RpcTestClient();
  RpcTestClient(RpcTestClient&& other) noexcept;
  RpcTestClient& operator=(RpcTestClient&& other) noexcept;
  RpcTestClient(const RpcTestClient&) = delete;
  RpcTestClient& operator=(const RpcTestClient&) = delete;

  // Connects to the Unix socket at `path`. False, with *err, on failure.
  bool connect(const std::string& path, std::string* err);
  bool connected() const { return fd_ >= 0; }
  int fd() const { return fd_; }
  void close();

  // Sends bytes as they are (no newline added). False when the socket is
  // closed or the write would block for longer than `timeout`.
  bool send_raw(std::string_view bytes, milliseconds timeout = milliseconds(2000));
  // Sends a request with the next id and returns that id.
  int64_t send_request(std::string_view method, Json params = Json::object());

  // The next line from the daemon, or nothing on timeout or end of stream
  // (then eof() says which).
  std::optional<std::string> read_line(milliseconds timeout);
  // The next line parsed as JSON; nothing on timeout, EOF or bad JSON.
  std::optional<Json> read_message(milliseconds timeout);
  // Reads until the reply with `id`, keeping notifications in
  // notifications(). Nothing on timeout or EOF.
  std::optional<Json> wait_reply(int64_t id, milliseconds timeout);
  // send_request + wait_reply.
  std::optional<Json> call(std::string_view method, Json params = Json::object(),
                           milliseconds timeout = milliseconds(5000));
  // Reads until a notification named `method` arrives (kept in
  // notifications() as well). Nothing on timeout or EOF.
  std::optional<Json> wait_notification(std::string_view method, milliseconds timeout);

  // True once the daemon closed the connection (EOF or reset).
  bool eof() const { return eof_; }
  // Waits up to `timeout` for the daemon to close the connection,
  // discarding whatever it still sends. True when it did.
  bool wait_closed(milliseconds timeout);

  const std::vector<Json>& notifications() const { return notifications_; }
  void clear_notifications() { notifications_.clear(); }

 private:
  int fd_ = -1;
  std::string buffer_;
  bool eof_ = false;
  int64_t next_id_ = 1;
  std::vector<Json> notifications_;
};

// The socket path of a limberd whose XDG_RUNTIME_DIR is `runtime_dir`.
inline std::string socket_path(const std::string& runtime_dir) {
  return runtime_dir + "/limber/limberd.sock";
}

// The error code of a reply, or 0 when it is a result (or not a reply).
int error_code(const Json& reply);
std::string error_message(const Json& reply);

// The State line of /proc/PID/status ("S (sleeping)"), or "gone".
std::string process_state(pid_t pid);

// Resident set size of process `pid` in KiB (VmRSS), or -1.
long rss_kib(pid_t pid);

}  // namespace limber::test
