// The same-uid rule (SO_PEERCRED): a client running as another user is
// refused even when the socket's permissions would let it connect. Needs
// root, to create a throwaway system user and to switch to it.
#include <grp.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <random>

#include "ipc_fixture.h"

namespace limber::test {
namespace {

// A system user that exists for the life of the object.
class ThrowawayUser {
 public:
  ThrowawayUser() {
    name_ = "limber-test-" + std::to_string(std::random_device{}() % 100000);
    const std::string add = "useradd -r -M -s /usr/sbin/nologin " + name_ + " >/dev/null 2>&1";
    if (std::system(add.c_str()) != 0) return;
    if (const passwd* pw = ::getpwnam(name_.c_str())) {
      uid_ = pw->pw_uid;
      gid_ = pw->pw_gid;
    }
  }
  ~ThrowawayUser() {
    // Best effort: a user left behind is harmless to the next run.
    if (uid_ != 0 && std::system(("userdel " + name_ + " >/dev/null 2>&1").c_str()) != 0) {
    }
  }
  ThrowawayUser(const ThrowawayUser&) = delete;
  ThrowawayUser& operator=(const ThrowawayUser&) = delete;

  bool ok() const { return uid_ != 0; }
  uid_t uid() const { return uid_; }
  gid_t gid() const { return gid_; }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  uid_t uid_ = 0;
  gid_t gid_ = 0;
};

// What the child running as the other user saw.
enum PeerOutcome : int {
  kRefused = 0,  // connected, then closed without a single byte
  kCannotConnect = 1,
  kAnswered = 2,      // the daemon replied: the check failed
  kStillOpen = 3,     // neither reply nor close within 3 s
  kCannotSwitch = 4,  // setgid/setuid failed
};

// Forks a child that becomes `uid`, connects to `path` and sends a status
// request. Only async-signal-safe calls after fork (the test has threads).
int connect_as(uid_t uid, gid_t gid, const std::string& path) {
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  static const char kRequest[] = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"}\n";
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
      ::_exit(kCannotSwitch);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0)
      ::_exit(kCannotConnect);
    (void)::send(fd, kRequest, sizeof kRequest - 1, MSG_NOSIGNAL);
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 3000) <= 0) ::_exit(kStillOpen);
    char byte = 0;
    ::_exit(::recv(fd, &byte, 1, 0) > 0 ? kAnswered : kRefused);
  }
  int status = 0;
  if (pid < 0 || ::waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

class PeerUid : public IpcTest {};

TEST_F(PeerUid, AClientOfAnotherUserIsRefusedAndLogged) {
  if (::geteuid() != 0)
    GTEST_SKIP() << "needs root: creates a throwaway user and connects as that user";
  ThrowawayUser other;
  ASSERT_TRUE(other.ok()) << "useradd failed for " << other.name();
  start_demo();
  // limberd keeps its runtime directory 0700 and the socket 0600, so the
  // other user could not even reach it. Open the path (not the daemon's
  // check) so that only SO_PEERCRED stands between that user and limberd.
  for (const std::string& dir :
       {home_.root(), home_.runtime_dir(), home_.runtime_dir() + "/limber"}) {
    ASSERT_EQ(::chmod(dir.c_str(), 0711), 0) << dir;
  }
  ASSERT_EQ(::chmod(socket().c_str(), 0777), 0);

  EXPECT_EQ(connect_as(other.uid(), other.gid(), socket()), kRefused)
      << "0 refused, 1 cannot connect, 2 answered, 3 left open, 4 cannot switch user";
  EXPECT_TRUE(logged(
      "refused a client of uid " + std::to_string(other.uid()) + " \\(pid [0-9]+\\): only uid 0",
      3s));

  // The owner is still served, on the same socket.
  EXPECT_EQ(connect_as(0, 0, socket()), kAnswered);
  EXPECT_TRUE(responsive());
}

}  // namespace
}  // namespace limber::test
