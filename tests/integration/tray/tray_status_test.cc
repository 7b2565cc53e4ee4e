// The tray's one-line summary and icon for a `status` document.
#include "tray_status.h"

#include <gtest/gtest.h>

#include <clocale>

namespace limber::tray {
namespace {

// limber-tray runs in a UTF-8 locale (main() picks C.UTF-8 when needed);
// its summaries contain "·", which wx cannot convert in the C locale.
const bool kUtf8Locale = std::setlocale(LC_ALL, "C.UTF-8") != nullptr;

rpc::Json working_status() {
  return rpc::Json{{"mode", "working"},
                   {"quiet", false},
                   {"held_by", rpc::Json::array()},
                   {"due", nullptr},
                   {"breaks",
                    {{{"kind", "micro"}, {"enabled", true}, {"phase", "waiting"}, {"until_due_s", 720}}}}};
}

TEST(TrayStatus, ShowsTimeToTheNextBreak) {
  ASSERT_TRUE(kUtf8Locale);
  const TrayStatus s = tray_status_from(working_status());
  EXPECT_EQ(s.icon, TrayIconState::kActive);
  EXPECT_NE(s.summary.Find("12 min"), wxNOT_FOUND) << s.summary;
}

TEST(TrayStatus, SaysWhyPromptsAreHeldByDoNotDisturb) {
  rpc::Json status = working_status();
  status["held_by"] = {"fullscreen"};
  const TrayStatus s = tray_status_from(status);
  EXPECT_EQ(s.icon, TrayIconState::kQuiet);
  EXPECT_NE(s.summary.Find("Prompts held (fullscreen)"), wxNOT_FOUND) << s.summary;
}

TEST(TrayStatus, UserQuietModeIsNamedAsSuch) {
  rpc::Json status = working_status();
  status["quiet"] = true;
  const TrayStatus s = tray_status_from(status);
  EXPECT_EQ(s.icon, TrayIconState::kQuiet);
  EXPECT_NE(s.summary.Find("Quiet mode"), wxNOT_FOUND) << s.summary;
}

TEST(TrayStatus, MalformedStatusGivesANeutralSummary) {
  const TrayStatus s = tray_status_from(rpc::Json("nonsense"));
  EXPECT_TRUE(s.connected);
  EXPECT_FALSE(s.summary.empty());
}

}  // namespace
}  // namespace limber::tray
