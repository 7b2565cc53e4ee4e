// Protocol conformance over the real socket: every method limberd
// registers, its happy path and its documented errors, against a real
// limberd (--demo, demo activity source, clocks 10x faster).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include <unistd.h>

#include "ipc_fixture.h"

namespace limber::test {
namespace {

// Every method this file exercises. MethodListMatchesWhatThisFileTests
// fails when limberd registers a method that has no test here.
const std::set<std::string> kTestedMethods = {"hello",
                                              "status",
                                              "break.start",
                                              "break.postpone",
                                              "break.skip",
                                              "break.now",
                                              "pause",
                                              "resume",
                                              "quiet",
                                              "config.list",
                                              "config.get",
                                              "config.explain",
                                              "config.set",
                                              "stats",
                                              "exercises.list",
                                              "exercises.show",
                                              "checklist.list",
                                              "checklist.get",
                                              "checklist.answer",
                                              "report.get",
                                              "subscribe",
                                              "unsubscribe"};

// The result of `reply`, failing the test when it is an error or missing.
Json result_of(const std::optional<Json>& reply) {
  EXPECT_TRUE(reply.has_value()) << "no reply";
  if (!reply) return nullptr;
  EXPECT_TRUE(reply->contains("result")) << reply->dump();
  return reply->value("result", Json());
}

// The error code of `reply`; 0 when there was none.
int code_of(const std::optional<Json>& reply) {
  EXPECT_TRUE(reply.has_value()) << "no reply";
  return reply ? error_code(*reply) : 0;
}

class Conformance : public IpcTest {};

TEST_F(Conformance, HelloWithTheSameVersionNamesTheDaemonAndItsMethods) {
  start_demo();
  RpcTestClient c = connect();
  const Json r = result_of(
      c.call("hello", {{"protocol", rpc::kProtocolVersion}, {"client", "conformance/1"}}));
  EXPECT_EQ(r["protocol"], rpc::kProtocolVersion);
  EXPECT_EQ(r["daemon"], "limberd");
  EXPECT_TRUE(r["version"].is_string());
  ASSERT_TRUE(r["methods"].is_array());
  EXPECT_TRUE(std::find(r["methods"].begin(), r["methods"].end(), "status") != r["methods"].end());
}

TEST_F(Conformance, MethodListMatchesWhatThisFileTests) {
  start_demo();
  RpcTestClient c = connect();
  const Json r = result_of(c.call("hello", {{"protocol", rpc::kProtocolVersion}}));
  std::set<std::string> registered;
  for (const Json& m : r["methods"]) registered.insert(m.get<std::string>());
  EXPECT_EQ(registered, kTestedMethods);
}

TEST_F(Conformance, HelloWithAnIncompatibleVersionGetsAClearErrorAndTheConnectionStaysUsable) {
  start_demo();
  RpcTestClient c = connect();
  const auto reply = c.call("hello", {{"protocol", rpc::kProtocolVersion + 1}});
  ASSERT_EQ(code_of(reply), rpc::kIncompatibleProtocol) << reply->dump();
  const std::string message = error_message(*reply);
  EXPECT_NE(message.find("speaks protocol 1"), std::string::npos) << message;
  EXPECT_NE(message.find("client protocol 2"), std::string::npos) << message;
  EXPECT_NE(message.find("update"), std::string::npos) << message;
  EXPECT_EQ((*reply)["error"]["data"]["protocol"], rpc::kProtocolVersion);
  EXPECT_EQ(code_of(c.call("hello", {{"protocol", "one"}})), rpc::kInvalidParams);
  EXPECT_TRUE(result_of(c.call("status")).contains("mode"));
}

TEST_F(Conformance, StatusDescribesModeBreaksAndSource) {
  start_demo();
  RpcTestClient c = connect();
  const Json s = result_of(c.call("status"));
  EXPECT_EQ(s["source"], "demo");
  EXPECT_TRUE(s["mode"].is_string());
  EXPECT_TRUE(s["active_today_s"].is_number_integer());
  ASSERT_TRUE(s["breaks"].is_array());
  std::set<std::string> kinds;
  for (const Json& b : s["breaks"]) {
    kinds.insert(b["kind"].get<std::string>());
    EXPECT_TRUE(b["until_due_s"].is_number_integer()) << b.dump();
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"micro", "rest", "daily"}));
  EXPECT_EQ(s["tray_connected"], false);
}

