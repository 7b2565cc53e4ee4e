// RpcDispatcher: every way a line can be wrong gets the JSON-RPC 2.0 error a
// client expects, notifications get no answer, batches get an array, and a
// method that fails or throws leaves the dispatcher serving.
#include "ipc/rpc_dispatcher.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace limber {
namespace {

using rpc::Json;

class RpcDispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dispatcher_.add("echo", [](const Params& p, ClientContext&) { return RpcReply::ok(p.raw()); });
    dispatcher_.add("count", [this](const Params& p, ClientContext&) {
      calls_ += p.integer_or("by", 1, 1, 10);
      return RpcReply::ok(Json{{"calls", calls_}});
    });
    dispatcher_.add("greet", [](const Params& p, ClientContext&) {
      return RpcReply::ok(Json{{"text", "hello " + p.string("name")}});
    });
    dispatcher_.add("quiet", [](const Params& p, ClientContext&) {
      return RpcReply::ok(Json{{"on", p.boolean("on")}});
    });
    dispatcher_.add("postpone", [](const Params&, ClientContext&) {
      return RpcReply::fail(rpc::kNotPossibleNow, "no break is due", Json{{"hint", "wait"}});
    });
    dispatcher_.add("throws", [](const Params&, ClientContext&) -> RpcReply {
      throw std::runtime_error("engine exploded");
    });
    dispatcher_.add("throws_int", [](const Params&, ClientContext&) -> RpcReply { throw 42; });
    dispatcher_.add("subscribe", [](const Params&, ClientContext& client) {
      client.subscribed = true;
      return RpcReply::ok();
    });
  }

  // The raw reply line ("" when none).
  std::string raw(std::string_view line) { return dispatcher_.dispatch(line, client_); }

  // The reply parsed; null when there is none. Checks the framing.
  Json call(std::string_view line) {
    const std::string reply = raw(line);
    if (reply.empty()) return nullptr;
    EXPECT_EQ(reply.back(), '\n');
    EXPECT_EQ(reply.find('\n'), reply.size() - 1) << "one line per reply";
    return Json::parse(reply);
  }

  // Asserts `reply` is an error with `code` and `id`; returns its message.
  static std::string expect_error(const Json& reply, int code, const Json& id) {
    EXPECT_TRUE(reply.is_object()) << reply.dump();
    if (!reply.is_object()) return {};
    EXPECT_EQ(reply.value("jsonrpc", ""), "2.0") << reply.dump();
    EXPECT_TRUE(reply.contains("id"))
        << "an error always carries an id (null if unknown): " << reply.dump();
    EXPECT_EQ(reply.value("id", Json()), id) << reply.dump();
    EXPECT_FALSE(reply.contains("result")) << reply.dump();
    EXPECT_TRUE(reply.contains("error")) << reply.dump();
    if (!reply.contains("error")) return {};
    EXPECT_EQ(reply["error"]["code"], code) << reply.dump();
    EXPECT_TRUE(reply["error"]["message"].is_string()) << reply.dump();
    return reply["error"].value("message", "");
  }

  static void expect_result(const Json& reply, const Json& id) {
    ASSERT_TRUE(reply.is_object()) << reply.dump();
    EXPECT_EQ(reply.value("jsonrpc", ""), "2.0");
    EXPECT_EQ(reply["id"], id);
    EXPECT_TRUE(reply.contains("result")) << reply.dump();
    EXPECT_FALSE(reply.contains("error")) << reply.dump();
  }

  RpcDispatcher dispatcher_;
  ClientContext client_;
  int64_t calls_ = 0;
};

TEST_F(RpcDispatcherTest, AnswersAValidRequestWithItsResultAndId) {
  const Json reply =
      call(R"({"jsonrpc":"2.0","id":"a-1","method":"greet","params":{"name":"Ada"}})");
  expect_result(reply, "a-1");
  EXPECT_EQ(reply["result"]["text"], "hello Ada");
}

