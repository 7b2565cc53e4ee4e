// NotifyTest: limberd in the demo (a pretend user types for 27 s, then is
// away for 13 s; a micro-break after 20 s of activity) on a private session
// bus with a stand-in notification server, plus the test's own connection
// to the daemon's socket.
//
// At --time-scale 3 the first micro-break falls due about 7 s after start
// while the pretend user still types, and its countdown begins when they
// stop, about 3 s later: the window in which a test answers the prompt.
//
// Test-only; single-threaded.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "daemon_rpc.h"
#include "limberd_test.h"
#include "notification_mock.h"
#include "test_bus.h"

namespace limber::test {

inline constexpr const char* kDemoScale = "--time-scale=3";
inline constexpr const char* kFirstDue = "micro-break #1 due";
inline constexpr const char* kFirstShown = "break #1 reminder shown as a notification";

class NotifyTest : public LimberdTest {
 protected:
  void SetUp() override {
    LimberdTest::SetUp();
    std::string err;
    ASSERT_TRUE(bus_.start(&err)) << err;
  }

  // The notification server first: nothing may auto-start a real one.
  void start_server(const std::string& caps = "actions body") {
    std::string err;
    ASSERT_TRUE(server_.start(bus_, caps, &err)) << err;
  }

  ::testing::AssertionResult start_demo(const std::vector<std::string>& extra_env = {},
                                        const char* scale = kDemoScale) {
    std::vector<std::string> env = {"DBUS_SESSION_BUS_ADDRESS=" + bus_.address()};
    env.insert(env.end(), extra_env.begin(), extra_env.end());
    return start({"--demo", "--source", "demo", scale, "--log-level", "debug"}, env);
  }

  ::testing::AssertionResult connect_rpc(DaemonRpc& rpc) {
    std::string err;
    if (!rpc.connect(home_.runtime_dir() + "/limber/limberd.sock", 10s, &err)) {
      return ::testing::AssertionFailure() << err;
    }
    // As every client does: a connection that never says anything is
    // closed after a few seconds (docs/protocol.md, caps).
    if (!rpc.call("hello", rpc::Json{{"protocol", rpc::kProtocolVersion}, {"client", "notify-test"}}, &err)) {
      return ::testing::AssertionFailure() << "hello: " << err;
    }
    return ::testing::AssertionSuccess();
  }

  rpc::Json status(DaemonRpc& rpc) {
    std::string err;
    auto result = rpc.call("status", rpc::Json::object(), &err);
    EXPECT_TRUE(result.has_value()) << err;
    return result.value_or(rpc::Json());
  }

  PrivateBus bus_;
  NotificationServerMock server_;
};

}  // namespace limber::test
