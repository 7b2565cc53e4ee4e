// limberd reminds of a due break with one desktop notification, answers its
// actions, replaces it instead of stacking, and closes it when the break
// ends; python3-dbusmock's notification_daemon stands in for the server.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "notify_test_fixture.h"

namespace limber::test {
namespace {

using Reminders = NotifyTest;

bool has_action(const NotifyCall& call, const std::string& key, const std::string& label) {
  for (size_t i = 0; i + 1 < call.actions.size(); i += 2) {
    if (call.actions[i] == key && call.actions[i + 1] == label) return true;
  }
  return false;
}

TEST_F(Reminders, DueBreakShowsOneQuietNotificationWithActionsAndHints) {
  start_server();
  ASSERT_TRUE(start_demo());
  ASSERT_TRUE(logged(kFirstShown, 20s));
  const std::vector<NotifyCall> calls = server_.notify_calls();
  ASSERT_EQ(calls.size(), 1u);
  const NotifyCall& n = calls.front();
  EXPECT_EQ(n.app_name, "Limber");
  EXPECT_EQ(n.replaces_id, 0u);
  // From the build tree: the source tree's app icon by absolute path (no
  // installed theme to find its name in).
  EXPECT_EQ(n.app_icon, LIMBER_SOURCE_DIR "/packaging/icons/hicolor/scalable/apps/io.github.limber.svg");
  EXPECT_EQ(n.summary, "Time for a micro-break");
  EXPECT_NE(n.body.find("loosen up for 10 seconds"), std::string::npos) << n.body;
  EXPECT_TRUE(has_action(n, "start", "Start"));
  EXPECT_TRUE(has_action(n, "postpone", "Postpone"));
  EXPECT_TRUE(has_action(n, "skip", "Skip"));
  EXPECT_EQ(n.actions.size(), 6u);
  EXPECT_EQ(n.hints.at("desktop-entry"), "io.github.limber");
  EXPECT_EQ(n.hints.at("urgency"), "1");  // normal
  EXPECT_EQ(n.hints.at("suppress-sound"), "true");
  EXPECT_EQ(n.hints.count("sound-name"), 0u);
  EXPECT_TRUE(stops_cleanly());
}

TEST_F(Reminders, SoundSettingAddsTheBellSoundThemeEvent) {
  start_server();
  ASSERT_TRUE(home_.write_user_config("[prompt]\nsound = true\n"));
  ASSERT_TRUE(start_demo());
  ASSERT_TRUE(logged(kFirstShown, 20s));
  const std::vector<NotifyCall> calls = server_.notify_calls();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].hints.at("sound-name"), "bell");
  EXPECT_EQ(calls[0].hints.count("suppress-sound"), 0u);
}

TEST_F(Reminders, ServerWithoutActionsGetsAPlainNotification) {
  start_server("body");
  ASSERT_TRUE(start_demo());
  ASSERT_TRUE(logged(kFirstShown, 20s));
  const std::vector<NotifyCall> calls = server_.notify_calls();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_TRUE(calls[0].actions.empty());
}

TEST_F(Reminders, PostponeActionEndsTheBreakAsPostponed) {
  start_server();
  ASSERT_TRUE(start_demo());
  ASSERT_TRUE(logged(kFirstShown, 20s));
  std::string err;
  ASSERT_TRUE(server_.invoke_action(1, "postpone", &err)) << err;
  EXPECT_TRUE(logged("notification: postpone asked for break #1", 5s));
  EXPECT_TRUE(logged("micro-break #1 ended: postponed", 5s));
}

TEST_F(Reminders, SkipActionEndsTheBreakAsSkipped) {
  start_server();
  ASSERT_TRUE(start_demo());
  ASSERT_TRUE(logged(kFirstShown, 20s));
  std::string err;
  ASSERT_TRUE(server_.invoke_action(1, "skip", &err)) << err;
  EXPECT_TRUE(logged("micro-break #1 ended: skipped", 5s));
}

TEST_F(Reminders, StartActionStartsTheCountdownWhileTheUserStillTypes) {
  start_server();
  ASSERT_TRUE(start_demo());
  size_t shown = 0;
  ASSERT_TRUE(logged(kFirstShown, 20s, 0, &shown));
  std::string err;
  ASSERT_TRUE(server_.invoke_action(1, "start", &err)) << err;
  size_t asked = 0;
  ASSERT_TRUE(logged("notification: start asked for break #1", 5s, shown, &asked));
  // Started by the action, not by the pretend user going away.
  EXPECT_TRUE(logged("micro-break #1 started", 5s, asked));
}