TEST_F(Conformance, BreakCommandsWithNothingDueAreNotPossibleNow) {
  start_demo();
  RpcTestClient c = connect();
  // Paused, no break can be due, whatever the demo user does meanwhile.
  ASSERT_EQ(result_of(c.call("pause", {{"for", "30m"}}))["mode"], "paused");
  for (const char* method : {"break.postpone", "break.skip", "break.start"}) {
    SCOPED_TRACE(method);
    const auto reply = c.call(method);
    EXPECT_EQ(code_of(reply), rpc::kNotPossibleNow) << reply->dump();
    EXPECT_EQ(error_message(*reply), "no break is due");
  }
}

TEST_F(Conformance, ADueBreakCanBePostponedThenStartedThenSkipped) {
  start_demo();
  RpcTestClient c = connect();
  ASSERT_FALSE(result_of(c.call("subscribe", {{"events", {"break.due"}}})).is_null());
  ASSERT_TRUE(c.wait_notification("break.due", 10s)) << daemon_.stderr_text();
  Json s = result_of(c.call("break.postpone"));
  EXPECT_TRUE(s["due"].is_null()) << s.dump();
  const auto micro = std::find_if(s["breaks"].begin(), s["breaks"].end(),
                                  [](const Json& b) { return b["kind"] == "micro"; });
  ASSERT_NE(micro, s["breaks"].end());
  EXPECT_EQ((*micro)["postpones_left"], 2);

  // Due again once the postponement (20 s, 2 s here) is over.
  ASSERT_TRUE(c.wait_notification("break.due", 10s)) << daemon_.stderr_text();
  s = result_of(c.call("break.start"));
  ASSERT_TRUE(s["due"].is_object()) << s.dump();
  EXPECT_EQ(s["due"]["started"], true);
  EXPECT_EQ(s["due"]["kind"], "micro");
  s = result_of(c.call("break.skip"));
  EXPECT_TRUE(s["due"].is_null()) << s.dump();
}

TEST_F(Conformance, BreakNowOffersExercisesAndAnAskedForBreakCannotBePostponed) {
  start_demo();
  RpcTestClient c = connect();
  Json s = result_of(c.call("break.now", {{"kind", "rest"}}));
  ASSERT_TRUE(s["due"].is_object()) << s.dump();
  EXPECT_EQ(s["due"]["kind"], "rest");
  ASSERT_TRUE(s["due"]["exercises"].is_array());
  EXPECT_FALSE(s["due"]["exercises"].empty());
  const auto postpone = c.call("break.postpone");
  EXPECT_EQ(code_of(postpone), rpc::kNotPossibleNow) << postpone->dump();
  EXPECT_NE(error_message(*postpone).find("cannot be postponed"), std::string::npos);
  s = result_of(c.call("break.skip"));
  EXPECT_TRUE(s["due"].is_null()) << s.dump();
  EXPECT_EQ(code_of(c.call("break.now", {{"kind", "lunch"}})), rpc::kInvalidParams);
  EXPECT_EQ(code_of(c.call("break.now", {{"kind", 1}})), rpc::kInvalidParams);
}

