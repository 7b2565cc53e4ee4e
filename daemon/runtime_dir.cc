#include "runtime_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace limber {

Status ensure_runtime_dir(std::string* dir) {
  const char* base = std::getenv("XDG_RUNTIME_DIR");
  if (base == nullptr || base[0] != '/') {
    return Status::precondition(
        "XDG_RUNTIME_DIR is not set (or not an absolute path); limberd needs the per-user "
        "runtime directory that systemd-logind provides");
  }
  *dir = std::string(base) + "/limber";
  if (::mkdir(dir->c_str(), 0700) != 0 && errno != EEXIST) {
    return Status::io("cannot create " + *dir + ": " + std::strerror(errno));
  }
  struct stat st {};
  if (::lstat(dir->c_str(), &st) != 0) return Status::io("cannot inspect " + *dir + ": " + std::strerror(errno));
  if (!S_ISDIR(st.st_mode)) return Status::precondition(*dir + " exists and is not a directory");
  if (st.st_uid != ::getuid()) return Status::precondition(*dir + " belongs to another user");
  if ((st.st_mode & 077) != 0 && ::chmod(dir->c_str(), 0700) != 0) {
    return Status::io("cannot make " + *dir + " private (mode 0700): " + std::strerror(errno));
  }
  return Status::ok();
}

InstanceLock::~InstanceLock() {
  if (fd_ >= 0) ::close(fd_);
}

Status InstanceLock::acquire(const std::string& dir) {
  const std::string path = dir + "/limberd.lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) return Status::io("cannot open " + path + ": " + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    char buf[32] = {};
    const ssize_t n = ::pread(fd_, buf, sizeof buf - 1, 0);
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK) {
      std::string who = n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
      while (!who.empty() && (who.back() == '\n' || who.back() == ' ')) who.pop_back();
      return Status::precondition("limberd is already running" +
                                  (who.empty() ? std::string() : " (pid " + who + ")") +
                                  "; lock file " + path);
    }
    return Status::io("cannot lock " + path + ": " + std::strerror(err));
  }
  // Record our pid for the message above; the lock itself is what counts.
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) == 0) {
    ssize_t ignored = ::pwrite(fd_, pid.data(), pid.size(), 0);
    (void)ignored;
  }
  return Status::ok();
}

}  // namespace limber
