// IpcClient against a scripted peer on a real Unix socket: how answers,
// notifications, errors, silence and a closed connection come out.
#include "limber/ipc_client.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <functional>
#include <thread>

namespace limber {
namespace {

using namespace std::chrono_literals;
using rpc::Json;

// A one-client server: accepts, reads one request line, hands its id to
// `script`, writes what the script returns, then waits for the client to
// close (or closes first when `close_after` is set).
class ScriptedPeer {
 public:
  ScriptedPeer(std::function<std::string(const Json& id)> script, bool close_after = false) {
    char tmpl[] = "/tmp/ipc-client-test-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    path_ = dir_ + "/peer.sock";
    listener_ = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path_.c_str(), sizeof addr.sun_path - 1);
    EXPECT_EQ(::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(::listen(listener_, 1), 0);
    thread_ = std::thread([this, script, close_after] {
      const int fd = ::accept(listener_, nullptr, nullptr);
      std::string line;
      char c = 0;
      while (::read(fd, &c, 1) == 1 && c != '\n') line += c;
      const Json request = Json::parse(line, nullptr, false);
      const std::string reply = script(request.is_object() ? request["id"] : Json());
      if (::write(fd, reply.data(), reply.size()) < 0) ADD_FAILURE() << "peer write failed";
      if (!close_after) {
        while (::read(fd, &c, 1) == 1) {
        }
      }
      ::close(fd);
    });
  }
  ~ScriptedPeer() {
    thread_.join();
    ::close(listener_);
    std::filesystem::remove_all(dir_);
  }
  const std::string& path() const { return path_; }

 private:
  std::string dir_, path_;
  int listener_ = -1;
  std::thread thread_;
};

std::string line(const Json& j) {
  return j.dump() + "\n";
}

TEST(IpcClient, NotificationsBeforeTheAnswerAreQueuedAndTheAnswerIsReturned) {
  ScriptedPeer peer([](const Json& id) {
    return line(rpc::make_notification("break.due", {{"id", 4}})) +
           line(rpc::make_result(id, {{"mode", "working"}}));
  });
  {
    IpcClient client;
    ASSERT_TRUE(client.connect(peer.path()));
    const CallResult r = client.call("status", Json::object(), 2s);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.result["mode"], "working");
    const auto n = client.next_notification(0ms);
    ASSERT_TRUE(n);
    EXPECT_EQ(n->method, "break.due");
    EXPECT_EQ(n->params["id"], 4);
  }
}

TEST(IpcClient, AnErrorAnswerIsAnRpcErrorWithCodeAndMessage) {
  ScriptedPeer peer([](const Json& id) {
    return line(rpc::make_error(
        id, {rpc::kManaged, "managed by your organisation", Json{{"locked_by", "p.toml"}}}));
  });
  IpcClient client;
  ASSERT_TRUE(client.connect(peer.path()));
  const CallResult r = client.call("config.set", {{"key", "k"}}, 2s);
  EXPECT_EQ(r.status, CallStatus::kRpcError);
  EXPECT_EQ(r.error.code, rpc::kManaged);
  EXPECT_EQ(r.error.message, "managed by your organisation");
  EXPECT_EQ(r.error.data["locked_by"], "p.toml");
}

TEST(IpcClient, AnAnswerToAnotherIdIsNotTakenForOurs) {
  ScriptedPeer peer([](const Json& id) {
    return line(rpc::make_result(999, {{"stale", true}})) +
           line(rpc::make_result(id, {{"fresh", true}}));
  });
  IpcClient client;
  ASSERT_TRUE(client.connect(peer.path()));
  const CallResult r = client.call("status", Json::object(), 2s);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.result, (Json{{"fresh", true}}));
}

TEST(IpcClient, SilenceTimesOutAndAClosedPeerIsDisconnected) {
  {
    ScriptedPeer silent([](const Json&) { return std::string(); });
    IpcClient client;
    ASSERT_TRUE(client.connect(silent.path()));
    const auto start = std::chrono::steady_clock::now();
    const CallResult r = client.call("status", Json::object(), 200ms);
    EXPECT_EQ(r.status, CallStatus::kTimedOut);
    EXPECT_GE(std::chrono::steady_clock::now() - start, 200ms);
  }
  ScriptedPeer closing([](const Json&) { return std::string(); }, /*close_after=*/true);
  IpcClient client;
  ASSERT_TRUE(client.connect(closing.path()));
  const CallResult r = client.call("status", Json::object(), 2s);
  EXPECT_EQ(r.status, CallStatus::kDisconnected);
  EXPECT_FALSE(client.connected());
}

TEST(IpcClient, NoSocketMeansUnavailableAndAnOverlongPathIsInvalid) {
  IpcClient client;
  const Status missing = client.connect("/tmp/no-such-dir-for-limber/limberd.sock");
  EXPECT_EQ(missing.code(), Status::Code::kUnavailable) << missing.message();
  const Status too_long = client.connect("/" + std::string(200, 'x'));
  EXPECT_EQ(too_long.code(), Status::Code::kInvalidArgument);
}

TEST(IpcClient, DefaultSocketPathFollowsXdgRuntimeDir) {
  std::string err;
  ::setenv("XDG_RUNTIME_DIR", "/run/user/1000", 1);
  EXPECT_EQ(default_socket_path(&err), "/run/user/1000/limber/limberd.sock");
  ::setenv("XDG_RUNTIME_DIR", "relative", 1);
  EXPECT_EQ(default_socket_path(&err), "");
  EXPECT_NE(err.find("XDG_RUNTIME_DIR"), std::string::npos);
}

}  // namespace
}  // namespace limber