TEST_F(RpcDispatcherTest, MalformedJsonIsParseErrorWithNullId) {
  const std::string message =
      expect_error(call(R"({"jsonrpc":"2.0","id":1,"method":"echo")"), rpc::kParseError, nullptr);
  EXPECT_NE(message.find("parse error"), std::string::npos) << message;
  expect_error(call("not json at all"), rpc::kParseError, nullptr);
}

TEST_F(RpcDispatcherTest, InvalidUtf8IsParseError) {
  expect_error(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ec\xffho\"}"), rpc::kParseError,
               nullptr);
}

TEST_F(RpcDispatcherTest, TooDeeplyNestedParamsAreParseError) {
  std::string params;
  for (int i = 0; i < 40; ++i) params += "{\"a\":";
  params += "1";
  for (int i = 0; i < 40; ++i) params += "}";
  const std::string line = R"({"jsonrpc":"2.0","id":1,"method":"echo","params":)" + params + "}";
  expect_error(call(line), rpc::kParseError, nullptr);
}

TEST_F(RpcDispatcherTest, HugeNumberIsParseErrorNotACrash) {
  expect_error(call(R"({"jsonrpc":"2.0","id":1,"method":"echo","params":{"n":1e999}})"),
               rpc::kParseError, nullptr);
  expect_result(call(R"({"jsonrpc":"2.0","id":2,"method":"count"})"), 2);
}

TEST_F(RpcDispatcherTest, NonObjectMessagesAreInvalidRequests) {
  for (const char* line : {"42", "\"status\"", "null", "true", "3.5"}) {
    SCOPED_TRACE(line);
    expect_error(call(line), rpc::kInvalidRequest, nullptr);
  }
}

TEST_F(RpcDispatcherTest, MissingOrWrongJsonrpcIsInvalidRequestKeepingTheId) {
  expect_error(call(R"({"id":5,"method":"echo"})"), rpc::kInvalidRequest, 5);
  expect_error(call(R"({"jsonrpc":"1.0","id":6,"method":"echo"})"), rpc::kInvalidRequest, 6);
  const std::string message =
      expect_error(call(R"({"jsonrpc":2.0,"id":7,"method":"echo"})"), rpc::kInvalidRequest, 7);
  EXPECT_NE(message.find("jsonrpc"), std::string::npos) << message;
}

TEST_F(RpcDispatcherTest, MissingOrNonStringMethodIsInvalidRequest) {
  expect_error(call(R"({"jsonrpc":"2.0","id":1})"), rpc::kInvalidRequest, 1);
  for (const char* method : {"1", "null", "[\"echo\"]", "{\"name\":\"echo\"}", "true"}) {
    SCOPED_TRACE(method);
    const std::string line = std::string(R"({"jsonrpc":"2.0","id":2,"method":)") + method + "}";
    const std::string message = expect_error(call(line), rpc::kInvalidRequest, 2);
    EXPECT_NE(message.find("method"), std::string::npos) << message;
  }
}

TEST_F(RpcDispatcherTest, UnknownMethodIsMethodNotFoundNamingIt) {
  const std::string message = expect_error(
      call(R"({"jsonrpc":"2.0","id":3,"method":"break.explode"})"), rpc::kMethodNotFound, 3);
  EXPECT_NE(message.find("break.explode"), std::string::npos) << message;
}

TEST_F(RpcDispatcherTest, AVeryLongUnknownMethodNameIsNotEchoedInFull) {
  const std::string name(10000, 'm');
  const std::string line = R"({"jsonrpc":"2.0","id":3,"method":")" + name + "\"}";
  const std::string reply = raw(line);
  expect_error(Json::parse(reply), rpc::kMethodNotFound, 3);
  EXPECT_LT(reply.size(), 300u);
}

