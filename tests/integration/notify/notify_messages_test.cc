// The JSON lines between limberd and limber-notify: each message survives
// the round trip, bad lines are refused, and lines are split as they come.
#include "notify/notify_messages.h"

#include <gtest/gtest.h>

namespace limber {
namespace {

TEST(NotifyMessages, ShowRequestRoundTripsEveryField) {
  NotifyRequest show;
  show.prompt = BreakPrompt{7, "Time for a rest break", "Stand up & walk <5 min>", true, false, true, 42};
  const std::string line = encode(show);
  ASSERT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1) << "one message, one line";
  NotifyRequest back;
  std::string err;
  ASSERT_TRUE(decode(std::string_view(line).substr(0, line.size() - 1), &back, &err)) << err;
  EXPECT_EQ(back.kind, NotifyRequest::Kind::kShow);
  EXPECT_EQ(back.prompt.break_id, 7u);
  EXPECT_EQ(back.prompt.summary, "Time for a rest break");
  EXPECT_EQ(back.prompt.body, "Stand up & walk <5 min>");
  EXPECT_TRUE(back.prompt.offer_postpone);
  EXPECT_FALSE(back.prompt.offer_skip);
  EXPECT_TRUE(back.prompt.sound);
  EXPECT_EQ(back.prompt.replaces_id, 42u);
}

TEST(NotifyMessages, CloseRequestCarriesOnlyTheBreak) {
  NotifyRequest close;
  close.kind = NotifyRequest::Kind::kClose;
  close.prompt.break_id = 3;
  NotifyRequest back;
  std::string err;
  ASSERT_TRUE(decode(encode(close), &back, &err)) << err;
  EXPECT_EQ(back.kind, NotifyRequest::Kind::kClose);
  EXPECT_EQ(back.prompt.break_id, 3u);
}

TEST(NotifyMessages, EachReportRoundTrips) {
  for (auto kind : {NotifyReport::Kind::kShown, NotifyReport::Kind::kAction, NotifyReport::Kind::kClosed,
                    NotifyReport::Kind::kFailed}) {
    NotifyReport r;
    r.kind = kind;
    r.break_id = 9;
    r.server_id = kind == NotifyReport::Kind::kShown ? 5 : 0;
    r.action = PromptAction::kPostpone;
    r.text = kind == NotifyReport::Kind::kAction ? "" : "some text";
    NotifyReport back;
    std::string err;
    ASSERT_TRUE(decode(encode(r), &back, &err)) << err << " in " << encode(r);
    EXPECT_EQ(back.kind, kind);
    EXPECT_EQ(back.break_id, 9u);
    EXPECT_EQ(back.server_id, r.server_id);
    EXPECT_EQ(back.text, r.text);
    if (kind == NotifyReport::Kind::kAction) {
      EXPECT_EQ(back.action, PromptAction::kPostpone);
    }
  }
}

TEST(NotifyMessages, MalformedLinesAreRefused) {
  NotifyReport report;
  NotifyRequest request;
  std::string err;
  EXPECT_FALSE(decode("not json", &report, &err));
  EXPECT_FALSE(decode("[1,2]", &report, &err));
  EXPECT_FALSE(decode(R"({"type":"shown"})", &report, &err)) << "no break_id";
  EXPECT_FALSE(decode(R"({"type":"action","break_id":1,"action":"explode"})", &report, &err));
  EXPECT_FALSE(decode(R"({"type":"dance","break_id":1})", &report, &err));
  EXPECT_FALSE(decode(R"({"type":"show","break_id":1})", &request, &err)) << "a show needs a summary";
  EXPECT_FALSE(decode(R"({"type":"shown","break_id":1})", &request, &err)) << "a report is no request";
}

TEST(NotifyMessages, LinesAreSplitAcrossReads) {
  std::string pending;
  std::vector<std::string> lines;
  ASSERT_TRUE(split_lines(&pending, "{\"a\":1}\n{\"b\"", &lines));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "{\"a\":1}");
  ASSERT_TRUE(split_lines(&pending, ":2}\n", &lines));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1], "{\"b\":2}");
  EXPECT_TRUE(pending.empty());
}

TEST(NotifyMessages, AnOverlongLineIsDropped) {
  std::string pending;
  std::vector<std::string> lines;
  EXPECT_FALSE(split_lines(&pending, std::string(kMaxNotifyLine + 1, 'x'), &lines));
  EXPECT_TRUE(pending.empty());
  EXPECT_TRUE(split_lines(&pending, "ok\n", &lines));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "ok");
}

TEST(NotifyMessages, ActionsHaveTheirProtocolWords) {
  PromptAction a{};
  ASSERT_TRUE(parse_prompt_action("skip", &a));
  EXPECT_EQ(a, PromptAction::kSkip);
  EXPECT_EQ(to_string(PromptAction::kStart), "start");
  EXPECT_FALSE(parse_prompt_action("Start", &a));
}

}  // namespace
}  // namespace limber
