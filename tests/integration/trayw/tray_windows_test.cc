// The tray's secondary windows against a real limberd: each opens through
// show_tray_window(), shows what the daemon says, and what the user does in
// it reaches the daemon (checked with the test's own IPC client).
#include <wx/anybutton.h>
#include <wx/checkbox.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/window.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "day_stats.h"
#include "statistics_window.h"
#include "tray_menu.h"
#include "tray_status.h"
#include "tray_window_fixture.h"
#include "tray_windows.h"
#include "wx_test_world.h"

namespace limber::test {
namespace {

using namespace std::chrono_literals;
using rpc::Json;
using tray::TrayWindow;

// A widget's label with wrapped lines joined again.
std::string label_of(wxWindow* w) {
  if (w == nullptr) return std::string();
  wxString label = w->GetLabel();
  label.Replace("\n", " ");
  return std::string(label.utf8_str());
}

TEST_F(TrayWindowTest, ChecklistAnswersGivenInTheWizardReachTheHistoryAndEndOnTheScore) {
  ASSERT_TRUE(start_daemon());
  const Json lists = call("checklist.list")["checklists"];
  ASSERT_GE(lists.size(), 3u);
  wxWindow* frame = open(static_cast<int>(TrayWindow::kChecklist), "limber_checklist");
  ASSERT_NE(frame, nullptr) << "the checklist window did not open";
  for (const Json& list : lists) {
    const std::string button = "start_" + list["id"].get<std::string>();
    EXPECT_TRUE(pump_until([&] { return find_named(frame, button) != nullptr; }, 5s)) << "no " << button;
    EXPECT_TRUE(shows_text(frame, list["title"].get<std::string>()));
  }
  EXPECT_TRUE(shows_text(frame, "not checked yet"));

  const Json desk = call("checklist.get", Json{{"id", "desk-setup"}});
  const Json& items = desk["items"];
  ASSERT_GE(items.size(), 3u);
  click(find_named(frame, "start_desk-setup"));
  wxWindow* question = find_named(frame, "item_question");
  ASSERT_NE(question, nullptr);
  ASSERT_TRUE(pump_until([&] { return label_of(question) == items[0]["question"].get<std::string>(); }, 5s)) << label_of(question);
  EXPECT_TRUE(shows_text(frame, items[0]["why"].get<std::string>()));
  EXPECT_TRUE(shows_text(frame, items[0]["fix"].get<std::string>()));
  EXPECT_TRUE(shows_text(frame, "question 1 of " + std::to_string(items.size())));

  click(find_named(frame, "answer_no"));
  ASSERT_TRUE(pump_until([&] { return label_of(question) == items[1]["question"].get<std::string>(); }, 5s));
  click(find_named(frame, "answer_yes"));
  ASSERT_TRUE(pump_until([&] { return label_of(question) == items[2]["question"].get<std::string>(); }, 5s));
  click(find_named(frame, "answer_na"));
  click(find_named(frame, "answer_finish_later"));
  wxWindow* score = find_named(frame, "result_score");
  ASSERT_TRUE(pump_until([&] { return score->IsShownOnScreen() && !label_of(score).empty(); }, 5s));

  // The daemon's history has the three answers.
  const Json after = call("checklist.get", Json{{"id", "desk-setup"}});
  EXPECT_EQ(after["items"][0]["answer"], "no");
  EXPECT_EQ(after["items"][1]["answer"], "yes");
  EXPECT_EQ(after["items"][2]["answer"], "na");
  EXPECT_TRUE(after["last_checked"].is_string());
  EXPECT_EQ(after["score"]["percent"], 50);
  // The result page shows the daemon's score, the to-do item with its fix,
  // and the date of the check.
  EXPECT_EQ(label_of(score), "50 %");
  wxWindow* todo = find_named(frame, "result_todo");
  EXPECT_TRUE(shows_text(todo, items[0]["question"].get<std::string>()));
  EXPECT_TRUE(shows_text(todo, items[0]["fix"].get<std::string>()));
  EXPECT_EQ(label_of(find_named(frame, "result_last_checked")).rfind("Last checked: ", 0), 0u);
}

// Days in the daemon's stats reply that have anything recorded.
std::vector<tray::DayRow> days_with_data(const Json& stats) {
  std::vector<tray::DayRow> rows, out;
  std::string err;
  EXPECT_TRUE(tray::parse_day_rows(stats, &rows, &err)) << err;
  for (const auto& r : rows) {
    if (r.has_data()) out.push_back(r);
  }
  return out;
}

TEST_F(TrayWindowTest, StatisticsChartTheDaemonsDaysAndExportThemAsCsv) {
  // A minute of demo time per real second: breaks fall due within seconds.
  ASSERT_TRUE(start_daemon({"--time-scale=60"}));
  ASSERT_TRUE(pump_until(
      [&] {
        const auto days = days_with_data(call("stats", Json{{"days", 7}}));
        return !days.empty() && days.back().due + days.back().natural >= 2;
      },
      30s))
      << "the demo recorded no breaks; its log:\n" << daemon_.stderr_text();

  wxWindow* frame = open(static_cast<int>(TrayWindow::kStatistics), "limber_statistics");
  ASSERT_NE(frame, nullptr) << "the statistics window did not open";
  auto* window = dynamic_cast<tray::StatisticsWindow*>(frame);
  ASSERT_NE(window, nullptr);
  for (const char* name : {"range_7_days", "range_30_days", "chart_active_time", "chart_breaks", "figure_active",
                           "figure_breaks", "figure_compliance", "figure_missed", "export_csv"}) {
    EXPECT_NE(find_named(frame, name), nullptr) << "no " << name;
  }
  ASSERT_TRUE(pump_until([&] { return window->days().size() == 7; }, 5s));
  EXPECT_TRUE(shows_text(frame, "Active time per day"));
  EXPECT_TRUE(shows_text(frame, "Breaks per day"));
  EXPECT_TRUE(shows_text(frame, "Compliance is the share of breaks you had"));
  EXPECT_NE(label_of(find_named(frame, "figure_compliance")), "–");

  window->set_range(30);
  ASSERT_TRUE(pump_until([&] { return window->days().size() == 30; }, 5s));

  const std::string path = home_.root() + "/export.csv";
  wxString err;
  ASSERT_TRUE(window->export_csv(wxString::FromUTF8(path.c_str()), &err)) << err;
  std::ifstream in(path);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line,
            "date,active_minutes,breaks_due,taken,natural,postponed,skipped,ignored,cancelled,compliance_percent");
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  // One row per day with data, as the daemon reports those days.
  std::vector<tray::DayRow> expected;
  for (const auto& r : window->days()) {
    if (r.has_data()) expected.push_back(r);
  }
  ASSERT_FALSE(expected.empty());
  ASSERT_EQ(lines.size(), expected.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    std::ostringstream prefix;
    prefix << expected[i].date << ',';
    EXPECT_EQ(lines[i].rfind(prefix.str(), 0), 0u) << lines[i];
    std::ostringstream counts;
    counts << ',' << expected[i].due << ',' << expected[i].taken << ',' << expected[i].natural << ',';
    EXPECT_NE(lines[i].find(counts.str()), std::string::npos) << lines[i];
  }
  // The window's days are the daemon's days.
  const auto daemon_days = days_with_data(call("stats", Json{{"days", 30}}));
  ASSERT_FALSE(daemon_days.empty());
  EXPECT_EQ(daemon_days.front().date, expected.front().date);
}

TEST_F(TrayWindowTest, SettingsApplyAtOnceFollowTheDaemonAndShowRefusedValuesInline) {
  ASSERT_TRUE(start_daemon());
  wxWindow* frame = open(static_cast<int>(TrayWindow::kSettings), "limber_settings");
  ASSERT_NE(frame, nullptr) << "the settings window did not open";
  ASSERT_TRUE(pump_until([&] { return find_named(frame, "micro.interval") != nullptr; }, 5s));
  for (const char* key : {"micro.enabled", "micro.duration", "rest.interval", "rest.duration", "rest.allow_skip",
                          "schedule.work_hours", "daily.enabled", "exercises.floor", "exercises.equipment.band",
                          "exercises.excluded"}) {
    EXPECT_NE(find_named(frame, key), nullptr) << "no control for " << key;
  }
  EXPECT_TRUE(shows_text(frame, "Time between micro-breaks"));

  for (const char* key : {"micro.snooze", "micro.max_postpones", "rest.snooze", "rest.max_postpones",
                          "schedule.day_starts_at", "dnd.fullscreen", "dnd.calls", "exercises.favourites"}) {
    EXPECT_NE(find_named(frame, key), nullptr) << "no control for " << key;
  }

  // Durations show in natural units, and a change goes to limberd at once.
  auto* interval = dynamic_cast<wxTextCtrl*>(find_named(frame, "micro.interval"));
  ASSERT_NE(interval, nullptr);
  EXPECT_EQ(interval->GetValue(), "20 min");
  const auto enter_text = [](wxTextCtrl* field, const char* text) {
    field->ChangeValue(text);
    wxCommandEvent enter(wxEVT_TEXT_ENTER, field->GetId());
    enter.SetEventObject(field);
    field->GetEventHandler()->ProcessEvent(enter);
  };
  enter_text(interval, "25 min");
  EXPECT_TRUE(pump_until([&] { return call("config.get", Json{{"key", "micro.interval"}})["value"] == "25m"; }, 5s));

  // Issue 15: "abc" and Tab saved interval = "1m". Now nothing is sent and
  // the field says why.
  interval->ChangeValue("abc");
  wxFocusEvent tab(wxEVT_KILL_FOCUS, interval->GetId());
  tab.SetEventObject(interval);
  interval->GetEventHandler()->ProcessEvent(tab);
  wxWindow* interval_error = find_named(frame, "micro.interval.error");
  ASSERT_NE(interval_error, nullptr);
  EXPECT_TRUE(pump_until([&] { return interval_error->IsShown(); }, 2s));
  EXPECT_NE(label_of(interval_error).find("\"abc\" is not a duration"), std::string::npos)
      << label_of(interval_error);
  EXPECT_EQ(call("config.get", Json{{"key", "micro.interval"}})["value"], "25m");
  enter_text(interval, "5 h");  // out of range (1 min to 4 h)
  EXPECT_TRUE(pump_until([&] { return label_of(interval_error).find("from 1 min to 4 h") != std::string::npos; }, 2s))
      << label_of(interval_error);
  EXPECT_EQ(call("config.get", Json{{"key", "micro.interval"}})["value"], "25m");

  // A change made elsewhere (limberctl) shows up through config.changed.
  call("config.set", Json{{"key", "micro.duration"}, {"value", "45s"}});
  auto* duration = dynamic_cast<wxTextCtrl*>(find_named(frame, "micro.duration"));
  ASSERT_NE(duration, nullptr);
  EXPECT_TRUE(pump_until([&] { return duration->GetValue() == "45 s"; }, 5s)) << duration->GetValue();

  // A value limberd refuses is shown under its setting.
  auto* hours = dynamic_cast<wxTextCtrl*>(find_named(frame, "schedule.work_hours"));
  ASSERT_NE(hours, nullptr);
  hours->ChangeValue("whenever I feel like it");
  wxCommandEvent enter(wxEVT_TEXT_ENTER, hours->GetId());
  enter.SetEventObject(hours);
  hours->GetEventHandler()->ProcessEvent(enter);
  wxWindow* error = find_named(frame, "schedule.work_hours.error");
  ASSERT_NE(error, nullptr);
  EXPECT_TRUE(pump_until([&] { return error->IsShown() && !label_of(error).empty(); }, 5s));
  EXPECT_EQ(call("config.get", Json{{"key", "schedule.work_hours"}})["value"], "always");
}

TEST_F(TrayWindowTest, SettingsLockedByPolicyAreDisabledAndSayManagedByYourOrganisation) {
  ASSERT_TRUE(start_daemon({}, "[micro]\ninterval = \"25m\"\n\n[exercises]\nfloor = false\n"));
  wxWindow* frame = open(static_cast<int>(TrayWindow::kSettings), "limber_settings");
  ASSERT_NE(frame, nullptr);
  ASSERT_TRUE(pump_until([&] { return find_named(frame, "micro.interval") != nullptr; }, 5s));
  for (const char* key : {"micro.interval", "exercises.floor"}) {
    wxWindow* control = find_named(frame, key);
    EXPECT_FALSE(control->IsEnabled()) << key << " is locked by policy but can be changed";
    wxWindow* managed = find_named(frame, std::string(key) + ".managed");
    ASSERT_NE(managed, nullptr);
    EXPECT_TRUE(managed->IsShown()) << key;
    EXPECT_EQ(label_of(managed), "Managed by your organisation");
    EXPECT_TRUE(pump_until(
        [&] { return std::string(managed->GetToolTipText().utf8_str()).find(policy_file()) != std::string::npos; },
        5s))
        << "the tooltip does not name the policy file: " << managed->GetToolTipText();
  }
  EXPECT_EQ(dynamic_cast<wxTextCtrl*>(find_named(frame, "micro.interval"))->GetValue(), "25 min");
  // Keys the policy does not set stay editable.
  EXPECT_TRUE(find_named(frame, "micro.duration")->IsEnabled());
  EXPECT_FALSE(find_named(frame, "micro.duration.managed")->IsShown());
}

TEST_F(TrayWindowTest, APauseOrQuietModeBeyondThePolicySaysManagedByYourOrganisation) {
  // "Until tomorrow" lasts until schedule.day_starts_at: the day starts an
  // hour ago here (limberd runs in UTC), so the pause is about 23 h, beyond
  // the policy's 2 h at any time of day (with the default 04:00 this test
  // failed between 02:00 and 04:00).
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char day_start[8];
  std::snprintf(day_start, sizeof day_start, "%02d:%02d", (utc.tm_hour + 23) % 24, utc.tm_min);
  ASSERT_TRUE(start_daemon({}, "[pause]\nmax = \"2h\"\n[quiet]\nallowed = false\n[schedule]\nday_starts_at = \"" +
                                   std::string(day_start) + "\"\n"));
  tray::TrayStatus status;
  status.connected = true;
  std::vector<std::string> told;
  tray::TrayMenu menu(*link_, [] {}, [] {}, [&told](const wxString& text) { told.emplace_back(text.utf8_str()); });
  for (const char* label : {"Pause until tomorrow", "Quiet mode"}) {
    told.clear();
    bool found = false;
    for (const tray::TrayMenuItem& item : menu.items(status)) {
      if (item.label != label) continue;
      found = true;
      item.run();
    }
    ASSERT_TRUE(found) << "no menu item " << label;
    ASSERT_TRUE(pump_until([&] { return !told.empty(); }, 10s)) << label << ": the tray said nothing";
    EXPECT_EQ(told[0].rfind("Managed by your organisation: ", 0), 0u) << label << ": " << told[0];
    EXPECT_NE(told[0].find(policy_file()), std::string::npos) << label << ": " << told[0];
  }
  EXPECT_EQ(call("status")["mode"], "working");
}

TEST_F(TrayWindowTest, AboutSaysWhatIsRecordedWhatNeverIsAndThatNothingIsReported) {
  ASSERT_TRUE(start_daemon());
  wxWindow* frame = open(static_cast<int>(TrayWindow::kAbout), "limber_about");
  ASSERT_NE(frame, nullptr) << "the about window did not open";
  EXPECT_EQ(label_of(find_named(frame, "about_version")), "Version " LIMBER_TEST_VERSION);
  EXPECT_TRUE(shows_text(frame, "What Limber records"));
  EXPECT_TRUE(shows_text(frame, "What Limber never records"));
  EXPECT_TRUE(shows_text(find_named(frame, "about_never"), "which keys you press"));
  EXPECT_TRUE(shows_text(find_named(frame, "about_never"), "window titles"));
  wxWindow* reporting = find_named(frame, "about_reporting");
  EXPECT_TRUE(pump_until([&] { return label_of(reporting).rfind("Nothing is reported.", 0) == 0; }, 5s))
      << label_of(reporting);
  wxWindow* where = find_named(frame, "about_history_path");
  EXPECT_TRUE(pump_until([&] { return label_of(where).find(home_.history_path(true)) != std::string::npos; }, 5s))
      << label_of(where);
}

TEST_F(TrayWindowTest, OpeningAnOpenWindowAgainRaisesItInsteadOfOpeningASecond) {
  ASSERT_TRUE(start_daemon());
  wxWindow* first = open(static_cast<int>(TrayWindow::kSettings), "limber_settings");
  ASSERT_NE(first, nullptr);
  wxWindow* second = open(static_cast<int>(TrayWindow::kSettings), "limber_settings");
  EXPECT_EQ(first, second);
  size_t settings_windows = 0;
  for (wxWindow* top : wxTopLevelWindows) settings_windows += top->GetName() == "limber_settings" ? 1u : 0u;
  EXPECT_EQ(settings_windows, 1u);
  // Once closed, it opens afresh.
  first->Close();
  pump_until([] { return wxTopLevelWindows.empty(); }, 5s);
  EXPECT_NE(open(static_cast<int>(TrayWindow::kSettings), "limber_settings"), nullptr);
}

// ctest runs this program under LC_ALL=C, and main() does the locale
// set-up limber-tray does (limber::start_i18n): "—" and "…" must survive
// into every title and button label (they came out empty before).
TEST_F(TrayWindowTest, EveryTitleAndButtonLabelIsNonEmptyInTheCLocale) {
  ASSERT_NE(std::getenv("LANG"), nullptr);
  ASSERT_STREQ(std::getenv("LANG"), "C") << "ctest should run this under LC_ALL=C";
  // The tray core's labels are narrow UTF-8 literals ("More…"): wx converts
  // them with the C library's character set, which must be UTF-8 now.
  EXPECT_EQ(wxString("More\u2026").length(), 5u);
  EXPECT_EQ(wxString(_("Limber \u2014 %s")).length(), 11u);
  ASSERT_TRUE(start_daemon());
  const std::pair<TrayWindow, const char*> windows[] = {{TrayWindow::kChecklist, "limber_checklist"},
                                                        {TrayWindow::kStatistics, "limber_statistics"},
                                                        {TrayWindow::kSettings, "limber_settings"},
                                                        {TrayWindow::kAbout, "limber_about"}};
  for (const auto& [which, name] : windows) {
    wxWindow* frame = open(static_cast<int>(which), name);
    ASSERT_NE(frame, nullptr) << name;
    const wxString title = frame->GetLabel();
    EXPECT_NE(title.Find(wxString::FromUTF8("\u2014 Limber")), wxNOT_FOUND) << name << ": '" << title.utf8_str() << "'";
    std::vector<wxWindow*> todo{frame};
    size_t buttons = 0;
    while (!todo.empty()) {
      wxWindow* w = todo.back();
      todo.pop_back();
      for (wxWindow* child : w->GetChildren()) todo.push_back(child);
      if (auto* button = dynamic_cast<wxAnyButton*>(w)) {
        ++buttons;
        EXPECT_FALSE(button->GetLabel().empty()) << name << ": a button without a label";
      }
    }
    EXPECT_GT(buttons, 0u) << name;
  }
}

}  // namespace
}  // namespace limber::test