TEST_F(Reminders, ActionOfAnEarlierBreaksNotificationDoesNotAnswerTheNextBreak) {
  start_server();
  ASSERT_TRUE(start_demo());
  ASSERT_TRUE(logged("micro-break #1 ended: taken", 30s));
  ASSERT_TRUE(logged("break #2 reminder shown as a notification", 30s));
  ASSERT_TRUE(server_.wait_for_notify_calls(2, 1s));
  EXPECT_EQ(server_.notify_calls()[1].replaces_id, 0u) << "a new break gets a new notification";
  // A late click on the first break's notification (server id 1).
  std::string err;
  ASSERT_TRUE(server_.invoke_action(1, "skip", &err)) << err;
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(daemon_.count_lines("ended: skipped"), 0u) << daemon_.stderr_text();
  // The second break's own notification (server id 2) still answers.
  ASSERT_TRUE(server_.invoke_action(2, "skip", &err)) << err;
  EXPECT_TRUE(logged("micro-break #2 ended: skipped", 5s));
}

TEST_F(Reminders, NotificationIsClosedWhenTheBreakEnds) {
  start_server();
  ASSERT_TRUE(start_demo());
  ASSERT_TRUE(logged(kFirstShown, 20s));
  EXPECT_TRUE(server_.closed_ids().empty());
  ASSERT_TRUE(logged("micro-break #1 ended: taken", 20s));
  EXPECT_TRUE(server_.wait_for_close(1, 5s)) << daemon_.stderr_text();
}

TEST_F(Reminders, QuietHoldsThePromptAndItsReturnReplacesTheSameNotification) {
  start_server();
  ASSERT_TRUE(start_demo());
  DaemonRpc rpc;
  ASSERT_TRUE(connect_rpc(rpc));
  ASSERT_TRUE(logged(kFirstShown, 20s));
  std::string err;
  ASSERT_TRUE(rpc.call("quiet", {{"on", true}}, &err)) << err;
  EXPECT_TRUE(server_.wait_for_close(1, 5s)) << "a held prompt's notification stays up";
  rpc::Json s = status(rpc);
  EXPECT_EQ(s["quiet"], true);
  EXPECT_EQ(s["held_by"], rpc::Json::array());
  ASSERT_TRUE(rpc.call("quiet", {{"on", false}}, &err)) << err;
  ASSERT_TRUE(server_.wait_for_notify_calls(2, 5s)) << daemon_.stderr_text();
  const std::vector<NotifyCall> calls = server_.notify_calls();
  EXPECT_EQ(calls[0].replaces_id, 0u);
  EXPECT_EQ(calls[1].replaces_id, 1u) << "the repeated prompt must replace notification 1";
  EXPECT_EQ(status(rpc)["quiet"], false);
}

TEST_F(Reminders, WindowStyleLeavesThePromptToAConnectedTray) {
  start_server();
  ASSERT_TRUE(home_.write_user_config("[prompt]\nstyle = \"window\"\n"));
  ASSERT_TRUE(start_demo());
  DaemonRpc tray;
  ASSERT_TRUE(connect_rpc(tray));
  std::string err;
  ASSERT_TRUE(tray.call("hello", {{"protocol", rpc::kProtocolVersion}, {"client", "limber-tray"}}, &err)) << err;
  ASSERT_TRUE(logged(kFirstDue, 20s));
  EXPECT_TRUE(logged("break reminder left to the tray \\(prompt.style window\\)", 2s));
  EXPECT_TRUE(server_.notify_calls().empty());
}

TEST_F(Reminders, MissingServerIsReportedOnceAndOneStartedLaterIsUsed) {
  // The bus exists but nothing owns org.freedesktop.Notifications (and the
  // private bus can start nothing).
  ASSERT_TRUE(start_demo({}, "--time-scale=10"));
  ASSERT_TRUE(logged("micro-break #2 due", 30s));
  EXPECT_EQ(daemon_.count_lines("notifications: cannot show a break reminder"), 1u) << daemon_.stderr_text();
  start_server();
  ASSERT_TRUE(server_.wait_for_notify_calls(1, 20s)) << daemon_.stderr_text();
  EXPECT_TRUE(daemon_.running());
}

}  // namespace
}  // namespace limber::test