TEST_F(Conformance, PauseResumeAndQuietChangeTheMode) {
  start_demo();
  RpcTestClient c = connect();
  Json s = result_of(c.call("pause", {{"for", "30m"}}));
  EXPECT_EQ(s["mode"], "paused");
  EXPECT_TRUE(s["paused_until"].is_string());
  EXPECT_EQ(result_of(c.call("resume"))["mode"], "working");
  s = result_of(c.call("pause", {{"until", "tomorrow"}}));
  EXPECT_EQ(s["mode"], "paused");
  EXPECT_EQ(result_of(c.call("resume"))["mode"], "working");
  s = result_of(c.call("pause", {{"until", "14:00"}}));
  EXPECT_EQ(s["mode"], "paused");
  EXPECT_NE(s["paused_until"].get<std::string>().find("T14:00:00"), std::string::npos) << s.dump();
  EXPECT_EQ(result_of(c.call("resume"))["mode"], "working");
  EXPECT_EQ(result_of(c.call("quiet", {{"on", true}}))["quiet"], true);
  EXPECT_EQ(result_of(c.call("quiet", {{"on", false}}))["quiet"], false);

  for (const Json& bad :
       {Json::object(), Json{{"for", "30m"}, {"until", "14:00"}}, Json{{"for", "banana"}},
        Json{{"for", "30d"}}, Json{{"until", "25:00"}}, Json{{"until", 14}}}) {
    SCOPED_TRACE(bad.dump());
    EXPECT_EQ(code_of(c.call("pause", bad)), rpc::kInvalidParams);
  }
  EXPECT_EQ(code_of(c.call("quiet", {{"on", "yes"}})), rpc::kInvalidParams);
  EXPECT_EQ(code_of(c.call("quiet")), rpc::kInvalidParams);
}

TEST_F(Conformance, ConfigListGetExplainAndSetWithNotification) {
  start_demo();
  RpcTestClient c = connect();
  RpcTestClient watcher = connect();
  ASSERT_FALSE(result_of(watcher.call("subscribe", {{"events", {"config.changed"}}})).is_null());

  const Json list = result_of(c.call("config.list"));
  ASSERT_TRUE(list["keys"].is_array());
  EXPECT_TRUE(std::any_of(list["keys"].begin(), list["keys"].end(), [](const Json& k) {
    return k["key"] == "micro.interval" && k["layer"] == "default";
  }));

  Json got = result_of(c.call("config.get", {{"key", "micro.interval"}}));
  EXPECT_EQ(got["layer"], "default");
  EXPECT_EQ(got["locked"], false);

  const Json set = result_of(c.call("config.set", {{"key", "micro.interval"}, {"value", "15m"}}));
  EXPECT_EQ(set["value"], "15m");
  EXPECT_EQ(set["file"], home_.user_config_file());
  const auto changed = watcher.wait_notification("config.changed", 5s);
  ASSERT_TRUE(changed) << daemon_.stderr_text();
  EXPECT_NE((*changed)["params"]["keys"].dump().find("micro.interval"), std::string::npos)
      << changed->dump();

  got = result_of(c.call("config.get", {{"key", "micro.interval"}}));
  EXPECT_EQ(got["value"], "15m");
  EXPECT_EQ(got["layer"], "user");
  const Json explained = result_of(c.call("config.explain", {{"key", "micro.interval"}}));
  EXPECT_EQ(explained["layer"], "user");
  EXPECT_EQ(explained["file"], home_.user_config_file());
  EXPECT_NE(explained["text"].get<std::string>().find("15m"), std::string::npos);

  const auto bad_value = c.call("config.set", {{"key", "micro.interval"}, {"value", "banana"}});
  EXPECT_EQ(code_of(bad_value), rpc::kInvalidParams);
  EXPECT_NE(error_message(*bad_value).find("micro.interval"), std::string::npos);
  for (const char* method : {"config.get", "config.explain"}) {
    const auto unknown = c.call(method, {{"key", "micro.nope"}});
    EXPECT_EQ(code_of(unknown), rpc::kInvalidParams) << method;
    EXPECT_NE(error_message(*unknown).find("no setting 'micro.nope'"), std::string::npos);
  }
  EXPECT_EQ(code_of(c.call("config.set", {{"key", "micro.interval"}})), rpc::kInvalidParams);
  EXPECT_EQ(result_of(c.call("config.get", {{"key", "micro.interval"}}))["value"], "15m")
      << "a refused set must leave the value";
}

