// Who shows a due break (prompt.style) and what the reminder says.
#include <gtest/gtest.h>

#include "notify/prompt_style.h"
#include "notify/reminder_text.h"

namespace limber {
namespace {

TEST(PromptStyle, WithoutTrayTheDaemonAlwaysNotifies) {
  for (PromptStyle style : {PromptStyle::kAuto, PromptStyle::kWindow, PromptStyle::kNotification}) {
    EXPECT_TRUE(daemon_notifies(style, false, false));
    EXPECT_TRUE(daemon_notifies(style, false, true));
  }
}

TEST(PromptStyle, WindowStyleLeavesThePromptToAConnectedTray) {
  EXPECT_FALSE(daemon_notifies(PromptStyle::kWindow, true, true));
  EXPECT_FALSE(daemon_notifies(PromptStyle::kWindow, true, false));
}

TEST(PromptStyle, NotificationStyleNotifiesEvenWithATray) {
  EXPECT_TRUE(daemon_notifies(PromptStyle::kNotification, true, false));
}

TEST(PromptStyle, AutoNotifiesWhileTypingAndLeavesPausesToTheTray) {
  EXPECT_TRUE(daemon_notifies(PromptStyle::kAuto, true, true));
  EXPECT_FALSE(daemon_notifies(PromptStyle::kAuto, true, false));
}

TEST(PromptWay, FirstPromptFollowsTheStyle) {
  EXPECT_EQ(choose_prompt_way(PromptStyle::kAuto, true, true, std::nullopt), PromptWay::kNotification);
  EXPECT_EQ(choose_prompt_way(PromptStyle::kAuto, true, false, std::nullopt), PromptWay::kWindow);
  EXPECT_EQ(choose_prompt_way(PromptStyle::kWindow, true, true, std::nullopt), PromptWay::kWindow);
  EXPECT_EQ(choose_prompt_way(PromptStyle::kNotification, true, false, std::nullopt), PromptWay::kNotification);
  EXPECT_EQ(choose_prompt_way(PromptStyle::kWindow, false, false, std::nullopt), PromptWay::kNotification);
}

TEST(PromptWay, AutoTurnsANotificationIntoTheWindowWhenTheUserPauses) {
  EXPECT_EQ(choose_prompt_way(PromptStyle::kAuto, true, true, PromptWay::kNotification), PromptWay::kNotification);
  EXPECT_EQ(choose_prompt_way(PromptStyle::kAuto, true, false, PromptWay::kNotification), PromptWay::kWindow);
}

TEST(PromptWay, AutoKeepsTheWindowWhenTheUserTypesAgain) {
  EXPECT_EQ(choose_prompt_way(PromptStyle::kAuto, true, true, PromptWay::kWindow), PromptWay::kWindow);
}

TEST(PromptWay, ALostTrayTurnsTheWindowIntoANotification) {
  for (PromptStyle style : {PromptStyle::kAuto, PromptStyle::kWindow}) {
    EXPECT_EQ(choose_prompt_way(style, false, false, PromptWay::kWindow), PromptWay::kNotification);
  }
}

TEST(PromptWay, ATrayThatArrivesTakesOverInWindowStyle) {
  EXPECT_EQ(choose_prompt_way(PromptStyle::kWindow, true, true, PromptWay::kNotification), PromptWay::kWindow);
}

TEST(PromptStyle, ParsesTheConfigWords) {
  EXPECT_EQ(parse_prompt_style("window"), PromptStyle::kWindow);
  EXPECT_EQ(parse_prompt_style("notification"), PromptStyle::kNotification);
  EXPECT_EQ(parse_prompt_style("auto"), PromptStyle::kAuto);
  EXPECT_EQ(to_string(PromptWay::kWindow), "window");
  EXPECT_EQ(to_string(PromptWay::kNotification), "notification");
}

TEST(ReminderText, MicroBreakNamesTheExerciseAndItsFirstStep) {
  Exercise e;
  e.name = "Neck tilt";
  e.steps = {{"Tilt your head to the right.", 10, ""}, {"Then to the left.", 10, ""}};
  const ReminderText t = reminder_text(BreakKind::kMicro, std::chrono::seconds(30), &e);
  EXPECT_EQ(t.summary, "Time for a micro-break");
  EXPECT_EQ(t.body, "Look away from the screen and loosen up for 30 seconds.\nNeck tilt: Tilt your head to the right.");
}

TEST(ReminderText, RestBreakWithoutExerciseSpellsOutItsLength) {
  const ReminderText t = reminder_text(BreakKind::kRest, std::chrono::seconds(330), nullptr);
  EXPECT_EQ(t.summary, "Time for a rest break");
  EXPECT_EQ(t.body, "Stand up and step away from the screen for 5 minutes 30 seconds.");
}

TEST(ReminderText, DailyLimitSaysToStop) {
  const ReminderText t = reminder_text(BreakKind::kDaily, std::chrono::minutes(1), nullptr);
  EXPECT_EQ(t.summary, "Enough screen time for today");
  EXPECT_NE(t.body.find("1 minute."), std::string::npos) << t.body;
}

}  // namespace
}  // namespace limber
