// JSON-RPC 2.0 over a Unix stream socket, one JSON object per line: the
// framing and message helpers shared by limberd, limberctl and the tray.
// docs/protocol.md is the protocol's reference.
//
// Everything here is pure: no sockets, no event loop. Threading: none.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace limber::rpc {

using Json = nlohmann::json;

// Bumped on an incompatible change; hello compares it.
inline constexpr int kProtocolVersion = 1;

// Limits a peer must respect (the daemon enforces them).
inline constexpr size_t kMaxLineBytes = 64 * 1024;
inline constexpr int kMaxNesting = 32;
inline constexpr size_t kMaxIdBytes = 256;

// Error codes: JSON-RPC's own, then Limber's (documented in protocol.md).
enum ErrorCode : int {
  kParseError = -32700,      // not JSON, invalid UTF-8, nested too deep
  kInvalidRequest = -32600,  // JSON, but not a JSON-RPC 2.0 request
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kIncompatibleProtocol = -32000,
  kNotPossibleNow = -32001,  // e.g. no break is due
  kNotAllowed = -32002,      // the rules forbid it (skip not allowed, no postpones left)
  kManaged = -32003,         // the setting is managed by the organisation (policy)
  kNotFound = -32004,        // no such exercise, checklist, key…
  kUnavailable = -32005,     // the daemon cannot do it here (no history database…)
};

struct Error {
  int code = kInternalError;
  std::string message;
  Json data;  // optional details; null when absent
};

// Splits a byte stream into lines. A line longer than the limit is an
// error: the caller should reply once and disconnect, since the stream can
// no longer be trusted to be in step.
class LineFramer {
 public:
  explicit LineFramer(size_t max_line = kMaxLineBytes) : max_line_(max_line) {}

  // Appends `data` and calls `on_line` for each complete line (without the
  // newline; a trailing '\r' is dropped). Returns false as soon as a line
  // exceeds the limit.
  bool feed(std::string_view data, const std::function<void(std::string_view)>& on_line);
  size_t buffered() const { return buffer_.size(); }

 private:
  size_t max_line_;
  std::string buffer_;
};

// Parses one line into JSON, enforcing the nesting limit before the parser
// sees it and reporting invalid JSON or UTF-8 as kParseError.
std::optional<Json> parse_line(std::string_view line, Error* error);

// One line of output: compact JSON plus '\n'. Invalid UTF-8 in strings is
// replaced, never thrown.
std::string encode(const Json& message);

Json make_request(const Json& id, std::string_view method, Json params = Json::object());
Json make_notification(std::string_view method, Json params = Json::object());
Json make_result(const Json& id, Json result);
Json make_error(const Json& id, const Error& error);

}  // namespace limber::rpc
