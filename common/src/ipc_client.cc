#include "limber/ipc_client.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace limber {

using rpc::Json;
using Clock = std::chrono::steady_clock;

std::string default_socket_path(std::string* err) {
  const char* base = std::getenv("XDG_RUNTIME_DIR");
  if (base == nullptr || base[0] != '/') {
    if (err != nullptr) {
      *err =
          "XDG_RUNTIME_DIR is not set (or not an absolute path), so limberd's socket cannot be "
          "found";
    }
    return {};
  }
  return std::string(base) + "/limber/limberd.sock";
}

IpcClient::~IpcClient() {
  close();
}

void IpcClient::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  framer_ = rpc::LineFramer(kMaxReplyBytes);
  responses_.clear();
}

Status IpcClient::connect(const std::string& path) {
  close();
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (path.empty() || path.size() >= sizeof addr.sun_path) {
    return Status::invalid("socket path '" + path + "' is empty or longer than " +
                           std::to_string(sizeof addr.sun_path - 1) + " bytes");
  }
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return Status::io(std::string("cannot create a socket: ") + std::strerror(errno));
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    const int e = errno;
    ::close(fd);
    const std::string why = "cannot connect to " + path + ": " + std::strerror(e);
    if (e == ENOENT || e == ECONNREFUSED || e == ENOTDIR) return Status::unavailable(why);
    return Status::io(why);
  }
  fd_ = fd;
  return Status::ok();
}

bool IpcClient::send_line(const std::string& line, std::string* why) {
  size_t sent = 0;
  while (sent < line.size()) {
    const ssize_t n = ::send(fd_, line.data() + sent, line.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *why = std::string("cannot send to limberd: ") + std::strerror(errno);
      close();
      return false;
    }
    sent += static_cast<size_t>(n);
  }
  return true;
}

bool IpcClient::read_some(std::chrono::milliseconds timeout, std::string* why) {
  if (fd_ < 0) {
    *why = "not connected to limberd";
    return false;
  }
  pollfd p{fd_, POLLIN, 0};
  int ready = 0;
  do {
    ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
  } while (ready < 0 && errno == EINTR);
  if (ready == 0) return true;  // nothing yet; the caller checks its deadline
  char buf[65536];
  ssize_t n = 0;
  do {
    n = ::recv(fd_, buf, sizeof buf, 0);
  } while (n < 0 && errno == EINTR);
  if (n <= 0) {
    *why = n == 0 ? "limberd closed the connection"
                  : std::string("cannot read from limberd: ") + std::strerror(errno);
    close();
    return false;
  }
  bool bad_line = false;
  const bool framed =
      framer_.feed(std::string_view(buf, static_cast<size_t>(n)), [&](std::string_view line) {
        if (line.empty()) return;
        rpc::Error error;
        std::optional<Json> message = rpc::parse_line(line, &error);
        if (!message || !message->is_object()) {
          bad_line = true;
          return;
        }
        if (message->contains("method") && !message->contains("id")) {
          const Json& params = message->contains("params") ? (*message)["params"] : Json::object();
          notifications_.push_back({message->value("method", std::string()), params});
        } else {
          responses_.push_back(std::move(*message));
        }
      });
  if (!framed || bad_line) {
    *why = framed ? "limberd sent a line that is not a JSON-RPC message"
                  : "limberd sent a line too long to read";
    close();
    return false;
  }
  return true;
}

CallResult IpcClient::call(std::string_view method, const Json& params,
                           std::chrono::milliseconds timeout) {
  CallResult out;
  std::string why;
  if (fd_ < 0) {
    out.error = {rpc::kInternalError, "not connected to limberd", nullptr};
    return out;
  }
  const int64_t id = next_id_++;
  if (!send_line(rpc::encode(rpc::make_request(id, method, params)), &why)) {
    out.error = {rpc::kInternalError, why, nullptr};
    return out;
  }
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    while (!responses_.empty()) {
      Json response = std::move(responses_.front());
      responses_.pop_front();
      // A late answer to an earlier call that timed out is not ours. An
      // error with a null id answers a request the daemon could not read,
      // and only ours is outstanding.
      const Json response_id = response.value("id", Json(nullptr));
      const bool ours =
          response_id == Json(id) || (response_id.is_null() && response.contains("error"));
      if (!ours) continue;
      if (response.contains("error") && response["error"].is_object()) {
        const Json& e = response["error"];
        out.status = CallStatus::kRpcError;
        out.error = {e.value("code", static_cast<int>(rpc::kInternalError)),
                     e.value("message", std::string()), e.value("data", Json(nullptr))};
      } else {
        out.status = CallStatus::kOk;
        out.result = response.value("result", Json(nullptr));
      }
      return out;
    }
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      out.status = CallStatus::kTimedOut;
      out.error = {rpc::kInternalError,
                   "limberd did not answer " + std::string(method) + " within " +
                       std::to_string(timeout.count()) + " ms",
                   nullptr};
      return out;
    }
    if (!read_some(left, &why)) {
      out.status = CallStatus::kDisconnected;
      out.error = {rpc::kInternalError, why, nullptr};
      return out;
    }
  }
}

CallResult IpcClient::hello(std::string_view client_name, std::chrono::milliseconds timeout) {
  return call("hello", Json{{"protocol", rpc::kProtocolVersion}, {"client", client_name}}, timeout);
}

std::optional<RpcNotification> IpcClient::next_notification(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    if (!notifications_.empty()) {
      RpcNotification n = std::move(notifications_.front());
      notifications_.pop_front();
      return n;
    }
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    std::string why;
    if (!read_some(std::max(left, std::chrono::milliseconds(0)), &why)) return std::nullopt;
    // Answers nobody waits for any more are dropped, so they cannot pile up.
    responses_.clear();
    if (notifications_.empty() && left.count() <= 0) return std::nullopt;
  }
}

}  // namespace limber