TEST_F(RpcDispatcherTest, ParamsThatAreNeitherObjectNorArrayAreInvalidRequest) {
  for (const char* params : {"\"bar\"", "5", "true", "null"}) {
    SCOPED_TRACE(params);
    const std::string line =
        std::string(R"({"jsonrpc":"2.0","id":4,"method":"echo","params":)") + params + "}";
    const std::string message = expect_error(call(line), rpc::kInvalidRequest, 4);
    EXPECT_NE(message.find("params"), std::string::npos) << message;
  }
}

TEST_F(RpcDispatcherTest, PositionalParamsAreInvalidParams) {
  const std::string message =
      expect_error(call(R"({"jsonrpc":"2.0","id":5,"method":"greet","params":["Ada"]})"),
                   rpc::kInvalidParams, 5);
  EXPECT_NE(message.find("named parameters"), std::string::npos) << message;
}

TEST_F(RpcDispatcherTest, AnEmptyParamsArrayMeansNoParams) {
  const Json reply = call(R"({"jsonrpc":"2.0","id":5,"method":"count","params":[]})");
  expect_result(reply, 5);
  EXPECT_EQ(reply["result"]["calls"], 1);
}

TEST_F(RpcDispatcherTest, AParamErrorIsInvalidParamsNamingTheParameter) {
  std::string message = expect_error(
      call(R"({"jsonrpc":"2.0","id":6,"method":"greet","params":{}})"), rpc::kInvalidParams, 6);
  EXPECT_NE(message.find("missing parameter 'name'"), std::string::npos) << message;
  message = expect_error(call(R"({"jsonrpc":"2.0","id":7,"method":"greet","params":{"name":3}})"),
                         rpc::kInvalidParams, 7);
  EXPECT_NE(message.find("'name' must be a string"), std::string::npos) << message;
  message = expect_error(call(R"({"jsonrpc":"2.0","id":8,"method":"quiet","params":{"on":"yes"}})"),
                         rpc::kInvalidParams, 8);
  EXPECT_NE(message.find("'on' must be true or false"), std::string::npos) << message;
  message = expect_error(call(R"({"jsonrpc":"2.0","id":9,"method":"count","params":{"by":11}})"),
                         rpc::kInvalidParams, 9);
  EXPECT_NE(message.find("'by' must be from 1 to 10"), std::string::npos) << message;
  message = expect_error(call(R"({"jsonrpc":"2.0","id":10,"method":"count","params":{"by":1.5}})"),
                         rpc::kInvalidParams, 10);
  EXPECT_NE(message.find("'by' must be an integer"), std::string::npos) << message;
  EXPECT_EQ(calls_, 0) << "a method whose params were refused must not have acted";
}

TEST_F(RpcDispatcherTest, AMethodsOwnErrorKeepsItsCodeMessageAndData) {
  const Json reply = call(R"({"jsonrpc":"2.0","id":11,"method":"postpone"})");
  EXPECT_EQ(expect_error(reply, rpc::kNotPossibleNow, 11), "no break is due");
  EXPECT_EQ(reply["error"]["data"]["hint"], "wait");
}

TEST_F(RpcDispatcherTest, IdAtTheSizeLimitIsAcceptedAndOneByteMoreIsRefused) {
  const std::string at_limit(rpc::kMaxIdBytes, 'i');
  expect_result(call(R"({"jsonrpc":"2.0","method":"count","id":")" + at_limit + "\"}"), at_limit);
  const std::string over(rpc::kMaxIdBytes + 1, 'i');
  const std::string message =
      expect_error(call(R"({"jsonrpc":"2.0","method":"count","id":")" + over + "\"}"),
                   rpc::kInvalidRequest, nullptr);
  EXPECT_NE(message.find("longer than 256"), std::string::npos) << message;
  EXPECT_EQ(calls_, 1) << "the request with the oversized id must not run";
}

