#include "daemon_rpc.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <thread>

namespace limber::test {

DaemonRpc::~DaemonRpc() {
  if (fd_ >= 0) close(fd_);
}

bool DaemonRpc::connect(const std::string& socket_path, std::chrono::milliseconds timeout, std::string* err) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, socket_path.c_str(), sizeof addr.sun_path - 1);
  for (;;) {
    fd_ = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) return true;
    const int error = errno;
    close(fd_);
    fd_ = -1;
    if (std::chrono::steady_clock::now() >= deadline) {
      *err = "cannot connect to " + socket_path + ": " + std::strerror(error);
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::optional<rpc::Json> DaemonRpc::call(const std::string& method, const rpc::Json& params, std::string* err) {
  const int id = next_id_++;
  const std::string line =
      rpc::Json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump() + "\n";
  if (send(fd_, line.data(), line.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(line.size())) {
    *err = "send failed";
    return std::nullopt;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  for (;;) {
    for (size_t end; (end = buffer_.find('\n')) != std::string::npos;) {
      const std::string reply = buffer_.substr(0, end);
      buffer_.erase(0, end + 1);
      const rpc::Json j = rpc::Json::parse(reply, nullptr, false);
      if (j.is_discarded() || !j.contains("id") || j["id"] != id) continue;  // a notification
      if (j.contains("error")) {
        *err = j["error"].dump();
        return std::nullopt;
      }
      return j["result"];
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd p{fd_, POLLIN, 0};
    if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) {
      *err = "no answer to " + method;
      return std::nullopt;
    }
    char chunk[4096];
    const ssize_t n = read(fd_, chunk, sizeof chunk);
    if (n <= 0) {
      *err = "connection closed";
      return std::nullopt;
    }
    buffer_.append(chunk, static_cast<size_t>(n));
  }
}

}  // namespace limber::test
