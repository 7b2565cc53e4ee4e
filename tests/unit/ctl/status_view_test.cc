#include "status_view.h"

#include <gtest/gtest.h>

namespace limber::ctl {
namespace {

using rpc::Json;

Json a_break(const char* kind, const char* phase, int active, int until, int interval) {
  return Json{{"kind", kind},       {"enabled", true},      {"phase", phase},
              {"active_s", active}, {"until_due_s", until}, {"interval_s", interval},
              {"duration_s", 30},   {"postpones_left", 3},  {"can_skip", true}};
}

Json working_status() {
  return Json{
      {"mode", "working"},
      {"active", true},
      {"locked", false},
      {"quiet", false},
      {"paused_until", nullptr},
      {"active_today_s", 4500},
      {"breaks",
       {a_break("micro", "waiting", 900, 300, 1200), a_break("rest", "waiting", 900, 2400, 3300)}},
      {"due", nullptr},
      {"source", "x11"},
      {"tray_connected", false}};
}

TEST(LimberctlWaybar, WorkingShowsTheNextBreakAndTheWayTowardIt) {
  const Json w = waybar_json(working_status());
  EXPECT_EQ(w["text"], "micro 5m");
  EXPECT_EQ(w["class"], "working");
  EXPECT_EQ(w["percentage"], 75);  // 900 s of 1200 s
  EXPECT_NE(w["tooltip"].get<std::string>().find("rest-break: in 40m"), std::string::npos)
      << w.dump();
  EXPECT_NE(w["tooltip"].get<std::string>().find("Active today: 1h 15m"), std::string::npos)
      << w.dump();
}

TEST(LimberctlWaybar, ARunningBreakCountsDownAndHasClassDue) {
  Json s = working_status();
  Json due = a_break("micro", "due", 1200, 0, 1200);
  due["id"] = 7;
  due["started"] = true;
  due["held"] = false;
  due["progress_s"] = 12;
  s["breaks"][0] = due;
  s["due"] = due;
  const Json w = waybar_json(s);
  EXPECT_EQ(w["text"], "break 18s");
  EXPECT_EQ(w["class"], "due");
  EXPECT_EQ(w["percentage"], 40);  // 12 s of 30 s
}

TEST(LimberctlWaybar, PausedAndQuietSayWhatTheyAre) {
  Json s = working_status();
  s["mode"] = "quiet";
  EXPECT_EQ(waybar_json(s)["text"], "quiet");
  EXPECT_EQ(waybar_json(s)["class"], "quiet");
  s["mode"] = "paused";
  s["paused_until"] = "2999-01-01T14:00:00+00:00";
  EXPECT_EQ(waybar_json(s)["text"], "paused until 2999-01-01 14:00");
  EXPECT_EQ(waybar_json(s)["class"], "paused");
}

TEST(LimberctlStatusText, DueBreakSaysHowItIsPrompted) {
  Json s = working_status();
  Json due = a_break("micro", "due", 1200, 0, 1200);
  due["id"] = 4;
  due["started"] = false;
  due["held"] = false;
  due["prompt"] = "notification";
  s["due"] = due;
  EXPECT_NE(status_text(s).find("micro-break #4 (30s), shown as a notification, waiting for you"), std::string::npos)
      << status_text(s);
  s["due"]["prompt"] = "window";
  EXPECT_NE(status_text(s).find("shown in the tray's window"), std::string::npos) << status_text(s);
}

TEST(LimberctlStatusText, ListsModeSourceAndEveryBreak) {
  const std::string text = status_text(working_status());
  EXPECT_NE(text.find("Mode:           working; you are active\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Activity from:  x11\n"), std::string::npos) << text;
  EXPECT_NE(text.find("micro  5m       15m     20m    30s    3\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace limber::ctl
