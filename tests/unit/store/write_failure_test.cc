// When the database cannot be written (disk full, locked), nothing is lost:
// the data stays in memory and is written once writing works again.
#include <gtest/gtest.h>

#include "store/history_store.h"
#include "store_test_support.h"

namespace limber {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using store_test::break_event;
using store_test::query_int;
using store_test::query_text;

// The disk is "full": the database may not grow beyond its current size.
void fill_disk(SqliteDb& db) {
  int64_t pages = query_int(db, "PRAGMA page_count");
  ASSERT_EQ(query_int(db, "PRAGMA max_page_count = " + std::to_string(pages)), pages);
}

void free_disk(SqliteDb& db) {
  query_int(db, "PRAGMA max_page_count = 1000000");
}

TEST(WriteFailure, FullDiskKeepsDataInMemoryAndCatchesUpWhenSpaceReturns) {
  store_test::TempDir dir;
  std::string path = dir.file("history.sqlite3");
  Status status;
  auto store = HistoryStore::open(path, &status);
  ASSERT_TRUE(store) << status.message();
  WallTime t0 = store_test::test_day_start();
  fill_disk(store->connection());

  // Two days of activity: more rows than the database's pages can take.
  for (int i = 0; i < 2 * 24 * 12; ++i) store->add_active(t0 + minutes(5 * i), minutes(2));
  status = store->record(break_event(EventKind::kBreakDue, BreakKind::kRest, 1, t0));
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  EXPECT_NE(status.message().find("full"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("kept in memory"), std::string::npos) << status.message();
  status = store->record(
      break_event(EventKind::kBreakEnded, BreakKind::kRest, 1, t0 + minutes(5), Outcome::kTaken));
  EXPECT_FALSE(status);
  EXPECT_FALSE(store->flush());
  EXPECT_TRUE(store->has_pending());
  SqliteDb db = store_test::reader(path);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM breaks"), 0);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM activity"), 0);
  EXPECT_EQ(query_text(db, "PRAGMA integrity_check"), "ok");

  free_disk(store->connection());
  status = store->flush();

  ASSERT_TRUE(status) << status.message();
  EXPECT_FALSE(store->has_pending());
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM breaks WHERE outcome = 'taken'"), 1);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM activity"), 2 * 24 * 12);
  EXPECT_EQ(query_int(db, "SELECT sum(active_ms) FROM activity"), 2 * 24 * 12 * 120'000);
}

TEST(WriteFailure, LongOutageDropsOldestActivityButNeverBreaks) {
  store_test::TempDir dir;
  std::string path = dir.file("history.sqlite3");
  HistoryStoreOptions options;
  options.max_buffered_buckets = 10;
  options.busy_timeout_ms = 1;
  Status status;
  auto store = HistoryStore::open(path, &status, options);
  ASSERT_TRUE(store) << status.message();
  WallTime t0 = store_test::test_day_start();

  // Another process holds the write lock for the whole outage.
  SqliteDb other;
  ASSERT_TRUE(other.open(path));
  ASSERT_TRUE(other.exec("BEGIN IMMEDIATE"));
  for (uint64_t id = 1; id <= 30; ++id) {
    WallTime due = t0 + minutes(5 * static_cast<int>(id));
    store->add_active(due, minutes(1));
    EXPECT_FALSE(store->record(break_event(EventKind::kBreakDue, BreakKind::kMicro, id, due)));
    EXPECT_FALSE(store->record(break_event(EventKind::kBreakEnded, BreakKind::kMicro, id,
                                           due + seconds(30), Outcome::kTaken)));
  }
  status = store->flush();
  EXPECT_EQ(status.code(), Status::Code::kUnavailable);
  EXPECT_NE(status.message().find("dropped the oldest 20 activity intervals"), std::string::npos)
      << status.message();

  ASSERT_TRUE(other.exec("COMMIT"));
  status = store->flush();

  ASSERT_TRUE(status) << status.message();
  SqliteDb db = store_test::reader(path);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM breaks WHERE outcome = 'taken'"), 30);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM activity"), 10);
  EXPECT_EQ(query_int(db, "SELECT min(bucket_start_ms) FROM activity"),
            (t0 + minutes(5 * 21)).time_since_epoch().count());
}

}  // namespace
}  // namespace limber
