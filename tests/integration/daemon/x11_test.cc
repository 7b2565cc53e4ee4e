// limberd under Xvfb, driven by xdotool: it sees activity, records a natural
// break when the input stops, and its history holds nothing of what was
// typed, where the pointer went or what the windows are called.
#include <gtest/gtest.h>
#include <X11/Xlib.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "history_db.h"
#include "limberd_test.h"
#include "test_bus.h"  // ScopedEnv
#include "xvfb_server.h"

namespace limber::test {
namespace {

constexpr const char* kTypedSecret = "secretpassword";
constexpr const char* kWindowTitle = "Quarterly salaries - confidential";

// A mapped top-level window with a title, so there is a window title limberd
// could (but must not) record. Lives until the object goes away.
class TitledWindow {
 public:
  explicit TitledWindow(const std::string& display) : x_(XOpenDisplay(display.c_str())) {
    if (x_ == nullptr) return;
    window_ = XCreateSimpleWindow(x_, XDefaultRootWindow(x_), 10, 10, 300, 200, 0, 0, 0);
    XStoreName(x_, window_, kWindowTitle);
    XMapRaised(x_, window_);
    XSetInputFocus(x_, window_, RevertToPointerRoot, CurrentTime);
    XSync(x_, False);
  }
  ~TitledWindow() {
    if (x_ != nullptr) XCloseDisplay(x_);
  }
  TitledWindow(const TitledWindow&) = delete;
  TitledWindow& operator=(const TitledWindow&) = delete;
  bool ok() const { return x_ != nullptr; }

 private:
  Display* x_;
  Window window_ = 0;
};

class LimberdX11 : public LimberdTest {
 protected:
  void SetUp() override {
    LimberdTest::SetUp();
    std::string err;
    ASSERT_TRUE(xvfb_.start(&err)) << err;
    display_.emplace("DISPLAY", xvfb_.display().c_str());  // for xdotool
    ASSERT_TRUE(home_.write_user_config(kShortRules));
  }

  ::testing::AssertionResult start_on_x11() {
    return start({"--log-level=debug", "--source=x11", kShortScale}, {"DISPLAY=" + xvfb_.display()});
  }

  // About `duration` of keys, clicks and relative pointer moves, an event
  // every ~100 ms (the idle grace here is 500 ms).
  static void play_user(std::chrono::milliseconds duration) {
    const auto end = std::chrono::steady_clock::now() + duration;
    for (int i = 0; std::chrono::steady_clock::now() < end; ++i) {
      switch (i % 3) {
        case 0: ASSERT_TRUE(run_xdotool({"key", "a"})); break;
        case 1: ASSERT_TRUE(run_xdotool({"click", "1"})); break;
        default: ASSERT_TRUE(run_xdotool({"mousemove_relative", "--", "7", "-3"})); break;
      }
      std::this_thread::sleep_for(100ms);
    }
  }

