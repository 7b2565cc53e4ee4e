// IpcClient: a small blocking client for limberd's socket (JSON-RPC 2.0,
// one object per line; docs/protocol.md). limberctl uses it for every
// command; the tray can use it from a thread of its own, or poll fd() and
// call next_notification() with a zero timeout.
//
// One call is in flight at a time: call() sends a request and waits for the
// response with the same id. Notifications that arrive meanwhile are queued
// and handed out, in order, by next_notification().
//
// Threading: an IpcClient is used from one thread at a time; it owns its
// socket and no global state. SIGPIPE is never raised (MSG_NOSIGNAL).
#pragma once

#include <chrono>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

#include "limber/jsonrpc.h"
#include "limber/status.h"

namespace limber {

// $XDG_RUNTIME_DIR/limber/limberd.sock. Empty, with *err, when
// XDG_RUNTIME_DIR is unset or not an absolute path.
std::string default_socket_path(std::string* err);

// How one call ended.
enum class CallStatus {
  kOk,            // `result` holds the daemon's result
  kRpcError,      // the daemon answered with an error: `error` holds it
  kDisconnected,  // the connection failed or closed before an answer
  kTimedOut,      // no answer within the timeout
};

struct CallResult {
  CallStatus status = CallStatus::kDisconnected;
  rpc::Json result;  // null unless kOk
  rpc::Error error;  // the daemon's error (kRpcError), or what went wrong locally

  bool ok() const { return status == CallStatus::kOk; }
};

// A notification from the daemon (see subscribe in docs/protocol.md).
struct RpcNotification {
  std::string method;
  rpc::Json params;
};

class IpcClient {
 public:
  static constexpr std::chrono::milliseconds kDefaultTimeout{10000};
  // Replies may be longer than the 64 KiB the daemon accepts per request
  // line (a year of statistics is); this bounds what the client buffers.
  static constexpr size_t kMaxReplyBytes = 64u << 20;

  IpcClient() = default;
  ~IpcClient();
  IpcClient(const IpcClient&) = delete;
  IpcClient& operator=(const IpcClient&) = delete;

  // Connects to the socket at `path`. Fails with Code::kUnavailable when no
  // daemon listens there (no socket file, or a stale one: ENOENT,
  // ECONNREFUSED), with Code::kInvalidArgument when the path is too long
  // for a Unix socket, and with Code::kIoError for anything else.
  Status connect(const std::string& path);
  bool connected() const { return fd_ >= 0; }
  void close();

  // The hello exchange: sends the client's protocol version and `client_name`
  // ("limberctl/0.1.0"). An incompatible daemon answers kRpcError with
  // rpc::kIncompatibleProtocol and a message saying which side to update.
  CallResult hello(std::string_view client_name,
                   std::chrono::milliseconds timeout = kDefaultTimeout);

  // Calls `method` with named `params` and waits for its answer.
  CallResult call(std::string_view method, const rpc::Json& params = rpc::Json::object(),
                  std::chrono::milliseconds timeout = kDefaultTimeout);

  // The next notification: a queued one, else one read within `timeout`
  // (zero: only what has already arrived). Nothing on timeout or when the
  // connection closed (then connected() is false).
  std::optional<RpcNotification> next_notification(std::chrono::milliseconds timeout);

  // The socket, for a caller that polls it for readability; -1 when closed.
  int fd() const { return fd_; }

 private:
  // Reads what is available (waiting at most `timeout`) and sorts complete
  // lines into responses_ and notifications_. False when the connection
  // closed or failed, or a reply broke the framing (then it is closed).
  bool read_some(std::chrono::milliseconds timeout, std::string* why);
  bool send_line(const std::string& line, std::string* why);

  int fd_ = -1;
  int64_t next_id_ = 1;
  rpc::LineFramer framer_{kMaxReplyBytes};
  std::deque<rpc::Json> responses_;
  std::deque<RpcNotification> notifications_;
};

}  // namespace limber
