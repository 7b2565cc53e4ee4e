// The schema's versions: a new database gets the latest, each migration does
// what it says, and a database from a newer version is refused untouched.
#include "store/schema_migrations.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "store/history_store.h"
#include "store_test_support.h"

namespace limber {
namespace {

using store_test::query_int;
using store_test::query_text;
using store_test::TempDir;

std::string file_bytes(const std::string& path) {
  std::string bytes;
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    char buf[4096];
    size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
    std::fclose(f);
  }
  return bytes;
}

TEST(SchemaMigrations, VersionsRunFromOneWithoutGaps) {
  int expected = 1;
  for (const SchemaMigration& m : schema_migrations()) {
    EXPECT_EQ(m.version, expected) << m.description;
    ++expected;
  }
  EXPECT_EQ(latest_schema_version(), expected - 1);
}

TEST(SchemaMigrations, FreshDatabaseGetsLatestVersionInWalMode) {
  TempDir dir;
  Status status;
  auto store = HistoryStore::open(dir.file("history.sqlite3"), &status);
  ASSERT_TRUE(store) << status.message();

  SqliteDb db = store_test::reader(dir.file("history.sqlite3"));
  EXPECT_EQ(query_int(db, "PRAGMA user_version"), latest_schema_version());
  EXPECT_EQ(query_text(db, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(query_int(store->connection(), "PRAGMA synchronous"), 1);  // NORMAL
  EXPECT_EQ(query_int(store->connection(), "PRAGMA foreign_keys"), 1);
}

TEST(SchemaMigrations, Migration1CreatesEveryHistoryTable) {
  TempDir dir;
  SqliteDb db;
  ASSERT_TRUE(db.open(dir.file("v1.sqlite3")));
  ASSERT_EQ(query_int(db, "PRAGMA user_version"), 0);

  Status status = migrate_to(db, 1);
  ASSERT_TRUE(status) << status.message();

  EXPECT_EQ(query_int(db, "PRAGMA user_version"), 1);
  EXPECT_EQ(query_int(db,
                      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                      "('activity', 'breaks', 'natural_breaks', 'timer_state', "
                      "'checklist_answers', 'meta')"),
            6);
  // timer_state holds exactly one row.
  EXPECT_TRUE(db.exec("INSERT INTO timer_state VALUES (1, 0, 'a')"));
  EXPECT_FALSE(db.exec("INSERT INTO timer_state VALUES (2, 0, 'b')"));
}

TEST(SchemaMigrations, MigratingTwiceChangesNothing) {
  TempDir dir;
  SqliteDb db;
  ASSERT_TRUE(db.open(dir.file("twice.sqlite3")));
  ASSERT_TRUE(migrate(db));
  ASSERT_TRUE(db.exec("INSERT INTO meta VALUES ('marker', 'kept')"));
  int64_t changes_before = query_int(db, "PRAGMA schema_version");

  Status status = migrate(db);
  ASSERT_TRUE(status) << status.message();

  EXPECT_EQ(query_int(db, "PRAGMA schema_version"), changes_before);
  EXPECT_EQ(query_text(db, "SELECT value FROM meta WHERE key = 'marker'"), "kept");
}

TEST(SchemaMigrations, ReopeningKeepsTheRecordedHistory) {
  TempDir dir;
  std::string path = dir.file("history.sqlite3");
  Status status;
  {
    auto store = HistoryStore::open(path, &status);
    ASSERT_TRUE(store) << status.message();
    ASSERT_TRUE(store->record(store_test::break_event(EventKind::kBreakDue, BreakKind::kRest, 7,
                                                      store_test::test_day_start())));
  }
  auto store = HistoryStore::open(path, &status);
  ASSERT_TRUE(store) << status.message();
  SqliteDb db = store_test::reader(path);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM breaks WHERE engine_id = 7"), 1);
}

TEST(SchemaMigrations, DatabaseFromNewerVersionIsRefusedAndLeftUntouched) {
  TempDir dir;
  std::string path = dir.file("newer.sqlite3");
  {
    SqliteDb db;
    ASSERT_TRUE(db.open(path));
    ASSERT_TRUE(db.exec("CREATE TABLE future (x); PRAGMA user_version = " +
                        std::to_string(latest_schema_version() + 1)));
  }
  std::string before = file_bytes(path);

  Status status;
  auto store = HistoryStore::open(path, &status);

  EXPECT_EQ(store, nullptr);
  EXPECT_EQ(status.code(), Status::Code::kFailedPrecondition);
  EXPECT_NE(status.message().find("newer"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find(path), std::string::npos) << status.message();
  EXPECT_EQ(file_bytes(path), before);
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST(SchemaMigrations, FileThatIsNotADatabaseIsMovedAsideNotOverwritten) {
  TempDir dir;
  std::string path = dir.file("notes.sqlite3");
  {
    std::ofstream out(path);
    out << "these are not the tables you are looking for, padded to look like a file\n";
  }
  std::string before = file_bytes(path);

  Status status;
  auto store = HistoryStore::open(path, &status);

  ASSERT_NE(store, nullptr) << status.message();
  const std::string moved = store->health().moved_aside;
  ASSERT_FALSE(moved.empty());
  EXPECT_NE(moved.find("notes.sqlite3.damaged-"), std::string::npos) << moved;
  EXPECT_EQ(file_bytes(moved), before) << "the file was changed, not kept";
}

}  // namespace
}  // namespace limber
