#include "ipc/ipc_server.h"

#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <csignal>
#include <cstring>

#include "log.h"

namespace limber {

// A client lives until libuv has closed its pipe: drop() only starts the
// close, and the close callback removes it, so callbacks running at that
// moment (a read that triggered the drop) still see a live object.
struct IpcServer::Client {
  IpcServer* server = nullptr;
  uv_pipe_t pipe{};
  ClientContext context;
  rpc::LineFramer framer;
  bool closing = false;
  bool spoke = false;          // has sent at least one byte
  uint64_t connected_ms = 0;   // uv_now at accept

  uv_handle_t* handle() { return reinterpret_cast<uv_handle_t*>(&pipe); }
  uv_stream_t* stream() { return reinterpret_cast<uv_stream_t*>(&pipe); }
};

namespace {

// Closes a client that never joined the list (refused at accept).
void close_refused(uv_handle_t* handle) {
  uv_close(handle, [](uv_handle_t* h) { delete static_cast<IpcServer::Client*>(h->data); });
}

}  // namespace

IpcServer::IpcServer(uv_loop_t* loop, RpcDispatcher& dispatcher, IpcLimits limits)
    : loop_(loop), dispatcher_(dispatcher), limits_(limits) {
  uv_timer_init(loop_, silence_timer_.get());
  silence_timer_.get()->data = this;
  // The timer must not keep the loop alive on its own.
  uv_unref(silence_timer_.base());
}

IpcServer::~IpcServer() { close(); }

Status IpcServer::listen(const std::string& path) {
  path_ = path;
  // libuv writes to a client with writev(), which raises SIGPIPE when the
  // client has gone; by default that kills limberd. Lost clients are
  // reported as EPIPE to the write callback instead. (GLib ignores SIGPIPE
  // too, but only once its socket code starts, which may be later.)
  ::signal(SIGPIPE, SIG_IGN);
  uv_pipe_init(loop_, listener_.get(), 0);
  listener_.get()->data = this;
  if (sd_listen_fds(0) >= 1) {
    // Socket activation: systemd bound the socket and hands it over as fd 3.
    if (int rc = uv_pipe_open(listener_.get(), SD_LISTEN_FDS_START); rc != 0) {
      return Status::io(std::string("cannot use the socket systemd passed: ") + uv_strerror(rc));
    }
    log_info("IPC: listening on the socket passed by systemd");
  } else {
    sockaddr_un addr{};
    if (path.size() >= sizeof addr.sun_path) {
      // libuv would silently truncate it and bind somewhere else.
      return Status::invalid("socket path is " + std::to_string(path.size()) +
                             " bytes, longer than the " + std::to_string(sizeof addr.sun_path - 1) +
                             " a Unix socket allows: " + path);
    }
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 && S_ISSOCK(st.st_mode)) ::unlink(path.c_str());
    const mode_t old_mask = ::umask(077);
    const int rc = uv_pipe_bind(listener_.get(), path.c_str());
    ::umask(old_mask);
    if (rc != 0) return Status::io("cannot bind " + path + ": " + uv_strerror(rc));
    bound_path_ = true;
  }
  const int rc = uv_listen(reinterpret_cast<uv_stream_t*>(listener_.get()), 64,
                           [](uv_stream_t* s, int status) {
                             auto* self = static_cast<IpcServer*>(s->data);
                             if (status == 0) self->accept_client();
                           });
  if (rc != 0) return Status::io("cannot listen on " + path + ": " + uv_strerror(rc));
  return Status::ok();
}

