// RpcDispatcher's caps: a batch over the entry cap runs nothing, a reply is
// measured while it is built and stops at the reply cap with one short
// error, and out-of-memory (std::bad_alloc) anywhere in a request ends
// that request only.
#include <gtest/gtest.h>

#include <new>
#include <string>

#include "ipc/rpc_dispatcher.h"

namespace limber {
namespace {

using rpc::Json;

class DispatcherCaps : public ::testing::Test {
 protected:
  void SetUp() override {
    dispatcher_.add("count", [this](const Params&, ClientContext&) {
      ++calls_;
      return RpcReply::ok(Json{{"calls", calls_}});
    });
    // About `kib` KiB of result, like a long stats range.
    dispatcher_.add("big", [this](const Params& p, ClientContext&) {
      ++calls_;
      const int64_t kib = p.integer_or("kib", 1, 1, 8192);
      return RpcReply::ok(Json{{"blob", std::string(static_cast<size_t>(kib) * 1024, 'x')}});
    });
    dispatcher_.add("oom", [this](const Params&, ClientContext&) -> RpcReply {
      ++calls_;
      throw std::bad_alloc();
    });
  }

  Json call(std::string_view line) {
    const std::string reply = dispatcher_.dispatch(line, client_);
    EXPECT_FALSE(reply.empty());
    EXPECT_EQ(reply.find('\n'), reply.size() - 1) << "one line per reply";
    return Json::parse(reply);
  }

  static std::string batch_of(size_t n, const std::string& request) {
    std::string line = "[";
    for (size_t i = 0; i < n; ++i) line += (i ? "," : "") + request;
    return line + "]";
  }

  RpcDispatcher dispatcher_;
  ClientContext client_;
  int calls_ = 0;
};

TEST_F(DispatcherCaps, ABatchAtTheEntryCapRunsEveryEntry) {
  const Json reply = call(batch_of(kMaxBatchEntries, R"({"jsonrpc":"2.0","id":1,"method":"count"})"));
  ASSERT_TRUE(reply.is_array());
  EXPECT_EQ(reply.size(), kMaxBatchEntries);
  EXPECT_EQ(calls_, static_cast<int>(kMaxBatchEntries));
}

TEST_F(DispatcherCaps, ABatchOverTheEntryCapIsRefusedBeforeAnyEntryRuns) {
  const Json reply =
      call(batch_of(kMaxBatchEntries + 1, R"({"jsonrpc":"2.0","id":1,"method":"count"})"));
  ASSERT_TRUE(reply.is_object()) << reply.dump();
  EXPECT_EQ(reply["error"]["code"], rpc::kInvalidRequest);
  EXPECT_NE(reply["error"]["message"].get<std::string>().find("more than 32"), std::string::npos);
  EXPECT_EQ(calls_, 0) << "entries ran before the batch was refused";
}

TEST_F(DispatcherCaps, NotificationsCountTowardTheEntryCap) {
  const std::string line = batch_of(kMaxBatchEntries + 1, R"({"jsonrpc":"2.0","method":"count"})");
  const Json reply = call(line);
  EXPECT_EQ(reply["error"]["code"], rpc::kInvalidRequest);
  EXPECT_EQ(calls_, 0);
}

TEST_F(DispatcherCaps, ABatchStopsRunningOnceItsReplyPassesTheCap) {
  // Each entry answers ~600 KiB: the fourth would pass 2 MiB, so it and
  // everything after it never run.
  const Json reply =
      call(batch_of(20, R"({"jsonrpc":"2.0","id":1,"method":"big","params":{"kib":600}})"));
  ASSERT_TRUE(reply.is_object()) << "a partial array was sent";
  EXPECT_EQ(reply["error"]["code"], kReplyTooLarge);
  EXPECT_TRUE(reply["id"].is_null());
  EXPECT_EQ(calls_, 4) << "the batch went on building past the reply cap";
  // The dispatcher serves the next line normally.
  EXPECT_EQ(call(R"({"jsonrpc":"2.0","id":2,"method":"count"})")["result"]["calls"], 5);
}

TEST_F(DispatcherCaps, AReplyJustUnderTheCapIsSentWhole) {
  // 1.24 MiB, the size of `stats` over 3650 days.
  const std::string reply =
      dispatcher_.dispatch(R"({"jsonrpc":"2.0","id":3,"method":"big","params":{"kib":1270}})", client_);
  ASSERT_GT(reply.size(), rpc::kMaxLineBytes);
  ASSERT_GT(reply.size(), size_t{1} << 20) << "must be larger than the old 1 MiB output cap";
  const Json parsed = Json::parse(reply);
  EXPECT_EQ(parsed["id"], 3);
  EXPECT_EQ(parsed["result"]["blob"].get<std::string>().size(), 1270u * 1024);
}

TEST_F(DispatcherCaps, ASingleReplyOverTheCapIsAShortErrorWithItsId) {
  const std::string reply =
      dispatcher_.dispatch(R"({"jsonrpc":"2.0","id":"x","method":"big","params":{"kib":2100}})", client_);
  EXPECT_LT(reply.size(), 512u);
  const Json parsed = Json::parse(reply);
  EXPECT_EQ(parsed["error"]["code"], kReplyTooLarge);
  EXPECT_EQ(parsed["id"], "x");
}

TEST_F(DispatcherCaps, ASmallerConfiguredReplyCapIsHonoured) {
  RpcDispatcher small(DispatchLimits{4, 4096});
  small.add("big", [](const Params&, ClientContext&) {
    return RpcReply::ok(Json{{"blob", std::string(5000, 'x')}});
  });
  const Json reply = Json::parse(small.dispatch(R"({"jsonrpc":"2.0","id":1,"method":"big"})", client_));
  EXPECT_EQ(reply["error"]["code"], kReplyTooLarge);
  const Json batch = Json::parse(small.dispatch(batch_of(5, R"({"jsonrpc":"2.0","id":1,"method":"big"})"), client_));
  EXPECT_EQ(batch["error"]["code"], rpc::kInvalidRequest);
}

TEST_F(DispatcherCaps, OutOfMemoryInAMethodIsThatRequestsErrorOnly) {
  const Json reply = call(
      R"([{"jsonrpc":"2.0","id":1,"method":"count"},{"jsonrpc":"2.0","id":2,"method":"oom"},)"
      R"({"jsonrpc":"2.0","id":3,"method":"count"}])");
  ASSERT_TRUE(reply.is_array()) << reply.dump();
  ASSERT_EQ(reply.size(), 3u);
  EXPECT_EQ(reply[0]["result"]["calls"], 1);
  EXPECT_EQ(reply[1]["id"], 2);
  EXPECT_EQ(reply[1]["error"]["code"], rpc::kInternalError);
  EXPECT_NE(reply[1]["error"]["message"].get<std::string>().find("out of memory"), std::string::npos);
  EXPECT_EQ(reply[2]["result"]["calls"], 3);
}

TEST_F(DispatcherCaps, OutOfMemoryInANotificationIsSilent) {
  EXPECT_EQ(dispatcher_.dispatch(R"({"jsonrpc":"2.0","method":"oom"})", client_), "");
  EXPECT_EQ(calls_, 1);
}

}  // namespace
}  // namespace limber