TEST_F(RpcDispatcherTest, StringIntegerAndNullIdsAreEchoedExactly) {
  expect_result(call(R"({"jsonrpc":"2.0","id":"caf\u00e9","method":"count"})"), "caf\u00e9");
  expect_result(call(R"({"jsonrpc":"2.0","id":-17,"method":"count"})"), -17);
  expect_result(call(R"({"jsonrpc":"2.0","id":18446744073709551615,"method":"count"})"),
                18446744073709551615ull);
  expect_result(call(R"({"jsonrpc":"2.0","id":0,"method":"count"})"), 0);
  const Json with_null = call(R"({"jsonrpc":"2.0","id":null,"method":"count"})");
  expect_result(with_null, nullptr);
  EXPECT_EQ(calls_, 5);
}

TEST_F(RpcDispatcherTest, FloatBoolObjectAndArrayIdsAreInvalidRequests) {
  for (const char* id : {"1.5", "1.0", "true", "{\"n\":1}", "[1]", "1e400000"}) {
    SCOPED_TRACE(id);
    const std::string line = std::string(R"({"jsonrpc":"2.0","method":"count","id":)") + id + "}";
    const Json reply = call(line);
    ASSERT_TRUE(reply.is_object());
    EXPECT_EQ(reply["id"], nullptr);
    EXPECT_TRUE(reply["error"]["code"] == rpc::kInvalidRequest ||
                reply["error"]["code"] == rpc::kParseError)
        << reply.dump();
  }
  EXPECT_EQ(calls_, 0);
}

TEST_F(RpcDispatcherTest, ANotificationRunsButGetsNoReply) {
  EXPECT_EQ(raw(R"({"jsonrpc":"2.0","method":"count","params":{"by":3}})"), "");
  EXPECT_EQ(calls_, 3);
}

TEST_F(RpcDispatcherTest, AWellFormedNotificationThatFailsGetsNoReply) {
  EXPECT_EQ(raw(R"({"jsonrpc":"2.0","method":"no.such.method"})"), "");
  EXPECT_EQ(raw(R"({"jsonrpc":"2.0","method":"greet","params":{}})"), "");
  EXPECT_EQ(raw(R"({"jsonrpc":"2.0","method":"greet","params":[1]})"), "");
  EXPECT_EQ(raw(R"({"jsonrpc":"2.0","method":"postpone"})"), "");
  EXPECT_EQ(raw(R"({"jsonrpc":"2.0","method":"throws"})"), "");
}

// JSON-RPC 2.0 §6/§7 examples: {"foo":"boo"} and
// {"jsonrpc":"2.0","method":1,"params":"bar"} are not notifications (not
// valid requests at all) and are answered with -32600 and a null id.
TEST_F(RpcDispatcherTest, AMalformedRequestWithoutIdStillGetsInvalidRequest) {
  expect_error(call(R"({"foo":"boo"})"), rpc::kInvalidRequest, nullptr);
  expect_error(call(R"({"jsonrpc":"2.0","method":1,"params":"bar"})"), rpc::kInvalidRequest,
               nullptr);
  expect_error(call(R"({"jsonrpc":"2.0","method":"echo","params":"bar"})"), rpc::kInvalidRequest,
               nullptr);
  expect_error(call(R"({"method":"count"})"), rpc::kInvalidRequest, nullptr);
  EXPECT_EQ(calls_, 0);
}

