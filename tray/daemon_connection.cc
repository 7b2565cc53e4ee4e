#include "daemon_connection.h"

#include <glib-unix.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "tray_log.h"

namespace limber::tray {

namespace {

// Runs `fn` from the main loop, soon: replies promised "later" stay later
// even when the answer (not connected) is known at once.
void post(std::function<void()> fn) {
  auto* boxed = new std::function<void()>(std::move(fn));
  g_idle_add_full(
      G_PRIORITY_DEFAULT,
      [](gpointer data) -> gboolean {
        (*static_cast<std::function<void()>*>(data))();
        return G_SOURCE_REMOVE;
      },
      boxed, [](gpointer data) { delete static_cast<std::function<void()>*>(data); });
}

// A message the view cannot read (a newer daemon's shape, a bug) must not
// take the tray down from inside a GLib callback: say so and go on.
template <typename Fn>
void guarded(const std::string& what, Fn&& fn) {
  try {
    fn();
  } catch (const std::exception& e) {
    log_line("could not handle " + what + " from limberd: " + e.what());
  }
}

rpc::Error not_connected(const std::string& why) {
  return rpc::Error{rpc::kUnavailable, why.empty() ? "not connected to limberd" : why, nullptr};
}

}  // namespace

DaemonConnection::DaemonConnection(std::string socket_path, std::string client_name)
    : socket_path_(std::move(socket_path)), client_name_(std::move(client_name)) {}

DaemonConnection::~DaemonConnection() {
  if (retry_source_ != 0) g_source_remove(retry_source_);
  if (io_source_ != 0) g_source_remove(io_source_);
  if (fd_ >= 0) ::close(fd_);
}

void DaemonConnection::start() { try_connect(); }

void DaemonConnection::try_connect() {
  retry_source_ = 0;
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (socket_path_.empty() || socket_path_.size() >= sizeof addr.sun_path) {
    last_drop_reason_ = "no usable socket path for limberd";
    schedule_retry();
    return;
  }
  std::memcpy(addr.sun_path, socket_path_.c_str(), socket_path_.size() + 1);
  // A fresh stream: nothing half-read from the last daemon carries over.
  framer_ = rpc::LineFramer{kMaxReplyBytes};
  fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd_ < 0) {
    schedule_retry();
    return;
  }
  // Unix sockets connect at once or fail at once; EAGAIN (a full backlog)
  // is the only in-progress case, finished when the socket turns writable.
  if (::connect(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0) {
    say_hello();
    return;
  }
  if (errno == EAGAIN || errno == EINPROGRESS) {
    connecting_ = true;
    update_watch();
    return;
  }
  ::close(fd_);
  fd_ = -1;
  schedule_retry();
}

void DaemonConnection::schedule_retry() {
  if (retry_source_ == 0) retry_source_ = g_timeout_add(kRetryMs, &DaemonConnection::on_retry, this);
}

gboolean DaemonConnection::on_retry(gpointer self) {
  static_cast<DaemonConnection*>(self)->try_connect();
  return G_SOURCE_REMOVE;
}

void DaemonConnection::on_socket_ready() {
  int error = 0;
  socklen_t len = sizeof error;
  connecting_ = false;
  if (::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &error, &len) != 0 || error != 0) {
    drop("cannot connect to limberd");
    return;
  }
  say_hello();
}

void DaemonConnection::say_hello() {
  send_now("hello", rpc::Json{{"protocol", rpc::kProtocolVersion}, {"client", client_name_}},
           [this](const rpc::Json&, const rpc::Error* error) {
             // kUnavailable is our own "the link dropped": already handled.
             if (error != nullptr && error->code == rpc::kUnavailable) return;
             if (error != nullptr) {
               // An incompatible daemon will not change its mind within a
               // second, but a restarted (updated) one may: keep retrying.
               log_line("limberd refused hello: " + error->message);
               drop(error->message);
               return;
             }
             send_now("subscribe", rpc::Json::object(), [this](const rpc::Json&, const rpc::Error* err) {
               if (err != nullptr && err->code == rpc::kUnavailable) return;
               if (err != nullptr) {
                 drop(err->message);
                 return;
               }
               ready_ = true;
               last_drop_reason_.clear();
               emit("link.connected", rpc::Json::object());
             });
           });
}

void DaemonConnection::drop(const std::string& why) {
  const bool was_ready = ready_;
  ready_ = false;
  connecting_ = false;
  if (io_source_ != 0) g_source_remove(io_source_);
  io_source_ = 0;
  watched_ = GIOCondition{};
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  output_.clear();
  last_drop_reason_ = why;
  // Fail what was asked: the daemon that would have answered is gone.
  auto pending = std::move(pending_);
  pending_.clear();
  const rpc::Error error = not_connected("limberd went away: " + why);
  for (auto& [id, reply] : pending) {
    if (reply) reply(nullptr, &error);
  }
  if (was_ready) emit("link.disconnected", rpc::Json{{"reason", why}});
  schedule_retry();
}

