// RpcDispatcher: turns one line from a client into the line to send back,
// by JSON-RPC 2.0's rules, calling the method registered under the
// request's name. Pure: no sockets (IpcServer does the I/O), so the fuzz
// target and unit tests drive it directly.
//
// Every malformed input gets the error a JSON-RPC client expects and
// leaves the connection usable: -32700 for bad JSON (id null), -32600 for a
// request of the wrong shape, -32601 for an unknown method, -32602 for bad
// params (methods report that through ParamError). A batch (JSON array)
// gets an array of responses. Notifications (no id) get no response.
//
// Work is bounded before it is done (docs/protocol.md, "Caps"): a batch of
// more than kMaxBatchEntries is refused before any entry runs; each
// response is measured as soon as it is built, and once the reply line
// would pass kMaxReplyBytes the rest of a batch is not run and one short
// kReplyTooLarge error is the answer. Every exception a request raises,
// std::bad_alloc included, is contained to that request.
//
// Threading: the loop thread.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "limber/jsonrpc.h"

namespace limber {

// The largest batch (JSON array) the daemon runs.
inline constexpr size_t kMaxBatchEntries = 32;
// The largest reply line. Requests are capped at rpc::kMaxLineBytes, but
// replies the protocol documents are larger: `stats` over its longest range
// (3650 days) is about 1.24 MiB, so replies get a cap of their own.
inline constexpr size_t kMaxReplyBytes = 2 * 1024 * 1024;
// The error a request gets when its reply would be over the reply cap.
inline constexpr int kReplyTooLarge = -32006;

struct DispatchLimits {
  size_t max_batch_entries = kMaxBatchEntries;
  size_t max_reply_bytes = kMaxReplyBytes;
};

// What the daemon knows about one connected client.
struct ClientContext {
  uint64_t id = 0;
  std::string name;           // from hello ("limber-tray/0.1"), empty before
  bool subscribed = false;
  std::set<std::string> events;  // empty with subscribed: every event
  bool wants(std::string_view event) const {
    return subscribed && (events.empty() || events.count(std::string(event)) > 0);
  }
};

// A method's answer: a result, or an error.
struct RpcReply {
  rpc::Json result;
  bool failed = false;
  rpc::Error error;

  static RpcReply ok(rpc::Json value = rpc::Json::object()) { return RpcReply{std::move(value), false, {}}; }
  static RpcReply fail(int code, std::string message, rpc::Json data = nullptr) {
    return RpcReply{nullptr, true, rpc::Error{code, std::move(message), std::move(data)}};
  }
};

// Thrown by the param helpers below and turned into -32602 by the
// dispatcher; it never leaves dispatch().
struct ParamError {
  std::string message;
};

// Typed access to params, with errors that name the parameter.
class Params {
 public:
  explicit Params(const rpc::Json& params) : params_(params) {}
  bool has(std::string_view name) const;
  std::string string(std::string_view name) const;                // required
  std::string string_or(std::string_view name, std::string fallback) const;
  bool boolean(std::string_view name) const;                      // required
  int64_t integer_or(std::string_view name, int64_t fallback, int64_t min, int64_t max) const;
  const rpc::Json& raw() const { return params_; }

 private:
  const rpc::Json* find(std::string_view name) const;
  const rpc::Json& params_;
};

class RpcDispatcher {
 public:
  using Method = std::function<RpcReply(const Params& params, ClientContext& client)>;

  explicit RpcDispatcher(DispatchLimits limits = {}) : limits_(limits) {}

  void add(std::string name, Method method);
  std::vector<std::string> method_names() const;

  // The response line for `line` (with its newline), or "" when none is due.
  // Never throws.
  std::string dispatch(std::string_view line, ClientContext& client);

 private:
  std::string dispatch_unguarded(std::string_view line, ClientContext& client);
  std::string dispatch_batch(const rpc::Json& batch, ClientContext& client);
  // One request's response, encoded; "" for a notification.
  std::string answer(const rpc::Json& request, ClientContext& client);
  rpc::Json handle(const rpc::Json& request, ClientContext& client);
  std::string too_large(const rpc::Json& id) const;

  DispatchLimits limits_;

  std::map<std::string, Method, std::less<>> methods_;
};

}  // namespace limber
