#include "single_instance.h"

#include <glib-unix.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <wx/defs.h>
#include <wx/string.h>
#include <wx/snglinst.h>

#include <cerrno>
#include <cstring>

namespace limber::tray {

namespace {

bool make_address(const std::string& path, sockaddr_un* addr) {
  *addr = sockaddr_un{};
  addr->sun_family = AF_UNIX;
  if (path.size() >= sizeof addr->sun_path) return false;
  std::memcpy(addr->sun_path, path.c_str(), path.size() + 1);
  return true;
}

}  // namespace

SingleInstance::SingleInstance(std::string runtime_dir) : dir_(std::move(runtime_dir)) {}

SingleInstance::~SingleInstance() {
  if (watch_ != 0) g_source_remove(watch_);
  if (listen_fd_ >= 0) {
    ::close(listen_fd_);
    ::unlink(socket_path().c_str());
  }
}

bool SingleInstance::acquire(std::string* err) {
  // The daemon makes this directory too; whoever starts first does, 0700.
  if (::mkdir(dir_.c_str(), 0700) != 0 && errno != EEXIST) {
    *err = "cannot create " + dir_ + ": " + std::strerror(errno);
    return false;
  }
  checker_ = std::make_unique<wxSingleInstanceChecker>();
  if (!checker_->Create("limber-tray.lock", wxString::FromUTF8(dir_))) {
    *err = "cannot take the lock in " + dir_;
    return false;
  }
  return !checker_->IsAnotherRunning();
}

bool SingleInstance::knock() {
  sockaddr_un addr{};
  if (!make_address(socket_path(), &addr)) return false;
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  bool ok = ::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0 &&
            ::send(fd, "show\n", 5, MSG_NOSIGNAL) == 5;
  if (ok) {
    // Wait (briefly) for the first instance to read it before we go.
    pollfd p{fd, POLLIN, 0};
    ::poll(&p, 1, 2000);
  }
  ::close(fd);
  return ok;
}

bool SingleInstance::listen(std::function<void()> on_show, std::string* err) {
  on_show_ = std::move(on_show);
  sockaddr_un addr{};
  if (!make_address(socket_path(), &addr)) {
    *err = "socket path too long: " + socket_path();
    return false;
  }
  // We hold the lock: a tray.sock that is there is a dead instance's.
  ::unlink(socket_path().c_str());
  listen_fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  const mode_t old = ::umask(077);
  const bool bound = listen_fd_ >= 0 && ::bind(listen_fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0 &&
                     ::listen(listen_fd_, 4) == 0;
  ::umask(old);
  if (!bound) {
    *err = "cannot listen on " + socket_path() + ": " + std::strerror(errno);
    return false;
  }
  watch_ = g_unix_fd_add(listen_fd_, G_IO_IN, &SingleInstance::on_accept, this);
  return true;
}

gboolean SingleInstance::on_accept(gint fd, GIOCondition, gpointer data) {
  auto* self = static_cast<SingleInstance*>(data);
  const int client = ::accept4(fd, nullptr, nullptr, SOCK_CLOEXEC);
  if (client < 0) return G_SOURCE_CONTINUE;
  // Same user only, as for the daemon's socket.
  ucred peer{};
  socklen_t len = sizeof peer;
  const bool same_user = ::getsockopt(client, SOL_SOCKET, SO_PEERCRED, &peer, &len) == 0 && peer.uid == ::getuid();
  char buf[16] = {};
  // The knocker wrote its line before we were woken; wait a moment at most.
  pollfd p{client, POLLIN, 0};
  const bool readable = ::poll(&p, 1, 500) == 1;
  const ssize_t n = readable ? ::recv(client, buf, sizeof buf - 1, 0) : 0;
  ::close(client);
  if (same_user && n >= 4 && std::strncmp(buf, "show", 4) == 0 && self->on_show_) self->on_show_();
  return G_SOURCE_CONTINUE;
}

}  // namespace limber::tray
