// The store against the real engine's event stream: every prompt becomes one
// row, every end its outcome, every natural break a row.
#include <gtest/gtest.h>

#include <map>

#include "engine/break_engine.h"
#include "store/history_store.h"
#include "store_test_support.h"

namespace limber {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

TEST(EngineStream, EveryPromptEndAndNaturalBreakOfASimulatedMorningIsStored) {
  store_test::TempDir dir;
  Status status;
  auto store = HistoryStore::open(dir.file("history.sqlite3"), &status);
  ASSERT_TRUE(store) << status.message();
  SimulatedClock clock(store_test::test_day_start());
  BreakEngine engine(EngineConfig{}, clock);

  std::map<uint64_t, Outcome> expected;  // id → outcome of its last end
  int natural_breaks = 0;
  int postpones = 0;
  auto forward_events = [&] {
    for (const EngineEvent& e : engine.take_events()) {
      if (e.kind == EventKind::kBreakDue && !expected.contains(e.id))
        expected[e.id] = Outcome::kNone;
      if (e.kind == EventKind::kBreakEnded) expected[e.id] = e.outcome;
      if (e.kind == EventKind::kNaturalBreak) ++natural_breaks;
      Status s = store->record(e);
      ASSERT_TRUE(s) << s.message();
      // The user postpones the first two prompts.
      if (e.kind == EventKind::kBreakDue && postpones < 2 && engine.postpone()) ++postpones;
    }
  };
  auto second = [&](bool typing) {
    clock.advance(seconds(1));
    if (typing) {
      engine.input(clock.mono());
      store->add_active(clock.wall() - seconds(1), seconds(1));
    }
    engine.advance();
    forward_events();
  };
  // Work 70 minutes, step away for 10, work another 40.
  for (int i = 0; i < 70 * 60; ++i) second(true);
  for (int i = 0; i < 10 * 60; ++i) second(false);
  for (int i = 0; i < 40 * 60; ++i) second(true);
  ASSERT_TRUE(store->flush());

  std::vector<BreakRecord> rows;
  ASSERT_TRUE(store->breaks_between(clock.wall() - hours(3), clock.wall() + hours(1), &rows));
  ASSERT_EQ(rows.size(), expected.size());
  int ended = 0;
  for (const BreakRecord& row : rows) {
    ASSERT_TRUE(expected.contains(row.engine_id)) << row.engine_id;
    EXPECT_EQ(row.outcome, expected[row.engine_id]) << "break " << row.engine_id;
    EXPECT_EQ(row.ended_at.has_value(), row.outcome != Outcome::kNone);
    if (row.ended_at) ++ended;
  }
  // The morning had prompts that ended, two of them postponed, and a break
  // taken naturally; otherwise this test would prove little.
  EXPECT_GE(ended, 3);
  EXPECT_EQ(postpones, 2);
  EXPECT_GE(natural_breaks, 1);
  SqliteDb db = store_test::reader(dir.file("history.sqlite3"));
  EXPECT_EQ(store_test::query_int(db, "SELECT count(*) FROM natural_breaks"), natural_breaks);
  EXPECT_EQ(store_test::query_int(db, "SELECT count(*) FROM breaks WHERE postponed_ms > 0"), 2);
  EXPECT_EQ(store_test::query_int(db, "SELECT sum(active_ms) FROM activity"), 110 * 60 * 1000);
}

}  // namespace
}  // namespace limber