void IpcServer::accept_client() {
  auto* client = new Client;
  client->server = this;
  uv_pipe_init(loop_, &client->pipe, 0);
  client->pipe.data = client;
  if (uv_accept(reinterpret_cast<uv_stream_t*>(listener_.get()), client->stream()) != 0) {
    close_refused(client->handle());
    return;
  }
  uv_os_fd_t fd = -1;
  ucred cred{};
  socklen_t len = sizeof cred;
  if (uv_fileno(client->handle(), &fd) != 0 ||
      ::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0) {
    log_warning(std::string("IPC: refused a client whose credentials cannot be read: ") +
                std::strerror(errno));
    close_refused(client->handle());
    return;
  }
  if (cred.uid != ::getuid()) {
    log_warning("IPC: refused a client of uid " + std::to_string(cred.uid) + " (pid " +
                std::to_string(cred.pid) + "): only uid " + std::to_string(::getuid()) +
                " may connect");
    close_refused(client->handle());
    return;
  }
  if (client_count() >= limits_.max_clients) reap_hung_up();
  if (client_count() >= limits_.max_clients) {
    refuse_over_cap();
    close_refused(client->handle());
    return;
  }
  client->context.id = next_client_id_++;
  client->connected_ms = uv_now(loop_);
  uv_read_start(
      client->stream(),
      [](uv_handle_t*, size_t suggested, uv_buf_t* buf) {
        buf->base = new char[suggested];
        buf->len = suggested;
      },
      [](uv_stream_t* s, ssize_t n, const uv_buf_t* buf) {
        auto* c = static_cast<Client*>(s->data);
        if (n > 0) {
          c->server->read(c, std::string_view(buf->base, static_cast<size_t>(n)));
        } else if (n < 0) {
          c->server->drop(c, n == UV_EOF ? std::string() : uv_strerror(static_cast<int>(n)));
        }
        delete[] buf->base;
      });
  clients_.emplace_back(client);
  log_debug("IPC: client " + std::to_string(client->context.id) + " connected");
  if (!uv_is_active(silence_timer_.base())) arm_silence_timer();
  if (on_connect) on_connect(client->context);
}

void IpcServer::reap_hung_up() {
  // libuv accepts every queued connection before it reads the hang-ups of
  // the same loop turn, so clients that already left would still hold
  // slots. POLLHUP with nothing unread (FIONREAD 0): the peer closed and
  // sent nothing more (a client that sent a request and left still gets it
  // run). POLLIN alone cannot tell: an end of stream is readable too.
  for (auto it = clients_.begin(); it != clients_.end();) {
    Client* c = (it++)->get();
    uv_os_fd_t fd = -1;
    if (c->closing || uv_fileno(c->handle(), &fd) != 0) continue;
    pollfd p{fd, POLLIN, 0};
    int unread = 0;
    if (::poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR)) != 0 &&
        ::ioctl(fd, FIONREAD, &unread) == 0 && unread == 0) {
      drop(c, std::string());
    }
  }
}

void IpcServer::refuse_over_cap() {
  ++refused_total_;
  ++refused_unlogged_;
  const uint64_t now = uv_now(loop_);
  if (refusal_logged_ && now - last_refusal_log_ms_ < limits_.refusal_log_interval_ms) return;
  // A client reconnecting in a loop must not fill the journal.
  std::string line = "IPC: refused a client: already " + std::to_string(client_count()) + " connected";
  if (refused_unlogged_ > 1) {
    line += " (" + std::to_string(refused_unlogged_) + " refused since the last such line)";
  }
  log_warning(line);
  refusal_logged_ = true;
  last_refusal_log_ms_ = now;
  refused_unlogged_ = 0;
}

void IpcServer::arm_silence_timer() {
  uint64_t earliest = UINT64_MAX;
  for (const auto& c : clients_) {
    if (!c->closing && !c->spoke) earliest = std::min(earliest, c->connected_ms);
  }
  if (earliest == UINT64_MAX) return;
  const uint64_t due = earliest + limits_.first_request_timeout_ms;
  const uint64_t now = uv_now(loop_);
  uv_timer_start(
      silence_timer_.get(),
      [](uv_timer_t* t) { static_cast<IpcServer*>(t->data)->check_silent_clients(); },
      due > now ? due - now : 0, 0);
}

