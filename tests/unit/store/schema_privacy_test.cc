// Privacy by construction: the history schema has no place for key codes,
// pointer positions, window titles or application names. This test lists
// every column of every table; a new column fails it until it is added here,
// after checking that it records none of those.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "store/history_store.h"
#include "store_test_support.h"

namespace limber {
namespace {

TEST(SchemaPrivacy, EveryColumnOfEveryTableIsOnTheAllowList) {
  const std::set<std::string> allowed = {
      "activity.bucket_start_ms",
      "activity.active_ms",
      "breaks.id",
      "breaks.engine_id",
      "breaks.kind",
      "breaks.due_at_ms",
      "breaks.ended_at_ms",
      "breaks.outcome",
      "breaks.postponed_ms",
      "breaks.exercise_id",
      "natural_breaks.id",
      "natural_breaks.kind",
      "natural_breaks.at_ms",
      "natural_breaks.idle_ms",
      "timer_state.id",
      "timer_state.saved_at_ms",
      "timer_state.state",
      "checklist_answers.checklist_id",
      "checklist_answers.item_id",
      "checklist_answers.answer",
      "checklist_answers.answered_at_ms",
      "meta.key",
      "meta.value",
  };
  store_test::TempDir dir;
  Status status;
  auto store = HistoryStore::open(dir.file("history.sqlite3"), &status);
  ASSERT_TRUE(store) << status.message();

  SqliteStmt columns;
  ASSERT_TRUE(store->connection().prepare(
      "SELECT m.name || '.' || c.name FROM sqlite_master AS m, pragma_table_info(m.name) AS c "
      "WHERE m.type = 'table'",
      &columns));
  std::set<std::string> found;
  while (columns.step(&status)) found.insert(columns.column_text(0));
  ASSERT_TRUE(status) << status.message();

  EXPECT_EQ(found, allowed);
}

TEST(SchemaPrivacy, NoViewsOrTriggersCanAddColumnsOutsideTheList) {
  store_test::TempDir dir;
  Status status;
  auto store = HistoryStore::open(dir.file("history.sqlite3"), &status);
  ASSERT_TRUE(store) << status.message();

  EXPECT_EQ(store_test::query_int(store->connection(),
                                  "SELECT count(*) FROM sqlite_master WHERE type NOT IN "
                                  "('table', 'index')"),
            0);
}

}  // namespace
}  // namespace limber
