// DaemonRpc: the test's own connection to limberd's socket (JSON-RPC 2.0,
// one object per line; docs/protocol.md), with blocking calls that time out.
// Kept open, it also stands for a connected view: hello with client
// "limber-tray" makes limberd count a tray.
//
// Test-only; single-threaded.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "limber/jsonrpc.h"

namespace limber::test {

class DaemonRpc {
 public:
  DaemonRpc() = default;
  ~DaemonRpc();
  DaemonRpc(const DaemonRpc&) = delete;
  DaemonRpc& operator=(const DaemonRpc&) = delete;

  // Connects to `socket_path`, retrying until `timeout` (the daemon may be
  // starting).
  bool connect(const std::string& socket_path, std::chrono::milliseconds timeout, std::string* err);
  // The result of `method`, or nothing (and *err) on an error reply, a
  // broken connection or no answer within 5 s. Notifications are skipped.
  std::optional<rpc::Json> call(const std::string& method, const rpc::Json& params, std::string* err);

 private:
  int fd_ = -1;
  int next_id_ = 1;
  std::string buffer_;
};

}  // namespace limber::test