  XvfbServer xvfb_;
  std::optional<ScopedEnv> display_;
};

TEST_F(LimberdX11, SeesInputAndRecordsANaturalBreakWhenItStops) {
  ASSERT_TRUE(start_on_x11());
  ASSERT_TRUE(logged("activity source: x11$", 10s));
  ASSERT_TRUE(logged(kReady, 5s));

  const size_t before_input = daemon_.line_count();
  play_user(2500ms);
  size_t active_at = 0;
  ASSERT_TRUE(logged("debug: user active$", 2s, before_input, &active_at));

  // Input stopped: idle after the grace, a natural micro-break after its
  // duration (10 s of clock time, 1 s here).
  size_t idle_at = 0;
  ASSERT_TRUE(logged("debug: user idle$", 5s, active_at, &idle_at));
  EXPECT_TRUE(logged("natural micro-break: away for ", 5s, idle_at));

  // And input after the break is seen again.
  const size_t before_return = daemon_.line_count();
  play_user(600ms);
  EXPECT_TRUE(logged("debug: user active$", 3s, before_return));

  ASSERT_TRUE(stops_cleanly());
  HistoryDb db;
  std::string err;
  ASSERT_TRUE(db.open(home_.history_path(), &err)) << err;
  // About 2.5 s of real input is ~25 s of clock time.
  EXPECT_GE(db.integer("SELECT sum(active_ms) FROM activity").value_or(0), 10'000) << db.last_error();
  EXPECT_GE(db.integer("SELECT count(*) FROM natural_breaks WHERE kind = 'micro' AND idle_ms >= 10000")
                .value_or(0),
            1)
      << db.last_error();
}

// What a column may hold. Everything else fails the test, so a new column
// must be added here, on purpose, with what it holds.
enum class Holds { kId, kTimeMs, kDurationMs, kBreakKind, kOutcome, kExerciseId, kTimerState, kMetaKey, kMetaValue,
                   kNothing };

const std::map<std::string, std::map<std::string, Holds>>& allowed_schema() {
  static const std::map<std::string, std::map<std::string, Holds>> schema = {
      {"activity", {{"bucket_start_ms", Holds::kTimeMs}, {"active_ms", Holds::kDurationMs}}},
      {"breaks",
       {{"id", Holds::kId},
        {"engine_id", Holds::kId},
        {"kind", Holds::kBreakKind},
        {"due_at_ms", Holds::kTimeMs},
        {"ended_at_ms", Holds::kTimeMs},
        {"outcome", Holds::kOutcome},
        {"postponed_ms", Holds::kDurationMs},
        {"exercise_id", Holds::kExerciseId}}},
      {"natural_breaks",
       {{"id", Holds::kId}, {"kind", Holds::kBreakKind}, {"at_ms", Holds::kTimeMs}, {"idle_ms", Holds::kDurationMs}}},
      {"timer_state", {{"id", Holds::kId}, {"saved_at_ms", Holds::kTimeMs}, {"state", Holds::kTimerState}}},
      // No checklist was answered in this session: the table stays empty.
      {"checklist_answers",
       {{"checklist_id", Holds::kNothing},
        {"item_id", Holds::kNothing},
        {"answer", Holds::kNothing},
        {"answered_at_ms", Holds::kNothing}}},
      {"meta", {{"key", Holds::kMetaKey}, {"value", Holds::kMetaValue}}},
  };
  return schema;
}

// Why `cell` may not be in a column that holds `holds`, or "" when it may.
// Times must fall in [earliest, latest] and durations in [0, longest] (ms):
// a pointer coordinate or a key code would not pass for either by chance.
std::string misfit(const Cell& cell, Holds holds, int64_t earliest, int64_t latest, int64_t longest) {
  static const std::regex kState("([a-z_-]+( -?[0-9a-z_]+)*\n)+");
  auto integer_in = [&](int64_t lo, int64_t hi) -> std::string {
    if (cell.type != SQLITE_INTEGER) return "not an integer";
    const int64_t v = std::stoll(cell.text);
    return v >= lo && v <= hi ? "" : "out of [" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
  };
  auto one_of = [&](std::set<std::string> names) -> std::string {
    return cell.type == SQLITE_TEXT && names.count(cell.text) ? "" : "not a known name";
  };
  if (cell.type == SQLITE_NULL) return "";  // an empty slot holds nothing
  switch (holds) {
    case Holds::kId: return integer_in(1, 1'000'000);
    case Holds::kTimeMs: return integer_in(earliest, latest);
    case Holds::kDurationMs: return integer_in(0, longest);
    case Holds::kBreakKind: return one_of({"micro", "rest", "daily"});
    case Holds::kOutcome: return one_of({"taken", "postponed", "skipped", "ignored", "cancelled"});
    case Holds::kExerciseId:
      return cell.type == SQLITE_TEXT && std::regex_match(cell.text, std::regex("[a-z0-9-]{1,64}"))
                 ? ""
                 : "not an exercise id";
    case Holds::kTimerState:
      return cell.type == SQLITE_TEXT && std::regex_match(cell.text, kState) ? "" : "not a timer state";
    case Holds::kMetaKey:
      return cell.type == SQLITE_TEXT && std::regex_match(cell.text, std::regex("[a-z_]{1,32}")) ? ""
                                                                                                  : "not a meta key";
    case Holds::kMetaValue:
      return cell.type == SQLITE_TEXT && std::regex_match(cell.text, std::regex("-?[0-9]{1,19}"))
                 ? ""
                 : "not a number";
    case Holds::kNothing: return "a value where none is expected";
  }
  return "unknown column kind";
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_F(LimberdX11, HistoryHoldsNoTypedTextKeysPointerPositionsOrWindowTitles) {
  TitledWindow window(xvfb_.display());
  ASSERT_TRUE(window.ok());
  const auto wall_ms = [] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  const auto started_real = std::chrono::steady_clock::now();
  const int64_t started_wall = wall_ms();

  ASSERT_TRUE(start_on_x11());
  ASSERT_TRUE(logged(kReady, 10s));
  ASSERT_TRUE(run_xdotool({"mousemove", "123", "321"}));
  ASSERT_TRUE(run_xdotool({"type", "--delay", "40", kTypedSecret}));
  ASSERT_TRUE(run_xdotool({"key", "Return", "ctrl+c", "BackSpace"}));
  play_user(1500ms);
  ASSERT_TRUE(logged("debug: user active$", 2s));
  ASSERT_TRUE(logged("natural micro-break: away for ", 5s));
  ASSERT_TRUE(stops_cleanly());

  // The clocks ran 10 times faster: wall times reach ahead by 10 x the
  // session; buckets start up to 5 minutes before the session.
  const int64_t session_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started_real)
          .count();
  const int64_t earliest = started_wall - 5 * 60'000;
  const int64_t latest = wall_ms() + 10 * session_ms + 1000;
  const int64_t longest = 10 * session_ms + 1000;

  HistoryDb db;
  std::string err;
  ASSERT_TRUE(db.open(home_.history_path(), &err)) << err;
  std::set<std::string> expected_tables, tables;
  for (const auto& [table, columns] : allowed_schema()) expected_tables.insert(table);
  for (const std::string& t : db.tables()) tables.insert(t);
  EXPECT_EQ(tables, expected_tables) << "a table was added or removed: update the privacy allow-list on purpose";

  size_t cells = 0;
  for (const std::string& table : db.tables()) {
    const auto allowed = allowed_schema().find(table);
    if (allowed == allowed_schema().end()) continue;
    const std::vector<std::string> columns = db.columns(table);
    for (const std::string& c : columns) {
      EXPECT_TRUE(allowed->second.count(c)) << table << "." << c << " is not in the privacy allow-list";
    }
    auto rows = db.query("SELECT * FROM " + table);
    ASSERT_TRUE(rows) << db.last_error();
    for (const Row& row : *rows) {
      for (size_t i = 0; i < row.size() && i < columns.size(); ++i) {
        ++cells;
        const auto holds = allowed->second.find(columns[i]);
        if (holds == allowed->second.end()) continue;
        const std::string why = misfit(row[i], holds->second, earliest, latest, longest);
        EXPECT_EQ(why, "") << table << "." << columns[i] << " = '" << row[i].text << "'";
        EXPECT_EQ(row[i].text.find(kTypedSecret), std::string::npos) << table << "." << columns[i];
      }
    }
  }
  EXPECT_GT(cells, 0u) << "the session recorded nothing at all";

  // And not anywhere in the files either (free pages, the WAL, the log).
  for (const std::string& path : {home_.history_path(), home_.history_path() + "-wal"}) {
    const std::string bytes = file_bytes(path);
    for (const std::string& secret : {std::string(kTypedSecret), std::string("Quarterly salaries"),
                                      std::string("BackSpace"), std::string("Return")}) {
      EXPECT_EQ(bytes.find(secret), std::string::npos) << secret << " found in " << path;
    }
  }
  EXPECT_EQ(daemon_.stderr_text().find(kTypedSecret), std::string::npos);
  EXPECT_EQ(daemon_.stderr_text().find("Quarterly"), std::string::npos);
}

}  // namespace
}  // namespace limber::test
