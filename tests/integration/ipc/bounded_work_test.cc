// The attacks of issue 16 against a real limberd over its real socket: a
// batch of the costliest requests, the largest documented `stats` range,
// rapid reconnects and silent connections filling the client cap. After
// each, another client is served at once.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "ipc/rpc_dispatcher.h"
#include "ipc_fixture.h"

namespace limber::test {
namespace {

using Clock = std::chrono::steady_clock;

class BoundedWork : public IpcTest {
 protected:
  static std::string stats_batch(int n) {
    std::string line = "[";
    for (int i = 0; i < n; ++i) {
      line += (i ? "," : "") + std::string(R"({"jsonrpc":"2.0","id":)") + std::to_string(i) +
              R"(,"method":"stats","params":{"days":3650}})";
    }
    return line + "]\n";
  }
  static long ms_since(Clock::time_point t) {
    return std::chrono::duration_cast<milliseconds>(Clock::now() - t).count();
  }
};

TEST_F(BoundedWork, AHugeBatchOfLongStatsIsRefusedBeforeAnyRuns) {
  start_demo();
  RpcTestClient bystander = connect();
  RpcTestClient c = connect();
  const std::string line = stats_batch(800);  // about 56 KB, under the line cap
  ASSERT_LT(line.size(), rpc::kMaxLineBytes);
  const long rss_before = rss_kib(daemon_.pid());
  const auto started = Clock::now();
  ASSERT_TRUE(c.send_raw(line));
  const auto reply = c.read_message(2s);
  ASSERT_TRUE(reply) << daemon_.stderr_text();
  EXPECT_EQ(error_code(*reply), rpc::kInvalidRequest) << reply->dump();
  EXPECT_NE(error_message(*reply).find("more than 32"), std::string::npos);
  EXPECT_LT(ms_since(started), 1000);
  EXPECT_LT(rss_kib(daemon_.pid()) - rss_before, 4096) << "KiB grown by a refused batch";
  EXPECT_TRUE(bystander.call("status", Json::object(), 2s));
  EXPECT_FALSE(c.eof()) << "the connection stays usable";
}

TEST_F(BoundedWork, ABatchOfLongStatsStopsAtTheReplyCap) {
  start_demo();
  RpcTestClient bystander = connect();
  RpcTestClient c = connect();
  const auto started = Clock::now();
  ASSERT_TRUE(c.send_raw(stats_batch(32)));
  const auto reply = c.read_message(10s);
  ASSERT_TRUE(reply) << daemon_.stderr_text();
  EXPECT_EQ(error_code(*reply), kReplyTooLarge) << reply->dump().substr(0, 300);
  // Two stats of 3650 days pass the 2 MiB cap: the other thirty never run.
  EXPECT_LT(ms_since(started), 5000);
  const auto other = bystander.call("status", Json::object(), 2s);
  ASSERT_TRUE(other && other->contains("result"));
  EXPECT_TRUE(c.call("status", Json::object(), 2s)) << "the same client is served again";
}

TEST_F(BoundedWork, TheLongestDocumentedStatsRangeIsAnswered) {
  start_demo();
  RpcTestClient c = connect();
  ASSERT_TRUE(c.send_raw(R"({"jsonrpc":"2.0","id":5,"method":"stats","params":{"days":3650}})"
                         "\n"));
  const auto line = c.read_line(10s);
  ASSERT_TRUE(line) << "no answer (the client was dropped?); log:\n" << daemon_.stderr_text();
  EXPECT_GT(line->size(), size_t{1} << 20) << "the reply is over the old 1 MiB output cap";
  const Json reply = Json::parse(*line);
  ASSERT_TRUE(reply.contains("result")) << reply.dump().substr(0, 300);
  EXPECT_EQ(reply["result"]["days"].size(), 3650u);
  EXPECT_TRUE(responsive());
}

TEST_F(BoundedWork, ClientsThatHungUpFreeTheirSlotsAtOnce) {
  start_demo();
  std::vector<RpcTestClient> held;
  // 56 held and a burst of 8 alive at once are exactly the 64 allowed, so
  // no live client ever needs refusing, however the daemon's accepts
  // interleave with the bursts.
  for (int i = 0; i < 56; ++i) held.push_back(connect());
  ASSERT_TRUE(held.back().call("status", Json::object(), 3s));
  // Bursts of connections that leave at once, faster than their hang-ups
  // are read: the bursts fill the remaining slots many times over.
  for (int round = 0; round < 20; ++round) {
    std::vector<RpcTestClient> burst;
    for (int i = 0; i < 8; ++i) burst.push_back(connect());
  }
  RpcTestClient fresh = connect();
  const auto reply = fresh.call("status", Json::object(), 2s);
  ASSERT_TRUE(reply && reply->contains("result")) << daemon_.stderr_text();
  EXPECT_EQ(daemon_.count_lines("refused a client"), 0u) << daemon_.stderr_text();
}

TEST_F(BoundedWork, SilentConnectionsAreClosedAndRefusalsAreLoggedOnce) {
  start_demo();
  std::vector<RpcTestClient> silent;
  for (int i = 0; i < 64; ++i) silent.push_back(connect());  // never send a byte
  // The cap is full: newcomers are refused, and the log says so once.
  for (int i = 0; i < 5; ++i) {
    RpcTestClient refused = connect();
    refused.send_request("status");
    EXPECT_FALSE(refused.read_line(300ms));
  }
  EXPECT_TRUE(logged("refused a client: already 64 connected", 2s));
  EXPECT_EQ(daemon_.count_lines("refused a client"), 1u) << daemon_.stderr_text();
  // Within the 5 s first-request timeout they are closed, and a client
  // (the tray, say) is served again.
  bool served = false;
  const auto until = Clock::now() + 8s;
  while (!served && Clock::now() < until) {
    RpcTestClient c = connect();
    const auto reply = c.call("status", Json::object(), 500ms);
    served = reply && reply->contains("result");
  }
  EXPECT_TRUE(served) << daemon_.stderr_text();
  EXPECT_TRUE(logged("sent no request within 5000 ms", 1s));
  EXPECT_TRUE(silent.front().wait_closed(1s));
}

}  // namespace
}  // namespace limber::test
