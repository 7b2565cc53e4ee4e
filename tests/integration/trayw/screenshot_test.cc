// Screenshots of the tray's secondary windows, with real history: a demo
// limberd runs on a fast clock while the test answers some of its breaks
// (postpone, skip) through the IPC as a user would, so the charts have days
// of data. Each window is then captured from the X server and checked to
// be non-blank and to show its content. The PNGs land in the build's
// screenshots/ directory, and in $LIMBER_SCREENSHOT_DIR when set
// (docs/screenshots/ is refreshed that way).
#include <wx/window.h>

#include <cstdlib>

#include "statistics_window.h"
#include "tray_window_fixture.h"
#include "tray_windows.h"
#include "wx_test_world.h"

namespace limber::test {
namespace {

using namespace std::chrono_literals;
using rpc::Json;
using tray::TrayWindow;
using Clock = std::chrono::steady_clock;

// A policy that manages one setting, so the settings screenshot shows how
// a managed setting looks.
constexpr const char* kPolicy = "[rest]\ninterval = \"50m\"\n";
// Demo time per real second: five minutes. The demo's pretend user stops
// registering above a scale of about 500 (its 1 s noise filter becomes
// 2 ms), so a simulated day takes almost five real minutes.
constexpr const char* kTimeScale = "--time-scale=300";

// How long the demo makes history, in real seconds: 20 (an hour and a
// half of demo time, all on one day), or $LIMBER_SCREENSHOT_HISTORY_S —
// e.g. 900 for the three to four days of history in docs/screenshots/.
std::chrono::seconds history_time() {
  const char* text = std::getenv("LIMBER_SCREENSHOT_HISTORY_S");
  const long s = text != nullptr ? std::strtol(text, nullptr, 10) : 0;
  return std::chrono::seconds(s > 0 ? s : 20);
}

class TrayWindowScreenshots : public TrayWindowTest {
 protected:
  // Lets the demo user work for `real_time`, answering breaks as a person
  // might: now and then postponed, sometimes skipped, else left to the
  // engine (taken while away, or ignored).
  void make_history(std::chrono::milliseconds real_time) {
    ASSERT_TRUE(client_.call("subscribe", Json{{"events", {"break.due"}}}).ok());
    const auto end = Clock::now() + real_time;
    long due = 0;
    while (Clock::now() < end) {
      pump_for(10ms);  // the tray link keeps reading its notifications
      while (auto n = client_.next_notification(0ms)) {
        if (n->method != "break.due") continue;
        ++due;
        if (due % 5 == 1) client_.call("break.postpone");
        if (due % 11 == 0) client_.call("break.skip");
      }
    }
    client_.call("unsubscribe");
  }
};

TEST_F(TrayWindowScreenshots, EachWindowIsCapturedNonBlankWithItsContent) {
  ASSERT_TRUE(start_daemon({kTimeScale}, kPolicy));
  make_history(history_time());
  ASSERT_TRUE(pump_until([this] { return link_->connected(); }, 5s));

  wxWindow* stats = open(static_cast<int>(TrayWindow::kStatistics), "limber_statistics");
  ASSERT_NE(stats, nullptr);
  auto* window = dynamic_cast<tray::StatisticsWindow*>(stats);
  ASSERT_TRUE(pump_until([&] { return window->days().size() == 7; }, 5s));
  size_t with_data = 0;
  for (const auto& d : window->days()) with_data += d.has_data() ? 1u : 0u;
  EXPECT_GE(with_data, 1u) << "the demo made no history for the charts";
  pump_for(300ms);
  EXPECT_TRUE(screenshot(stats, "statistics"));
  close_windows();

  wxWindow* checklist = open(static_cast<int>(TrayWindow::kChecklist), "limber_checklist");
  ASSERT_NE(checklist, nullptr);
  ASSERT_TRUE(pump_until([&] { return find_named(checklist, "start_desk-setup") != nullptr; }, 5s));
  click(find_named(checklist, "start_desk-setup"));
  wxWindow* question = find_named(checklist, "item_question");
  ASSERT_TRUE(pump_until([&] { return !question->GetLabel().empty(); }, 5s));
  // Answer two questions; the third (with its numbers) is the picture.
  click(find_named(checklist, "answer_yes"));
  click(find_named(checklist, "answer_no"));
  pump_for(300ms);
  EXPECT_TRUE(shows_text(checklist, "question 3 of"));
  EXPECT_TRUE(shows_text(checklist, "Why it matters"));
  EXPECT_TRUE(screenshot(checklist, "checklist"));
  close_windows();

  wxWindow* settings = open(static_cast<int>(TrayWindow::kSettings), "limber_settings");
  ASSERT_NE(settings, nullptr);
  ASSERT_TRUE(pump_until([&] { return find_named(settings, "rest.interval") != nullptr; }, 5s));
  EXPECT_FALSE(find_named(settings, "rest.interval")->IsEnabled());
  EXPECT_TRUE(shows_text(settings, "Managed by your organisation"));
  pump_for(300ms);
  EXPECT_TRUE(screenshot(settings, "settings"));
  close_windows();

  wxWindow* about = open(static_cast<int>(TrayWindow::kAbout), "limber_about");
  ASSERT_NE(about, nullptr);
  ASSERT_TRUE(pump_until([&] { return shows_text(about, "Nothing is reported."); }, 5s));
  pump_for(300ms);
  EXPECT_TRUE(screenshot(about, "about"));
}

}  // namespace
}  // namespace limber::test
