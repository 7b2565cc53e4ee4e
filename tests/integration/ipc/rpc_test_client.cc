#include "rpc_test_client.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <utility>

namespace limber::test {

namespace {

using Clock = std::chrono::steady_clock;

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
  return left < 0 ? 0 : static_cast<int>(left);
}

}  // namespace

RpcTestClient::~RpcTestClient() {
  close();
}

RpcTestClient::RpcTestClient(RpcTestClient&& other) noexcept {
  *this = std::move(other);
}

RpcTestClient& RpcTestClient::operator=(RpcTestClient&& other) noexcept {
  if (this != &other) {
    close();
    fd_ = std::exchange(other.fd_, -1);
    buffer_ = std::move(other.buffer_);
    eof_ = other.eof_;
    next_id_ = other.next_id_;
    notifications_ = std::move(other.notifications_);
  }
  return *this;
}

bool RpcTestClient::connect(const std::string& path, std::string* err) {
  close();
  eof_ = false;
  buffer_.clear();
  fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) {
    *err = std::string("socket: ") + std::strerror(errno);
    return false;
  }
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (path.size() >= sizeof addr.sun_path) {
    *err = "socket path too long: " + path;
    close();
    return false;
  }
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  if (::connect(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    *err = "connect " + path + ": " + std::strerror(errno);
    close();
    return false;
  }
  return true;
}

void RpcTestClient::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

bool RpcTestClient::send_raw(std::string_view bytes, milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!bytes.empty()) {
    if (fd_ < 0) return false;
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      bytes.remove_prefix(static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd p{fd_, POLLOUT, 0};
      if (::poll(&p, 1, remaining_ms(deadline)) <= 0) return false;
      continue;
    }
    return false;
  }
  return true;
}

int64_t RpcTestClient::send_request(std::string_view method, Json params) {
  const int64_t id = next_id_++;
  send_raw(rpc::encode(rpc::make_request(id, method, std::move(params))));
  return id;
}

std::optional<std::string> RpcTestClient::read_line(milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    if (const size_t nl = buffer_.find('\n'); nl != std::string::npos) {
      std::string line = buffer_.substr(0, nl);
      buffer_.erase(0, nl + 1);
      return line;
    }
    if (fd_ < 0 || eof_) return std::nullopt;
    pollfd p{fd_, POLLIN, 0};
    const int ready = ::poll(&p, 1, remaining_ms(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return std::nullopt;
    char chunk[65536];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      eof_ = true;  // EOF, or ECONNRESET when the daemon closed on unread data
      continue;
    }
    buffer_.append(chunk, static_cast<size_t>(n));
  }
}

std::optional<Json> RpcTestClient::read_message(milliseconds timeout) {
  auto line = read_line(timeout);
  if (!line) return std::nullopt;
  Json value = Json::parse(*line, nullptr, false);
  if (value.is_discarded()) return std::nullopt;
  return value;
}

std::optional<Json> RpcTestClient::wait_reply(int64_t id, milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    auto message = read_message(milliseconds(remaining_ms(deadline)));
    if (!message) return std::nullopt;
    if (message->is_object() && message->contains("id") && (*message)["id"] == id) return message;
    if (message->is_object() && message->contains("method"))
      notifications_.push_back(std::move(*message));
  }
}

std::optional<Json> RpcTestClient::call(std::string_view method, Json params,
                                        milliseconds timeout) {
  return wait_reply(send_request(method, std::move(params)), timeout);
}

std::optional<Json> RpcTestClient::wait_notification(std::string_view method,
                                                     milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    auto message = read_message(milliseconds(remaining_ms(deadline)));
    if (!message) return std::nullopt;
    if (!message->is_object() || !message->contains("method")) continue;
    notifications_.push_back(*message);
    if ((*message)["method"] == method) return message;
  }
}

bool RpcTestClient::wait_closed(milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!eof_) {
    if (!read_line(milliseconds(remaining_ms(deadline))) && !eof_ && remaining_ms(deadline) == 0)
      return false;
  }
  return true;
}

int error_code(const Json& reply) {
  if (!reply.is_object() || !reply.contains("error") || !reply["error"].is_object()) return 0;
  return reply["error"].value("code", 0);
}

std::string error_message(const Json& reply) {
  if (error_code(reply) == 0) return {};
  return reply["error"].value("message", "");
}

std::string process_state(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("State:", 0) == 0) return line.substr(7);
  }
  return "gone";
}

long rss_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

}  // namespace limber::test