void IpcServer::check_silent_clients() {
  const uint64_t now = uv_now(loop_);
  for (auto it = clients_.begin(); it != clients_.end();) {
    Client* c = (it++)->get();
    if (c->closing || c->spoke || now - c->connected_ms < limits_.first_request_timeout_ms) continue;
    drop(c, "sent no request within " + std::to_string(limits_.first_request_timeout_ms) + " ms");
  }
  arm_silence_timer();
}

void IpcServer::read(Client* client, std::string_view data) {
  client->spoke = true;
  // A libuv callback must not throw: running out of memory while queuing a
  // reply costs this client its connection, not the daemon its life.
  try {
    read_lines(client, data);
  } catch (...) {
    drop(client, "out of memory while answering it");
  }
}

void IpcServer::read_lines(Client* client, std::string_view data) {
  const bool ok = client->framer.feed(data, [&](std::string_view line) {
    if (client->closing || line.empty()) return;
    std::string reply = dispatcher_.dispatch(line, client->context);
    if (!reply.empty()) send(client, std::move(reply));
  });
  if (!ok && !client->closing) {
    send(client, rpc::encode(rpc::make_error(
                     nullptr, {rpc::kInvalidRequest,
                               "line longer than " + std::to_string(rpc::kMaxLineBytes) + " bytes",
                               nullptr})));
    drop(client, "sent a line longer than " + std::to_string(rpc::kMaxLineBytes) + " bytes");
  }
}

void IpcServer::send(Client* client, std::string line) {
  if (client->closing) return;
  uv_stream_t* stream = client->stream();
  // What is already queued is measured, not this line: one reply up to
  // kMaxReplyBytes always goes to a client that reads.
  if (uv_stream_get_write_queue_size(stream) > limits_.max_pending_output) {
    drop(client, "does not read its replies (over " + std::to_string(limits_.max_pending_output) +
                     " bytes pending)");
    return;
  }
  struct Write {
    uv_write_t req;
    std::string data;
  };
  auto* w = new Write{{}, std::move(line)};
  uv_buf_t buf = uv_buf_init(w->data.data(), static_cast<unsigned>(w->data.size()));
  if (uv_write(&w->req, stream, &buf, 1, [](uv_write_t* req, int) {
        delete reinterpret_cast<Write*>(req);  // req is the first member
      }) != 0) {
    delete w;
    drop(client, "write failed");
  }
}

void IpcServer::drop(Client* client, const std::string& why) {
  if (client->closing) return;
  client->closing = true;
  if (!why.empty()) {
    log_warning("IPC: disconnecting client " + std::to_string(client->context.id) + ": " + why);
  } else {
    log_debug("IPC: client " + std::to_string(client->context.id) + " disconnected");
  }
  if (on_disconnect) on_disconnect(client->context);
  uv_close(client->handle(), [](uv_handle_t* h) {
    auto* c = static_cast<Client*>(h->data);
    c->server->clients_.remove_if([c](const std::unique_ptr<Client>& p) { return p.get() == c; });
  });
}

void IpcServer::notify(const std::string& method, const rpc::Json& params) {
  std::string line;
  for (auto it = clients_.begin(); it != clients_.end();) {
    Client* c = (it++)->get();  // send() may drop c
    if (!c->context.wants(method)) continue;
    if (line.empty()) line = rpc::encode(rpc::make_notification(method, params));
    send(c, line);
  }
}

size_t IpcServer::client_count() const {
  size_t n = 0;
  for (const auto& c : clients_) n += c->closing ? 0u : 1u;
  return n;
}

size_t IpcServer::clients_named(std::string_view prefix) const {
  size_t n = 0;
  for (const auto& c : clients_) {
    if (!c->closing && c->context.name.compare(0, prefix.size(), prefix) == 0) ++n;
  }
  return n;
}

void IpcServer::close() {
  silence_timer_.close();
  for (auto it = clients_.begin(); it != clients_.end();) drop((it++)->get(), std::string());
  listener_.close();
  if (bound_path_) {
    ::unlink(path_.c_str());
    bound_path_ = false;
  }
}

}  // namespace limber