TEST_F(Conformance, AManagedKeyCannotBeSetAndTheErrorSaysWhy) {
  ASSERT_TRUE(
      DaemonHome::write_file(home_.policy_dir() + "/10-org.toml", "[rest]\nallow_skip = false\n"));
  start_demo();
  RpcTestClient c = connect();
  const Json got = result_of(c.call("config.get", {{"key", "rest.allow_skip"}}));
  EXPECT_EQ(got["value"], "false");
  EXPECT_EQ(got["layer"], "policy");
  EXPECT_EQ(got["locked"], true);

  const auto reply = c.call("config.set", {{"key", "rest.allow_skip"}, {"value", "true"}});
  ASSERT_EQ(code_of(reply), rpc::kManaged) << reply->dump();
  EXPECT_NE(error_message(*reply).find("managed by your organisation"), std::string::npos)
      << reply->dump();
  EXPECT_EQ((*reply)["error"]["data"]["locked_by"], home_.policy_dir() + "/10-org.toml");
  EXPECT_EQ(result_of(c.call("config.get", {{"key", "rest.allow_skip"}}))["value"], "false");
  std::ifstream user(home_.user_config_file());
  std::string text, line;
  while (std::getline(user, line)) text += line + "\n";
  EXPECT_EQ(text.find("allow_skip"), std::string::npos)
      << "the user file must stay untouched: " << text;
}

TEST_F(Conformance, ThePolicysRulesOnSkippingAndPostponingHoldInDemoModeToo) {
  // The demo shortens the timings only; what the organisation forbids stays
  // forbidden, so a demo on a managed machine shows the real rules.
  ASSERT_TRUE(DaemonHome::write_file(home_.policy_dir() + "/10-org.toml",
                                     "[micro]\nallow_skip = false\nmax_postpones = 0\n"));
  start_demo();
  RpcTestClient c = connect();
  ASSERT_FALSE(result_of(c.call("subscribe", {{"events", {"break.due"}}})).is_null());
  const auto due = c.wait_notification("break.due", 10s);
  ASSERT_TRUE(due) << daemon_.stderr_text();
  ASSERT_EQ((*due)["params"]["kind"], "micro") << due->dump();
  const auto skip = c.call("break.skip");
  EXPECT_EQ(code_of(skip), rpc::kNotAllowed) << skip->dump();
  const auto postpone = c.call("break.postpone");
  EXPECT_EQ(code_of(postpone), rpc::kNotAllowed) << postpone->dump();
}

TEST_F(Conformance, ReportGetShowsReportingOffAndTheReportThatWouldBeWritten) {
  start_demo();
  RpcTestClient c = connect();
  const Json r = result_of(c.call("report.get"));
  EXPECT_EQ(r["enabled"], false) << r.dump();
  EXPECT_EQ(r["last_written"], nullptr) << "nothing is written while reporting is off";
  EXPECT_NE(r["file"].get<std::string>().find("/" + std::to_string(::getuid()) + "/report.json"),
            std::string::npos)
      << r.dump();
  const Json& report = r["report"];
  EXPECT_EQ(report["schema"], 1) << r.dump();
  for (const char* day : {"today", "last_complete_day"}) {
    SCOPED_TRACE(day);
    ASSERT_TRUE(report[day].is_object()) << report.dump();
    for (const char* kind : {"micro", "rest", "daily"}) {
      const Json& counts = report[day]["breaks"][kind];
      ASSERT_TRUE(counts.is_object()) << kind << ": " << report.dump();
      for (const char* n : {"due", "taken", "natural", "postponed", "skipped"})
        EXPECT_TRUE(counts[n].is_number_integer()) << kind << "." << n;
    }
  }
  // Nothing that names the user, the machine or what they did when.
  const std::string text = report.dump();
  for (const char* word : {"user", "host", "name", "exercise", "title"})
    EXPECT_EQ(text.find(word), std::string::npos) << word << " in " << text;
}

TEST_F(Conformance, StatsReturnsOneEntryPerDayAndRefusesBadRanges) {
  start_demo();
  RpcTestClient c = connect();
  const Json stats = result_of(c.call("stats", {{"days", 3}}));
  ASSERT_TRUE(stats["days"].is_array());
  EXPECT_EQ(stats["days"].size(), 3u);
  EXPECT_TRUE(stats["days"][0]["breaks"]["micro"].contains("taken")) << stats.dump();
  EXPECT_EQ(
      result_of(c.call("stats", {{"from", "2026-01-01"}, {"to", "2026-01-31"}}))["days"].size(),
      31u);
  for (const Json& bad :
       {Json{{"days", 0}}, Json{{"days", "7"}}, Json{{"from", "2026-13-01"}},
        Json{{"from", "yesterday"}}, Json{{"from", "2026-02-01"}, {"to", "2026-01-01"}}}) {
    SCOPED_TRACE(bad.dump());
    EXPECT_EQ(code_of(c.call("stats", bad)), rpc::kInvalidParams);
  }
}

