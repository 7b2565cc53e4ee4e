// limberd's state across restarts of the process: the break timers survive a
// kill -9, and killing the daemon at random moments of activity and of
// breaks, 50 times, neither corrupts the history nor loses a break it
// reported as ended, and the timers continue after every restart. (A clean
// stop and restart is daemon logic: tests/unit/daemon, in-process.)
//
// These run `--demo --source=demo` at --time-scale 20: the pretend user
// types for 1.35 s and is away for 0.65 s, a micro-break falls due after
// 1 s of typing and is taken while they are away.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <regex>
#include <thread>
#include <tuple>

#include "history_db.h"
#include "limberd_test.h"

namespace limber::test {
namespace {

const std::vector<std::string> kDemoArgs = {"--demo", "--source=demo", "--time-scale=20"};

// The id in the last "micro-break #N due" line of `lines`, or 0.
uint64_t last_due_micro_break(const std::vector<std::string>& lines) {
  static const std::regex due("micro-break #([0-9]+) due");
  uint64_t id = 0;
  for (const std::string& line : lines) {
    std::smatch m;
    if (std::regex_search(line, m, due)) id = std::stoull(m[1]);
  }
  return id;
}

using LimberdRestart = LimberdTest;

TEST_F(LimberdRestart, StateSurvivesKill9) {
  ASSERT_TRUE(start(kDemoArgs));
  ASSERT_TRUE(logged("micro-break #1 ended: taken", 15s));
  EXPECT_EQ(daemon_.kill_now(), 128 + SIGKILL);
  const uint64_t before = last_due_micro_break(daemon_.lines());

  ASSERT_TRUE(start(kDemoArgs));
  EXPECT_TRUE(logged("break timers restored", 10s));
  ASSERT_TRUE(logged("micro-break #[0-9]+ due", 15s));
  EXPECT_GT(last_due_micro_break(daemon_.lines()), before) << daemon_.stderr_text();
  EXPECT_TRUE(stops_cleanly());

  HistoryDb db;
  std::string err;
  ASSERT_TRUE(db.open(home_.history_path(true), &err)) << err;
  EXPECT_EQ(db.integer("SELECT count(*) FROM breaks WHERE engine_id = 1 AND outcome = 'taken'"), 1);
}

const std::regex kAnyDue("(micro-break|rest break) #([0-9]+) due");

// The id in the first "… #N due" line (micro or rest) of `lines`, or 0.
uint64_t first_due_break(const std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    std::smatch m;
    if (std::regex_search(line, m, kAnyDue)) return std::stoull(m[2]);
  }
  return 0;
}

// The highest id in a "… #N due" line (micro or rest) of `lines`, or 0.
uint64_t last_due_break(const std::vector<std::string>& lines) {
  uint64_t id = 0;
  for (const std::string& line : lines) {
    std::smatch m;
    if (std::regex_search(line, m, kAnyDue)) id = std::max<uint64_t>(id, std::stoull(m[2]));
  }
  return id;
}

TEST_F(LimberdRestart, KillingAtRandomMomentsInActivityAndBreaksKeepsHistoryAndTimers) {
  // 50 kills at --time-scale 40 (a micro-break about every second): the
  // even runs die at a random moment of the pretend user's activity, the
  // odd ones at a random moment of a break that has just fallen due. After
  // each kill the database passes integrity_check and holds every break the
  // log said had ended (lines about breaks are logged once written); each
  // restart restores the timers, so break ids continue.
  const std::vector<std::string> args = {"--demo", "--source=demo", "--time-scale=40"};
  using Ended = std::tuple<std::string, uint64_t, std::string>;
  std::map<Ended, int> logged_ended;  // counted: ids can repeat when timers restart afresh
  const std::regex ended("(micro-break|rest break|daily limit) #([0-9]+) ended: ([a-z]+)");
  const std::map<std::string, std::string> stored_kind = {
      {"micro-break", "micro"}, {"rest break", "rest"}, {"daily limit", "daily"}};

  std::mt19937 random(20240611);  // fixed: a failure can be replayed
  std::uniform_int_distribution<int> activity_ms(50, 700);
  std::uniform_int_distribution<int> in_break_ms(0, 300);
  constexpr int kRuns = 50;
  uint64_t last_due = 0;
  int kills_in_breaks = 0;
  for (int run = 0; run < kRuns; ++run) {
    ASSERT_TRUE(start(args)) << "run " << run;
    ASSERT_TRUE(logged(kReady, 10s)) << "run " << run;
    if (last_due > 0) {
      // Timers continue: restored, and the next break numbered on.
      EXPECT_EQ(daemon_.count_lines("break timers restored"), 1u) << "run " << run << ":\n" << daemon_.stderr_text();
    }
    if (run % 2 == 1) {
      const size_t from = daemon_.line_count();
      size_t at = 0;
      ASSERT_TRUE(logged("(micro-break|rest break) #[0-9]+ due", 10s, from, &at)) << "run " << run;
      std::this_thread::sleep_for(std::chrono::milliseconds(in_break_ms(random)));
      if (!daemon_.wait_for_line(" ended: ", 0ms, at)) ++kills_in_breaks;  // still due at the kill
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(activity_ms(random)));
    }
    ASSERT_EQ(daemon_.kill_now(), 128 + SIGKILL) << "run " << run << ":\n" << daemon_.stderr_text();
    const std::vector<std::string> lines = daemon_.lines();
    if (const uint64_t first = first_due_break(lines); first > 0 && last_due > 0) {
      EXPECT_GT(first, last_due) << "run " << run << ": break ids restarted, the timers were lost:\n"
                                 << daemon_.stderr_text();
    }
    last_due = std::max(last_due, last_due_break(lines));
    for (const std::string& line : lines) {
      std::smatch m;
      if (std::regex_search(line, m, ended)) ++logged_ended[{stored_kind.at(m[1]), std::stoull(m[2]), m[3]}];
    }

    HistoryDb db;
    std::string err;
    ASSERT_TRUE(db.open(home_.history_path(true), &err)) << "run " << run << ": " << err;
    ASSERT_EQ(db.text("PRAGMA integrity_check").value_or(db.last_error()), "ok") << "run " << run;
    auto rows = db.query("SELECT kind, engine_id, outcome, count(*) FROM breaks WHERE outcome IS NOT NULL "
                         "GROUP BY kind, engine_id, outcome");
    ASSERT_TRUE(rows) << db.last_error();
    std::map<Ended, int> stored;
    for (const Row& r : *rows) stored[{r[0].text, std::stoull(r[1].text), r[2].text}] = std::stoi(r[3].text);
    for (const auto& [key, n] : logged_ended) {
      const auto& [kind, id, outcome] = key;
      ASSERT_GE(stored[key], n) << "run " << run << ": " << kind << " #" << id << " ended: " << outcome
                                << " was logged " << n << " time(s) but is not in the history as often";
    }
    // Every recorded break that ended has its end time.
    ASSERT_EQ(db.integer("SELECT count(*) FROM breaks WHERE outcome IS NOT NULL AND ended_at_ms IS NULL"), 0);
  }
  int total = 0;
  for (const auto& [key, n] : logged_ended) total += n;
  EXPECT_GE(total, 20) << "too few breaks ended to prove anything";
  EXPECT_GE(kills_in_breaks, 10) << "too few kills landed while a break was due";

  // And a daemon starts cleanly on what the kills left behind.
  ASSERT_TRUE(start(args));
  EXPECT_TRUE(logged(kReady, 10s));
  EXPECT_EQ(daemon_.count_lines("history is not recorded"), 0u) << daemon_.stderr_text();
  EXPECT_TRUE(stops_cleanly());
}

}  // namespace
}  // namespace limber::test