TEST_F(RpcDispatcherTest, ABatchGetsAnArrayOfRepliesInOrderWithoutTheNotifications) {
  const Json reply = call(R"([
    {"jsonrpc":"2.0","method":"greet","params":{"name":"one"},"id":"1"},
    {"jsonrpc":"2.0","method":"count","params":{"by":2}},
    {"jsonrpc":"2.0","method":"no.such","id":"2"},
    {"foo":"boo"},
    42,
    {"jsonrpc":"2.0","method":"greet","params":{},"id":"3"},
    {"jsonrpc":"2.0","method":"count","id":"4"}
  ])");
  ASSERT_TRUE(reply.is_array()) << reply.dump();
  ASSERT_EQ(reply.size(), 6u) << reply.dump();
  expect_result(reply[0], "1");
  EXPECT_EQ(reply[0]["result"]["text"], "hello one");
  expect_error(reply[1], rpc::kMethodNotFound, "2");
  expect_error(reply[2], rpc::kInvalidRequest, nullptr);
  expect_error(reply[3], rpc::kInvalidRequest, nullptr);
  expect_error(reply[4], rpc::kInvalidParams, "3");
  expect_result(reply[5], "4");
  EXPECT_EQ(reply[5]["result"]["calls"], 3) << "the notification in the batch ran before it";
}

TEST_F(RpcDispatcherTest, AnEmptyBatchIsOneInvalidRequestNotAnArray) {
  const Json reply = call("[]");
  expect_error(reply, rpc::kInvalidRequest, nullptr);
}

TEST_F(RpcDispatcherTest, ABatchOfNonObjectsGetsOneErrorEach) {
  const Json reply = call("[1,2,3]");
  ASSERT_TRUE(reply.is_array());
  ASSERT_EQ(reply.size(), 3u);
  for (const Json& r : reply) expect_error(r, rpc::kInvalidRequest, nullptr);
}

TEST_F(RpcDispatcherTest, ANestedBatchIsAnInvalidRequestInsideTheBatch) {
  const Json reply = call(R"([[{"jsonrpc":"2.0","method":"count","id":1}]])");
  ASSERT_TRUE(reply.is_array());
  ASSERT_EQ(reply.size(), 1u);
  expect_error(reply[0], rpc::kInvalidRequest, nullptr);
  EXPECT_EQ(calls_, 0);
}

TEST_F(RpcDispatcherTest, ABatchOfOnlyNotificationsGetsNoReplyAtAll) {
  EXPECT_EQ(raw(R"([{"jsonrpc":"2.0","method":"count"},{"jsonrpc":"2.0","method":"count"}])"), "");
  EXPECT_EQ(calls_, 2);
}

TEST_F(RpcDispatcherTest, AMethodThatThrowsIsInternalErrorAndTheDispatcherGoesOn) {
  const std::string message =
      expect_error(call(R"({"jsonrpc":"2.0","id":1,"method":"throws"})"), rpc::kInternalError, 1);
  EXPECT_NE(message.find("engine exploded"), std::string::npos) << message;
  expect_error(call(R"({"jsonrpc":"2.0","id":2,"method":"throws_int"})"), rpc::kInternalError, 2);
  const Json after = call(R"({"jsonrpc":"2.0","id":3,"method":"count"})");
  expect_result(after, 3);
  EXPECT_EQ(after["result"]["calls"], 1);
}

TEST_F(RpcDispatcherTest, AMethodSeesAndChangesItsClientsContext) {
  EXPECT_FALSE(client_.subscribed);
  expect_result(call(R"({"jsonrpc":"2.0","id":1,"method":"subscribe"})"), 1);
  EXPECT_TRUE(client_.subscribed);
  EXPECT_TRUE(client_.wants("break.due"));
}

TEST_F(RpcDispatcherTest, ListsTheRegisteredMethodsSorted) {
  const std::vector<std::string> names = dispatcher_.method_names();
  EXPECT_EQ(names, (std::vector<std::string>{"count", "echo", "greet", "postpone", "quiet",
                                             "subscribe", "throws", "throws_int"}));
}

TEST(ClientContext, WantsOnlyTheEventsItSubscribedTo) {
  ClientContext client;
  EXPECT_FALSE(client.wants("break.due"));
  client.subscribed = true;
  EXPECT_TRUE(client.wants("config.changed"));
  client.events = {"break.due"};
  EXPECT_TRUE(client.wants("break.due"));
  EXPECT_FALSE(client.wants("config.changed"));
}

}  // namespace
}  // namespace limber
