// IpcTest: a real limberd (--demo --source demo, clocks 10x faster) in a
// private DaemonHome, and RpcTestClients connected to its socket. With the
// demo rules at 10x, a micro-break becomes due about 2 s after start, is
// taken during the pretend user's 1.3 s away, and the cycle repeats every
// 4 s — every notification kind but break.progress within seconds.
//
// Test-only; single-threaded (a test may run clients on threads of its own).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "limberd_test.h"
#include "rpc_test_client.h"

namespace limber::test {

class IpcTest : public LimberdTest {
 protected:
  // Starts the daemon and waits until it serves.
  void start_demo(const std::vector<std::string>& extra_env = {},
                  const char* time_scale = "--time-scale=10") {
    ASSERT_TRUE(start({"--demo", "--source", "demo", time_scale}, extra_env));
    ASSERT_TRUE(logged(kReady, 10s));
  }

  std::string socket() const { return socket_path(home_.runtime_dir()); }

  // A connected client; fails the test when it cannot connect.
  RpcTestClient connect() {
    RpcTestClient client;
    std::string err;
    EXPECT_TRUE(client.connect(socket(), &err)) << err;
    return client;
  }

  // The daemon still answers status promptly on a fresh connection.
  ::testing::AssertionResult responsive(milliseconds within = 2s) {
    RpcTestClient client;
    std::string err;
    if (!client.connect(socket(), &err))
      return ::testing::AssertionFailure() << err << "\n" << daemon_.stderr_text();
    const auto started = std::chrono::steady_clock::now();
    const auto reply = client.call("status", Json::object(), within);
    if (!reply || !(*reply).contains("result")) {
      return ::testing::AssertionFailure()
             << "no status reply within " << within.count() << " ms; log:\n"
             << daemon_.stderr_text();
    }
    const auto took = std::chrono::steady_clock::now() - started;
    return ::testing::AssertionSuccess()
           << "status in " << std::chrono::duration_cast<milliseconds>(took).count() << " ms";
  }
};

}  // namespace limber::test