TEST_F(Conformance, ExercisesCanBeListedAndShown) {
  start_demo();
  RpcTestClient c = connect();
  const Json list = result_of(c.call("exercises.list"));
  ASSERT_TRUE(list["exercises"].is_array());
  ASSERT_FALSE(list["exercises"].empty());
  const std::string id = list["exercises"][0]["id"];
  const Json shown = result_of(c.call("exercises.show", {{"id", id}}));
  EXPECT_EQ(shown["id"], id);
  EXPECT_FALSE(shown["steps"].empty());
  EXPECT_TRUE(shown["health"]["notice"].is_string());
  const auto missing = c.call("exercises.show", {{"id", "no-such-exercise"}});
  EXPECT_EQ(code_of(missing), rpc::kNotFound);
  EXPECT_NE(error_message(*missing).find("no-such-exercise"), std::string::npos);
  EXPECT_EQ(code_of(c.call("exercises.show")), rpc::kInvalidParams);
}

TEST_F(Conformance, ChecklistsCanBeListedReadAndAnswered) {
  start_demo();
  RpcTestClient c = connect();
  const Json lists = result_of(c.call("checklist.list"));
  ASSERT_FALSE(lists["checklists"].empty());
  const std::string id = lists["checklists"][0]["id"];
  const Json list = result_of(c.call("checklist.get", {{"id", id}}));
  ASSERT_TRUE(list["items"].is_array());
  ASSERT_FALSE(list["items"].empty());
  const std::string item = list["items"][0]["id"];
  EXPECT_TRUE(list["items"][0]["answer"].is_null());

  const Json answered =
      result_of(c.call("checklist.answer", {{"checklist", id}, {"item", item}, {"answer", "yes"}}));
  EXPECT_EQ(answered["score"]["yes"], 1);
  EXPECT_EQ(result_of(c.call("checklist.get", {{"id", id}}))["items"][0]["answer"], "yes");

  EXPECT_EQ(code_of(c.call("checklist.get", {{"id", "no-such-list"}})), rpc::kNotFound);
  EXPECT_EQ(code_of(c.call("checklist.answer",
                           {{"checklist", id}, {"item", "no-such-item"}, {"answer", "yes"}})),
            rpc::kNotFound);
  EXPECT_EQ(
      code_of(c.call("checklist.answer", {{"checklist", id}, {"item", item}, {"answer", "maybe"}})),
      rpc::kInvalidParams);
  EXPECT_EQ(code_of(c.call("checklist.answer", {{"checklist", id}})), rpc::kInvalidParams);
}

TEST_F(Conformance, SubscribeDeliversOnlyTheChosenEventsAndUnsubscribeStopsThem) {
  start_demo();
  RpcTestClient c = connect();
  const Json all = result_of(c.call("subscribe"));
  EXPECT_EQ(all["events"].size(), 7u) << all.dump();  // with break.prompt
  const Json some = result_of(c.call("subscribe", {{"events", {"break.due", "break.ended"}}}));
  EXPECT_EQ(some["events"], (Json{"break.due", "break.ended"}));
  ASSERT_TRUE(c.wait_notification("break.ended", 10s)) << daemon_.stderr_text();
  for (const Json& n : c.notifications()) {
    EXPECT_TRUE(n["method"] == "break.due" || n["method"] == "break.ended") << n.dump();
  }
  EXPECT_FALSE(result_of(c.call("unsubscribe")).is_null());
  c.clear_notifications();
  // A whole demo cycle (due, start, end: 4 s) passes without a word.
  EXPECT_FALSE(c.wait_notification("break.due", 5s));
  EXPECT_TRUE(c.notifications().empty()) << c.notifications().front().dump();

  EXPECT_EQ(code_of(c.call("subscribe", {{"events", {"bogus"}}})), rpc::kInvalidParams);
  EXPECT_EQ(code_of(c.call("subscribe", {{"events", "break.due"}})), rpc::kInvalidParams);
}

}  // namespace
}  // namespace limber::test
