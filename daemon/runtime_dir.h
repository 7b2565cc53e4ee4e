// The per-user runtime directory, $XDG_RUNTIME_DIR/limber: the lock file
// that keeps limberd to one instance per user, and (with the IPC issue) the
// socket. Created with mode 0700; an existing directory that is not ours or
// is open to others is refused, since the socket's safety depends on it.
#pragma once

#include <string>

#include "limber/status.h"

namespace limber {

// $XDG_RUNTIME_DIR/limber, created if needed. Fails when XDG_RUNTIME_DIR is
// unset or not absolute, or the directory is unsafe.
Status ensure_runtime_dir(std::string* dir);

// Holds an exclusive flock on <dir>/limberd.lock for the life of the object.
class InstanceLock {
 public:
  InstanceLock() = default;
  ~InstanceLock();
  InstanceLock(const InstanceLock&) = delete;
  InstanceLock& operator=(const InstanceLock&) = delete;

  // Fails with kFailedPrecondition when another limberd holds the lock; the
  // message names its pid when known.
  Status acquire(const std::string& dir);

 private:
  int fd_ = -1;
};

}  // namespace limber