void DaemonConnection::call(const std::string& method, rpc::Json params, Reply reply) {
  if (!ready_) {
    if (reply) {
      post([reply, why = last_drop_reason_] {
        const rpc::Error error = not_connected(why.empty() ? "" : "not connected to limberd: " + why);
        reply(nullptr, &error);
      });
    }
    return;
  }
  send_now(method, std::move(params), std::move(reply));
}

void DaemonConnection::send_now(const std::string& method, rpc::Json params, Reply reply) {
  const int64_t id = next_id_++;
  pending_[id] = std::move(reply);
  output_ += rpc::encode(rpc::make_request(id, method, std::move(params)));
  flush_output();
}

void DaemonConnection::flush_output() {
  while (fd_ >= 0 && !connecting_ && !output_.empty()) {
    const ssize_t n = ::send(fd_, output_.data(), output_.size(), MSG_NOSIGNAL);
    if (n > 0) {
      output_.erase(0, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    drop(std::string("write failed: ") + std::strerror(errno));
    return;
  }
  update_watch();
}

void DaemonConnection::update_watch() {
  if (fd_ < 0) return;
  GIOCondition want = static_cast<GIOCondition>(G_IO_IN | G_IO_HUP | G_IO_ERR);
  if (connecting_ || !output_.empty()) want = static_cast<GIOCondition>(want | G_IO_OUT);
  if (io_source_ != 0 && want == watched_) return;
  if (io_source_ != 0) g_source_remove(io_source_);
  watched_ = want;
  io_source_ = g_unix_fd_add(fd_, want, &DaemonConnection::on_io, this);
}

gboolean DaemonConnection::on_io(gint, GIOCondition condition, gpointer data) {
  auto* self = static_cast<DaemonConnection*>(data);
  const guint source = self->io_source_;
  if (self->connecting_) {
    if (condition & (G_IO_OUT | G_IO_ERR | G_IO_HUP)) self->on_socket_ready();
  } else {
    if (condition & (G_IO_IN | G_IO_HUP | G_IO_ERR)) self->read_input();
    if (self->fd_ >= 0 && (condition & G_IO_OUT)) self->flush_output();
  }
  // drop() or update_watch() may have replaced this source: then it is gone
  // already and must not be kept.
  return self->io_source_ == source ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

void DaemonConnection::read_input() {
  char buf[16384];
  for (;;) {
    const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n > 0) {
      const bool ok = framer_.feed(std::string_view(buf, static_cast<size_t>(n)),
                                   [this](std::string_view line) { handle_line(line); });
      if (fd_ < 0) return;  // a handler dropped the link
      if (!ok) {
        drop("a reply from limberd was too long");
        return;
      }
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    drop(n == 0 ? "limberd closed the connection" : std::string("read failed: ") + std::strerror(errno));
    return;
  }
}

void DaemonConnection::handle_line(std::string_view line) {
  if (fd_ < 0) return;
  rpc::Error parse_error;
  std::optional<rpc::Json> message = rpc::parse_line(line, &parse_error);
  if (!message || !message->is_object()) return;  // not ours to repair; the daemon logs its own errors
  const rpc::Json& m = *message;
  if (m.contains("method") && m["method"].is_string()) {
    emit(m["method"].get<std::string>(), m.value("params", rpc::Json::object()));
    return;
  }
  if (!m.contains("id") || !m["id"].is_number_integer()) return;
  auto it = pending_.find(m["id"].get<int64_t>());
  if (it == pending_.end()) return;
  Reply reply = std::move(it->second);
  pending_.erase(it);
  if (!reply) return;
  guarded("a reply", [&] {
    if (m.contains("error") && m["error"].is_object()) {
      const rpc::Json& e = m["error"];
      rpc::Error error{e.value("code", static_cast<int>(rpc::kInternalError)), e.value("message", std::string()),
                       e.value("data", rpc::Json())};
      reply(nullptr, &error);
    } else {
      reply(m.value("result", rpc::Json()), nullptr);
    }
  });
}

int DaemonConnection::add_listener(Listener listener) {
  const int handle = next_listener_++;
  listeners_[handle] = std::move(listener);
  return handle;
}

void DaemonConnection::remove_listener(int handle) { listeners_.erase(handle); }

void DaemonConnection::emit(const std::string& method, const rpc::Json& params) {
  // A listener may add or remove listeners (a window closing itself).
  const auto snapshot = listeners_;
  for (const auto& [handle, listener] : snapshot) {
    if (listeners_.count(handle)) guarded(method, [&] { listener(method, params); });
  }
}

}  // namespace limber::tray
