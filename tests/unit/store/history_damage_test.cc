// A damaged history is noticed: `PRAGMA quick_check` at open moves a file
// with random bytes in its last page aside (its date in the name) and a new
// one is started; a prune that fails makes the health not ok until one
// succeeds; the WAL is checkpointed after each flush and at a clean stop.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "store/history_store.h"
#include "store_test_support.h"

namespace limber {
namespace {

namespace fs = std::filesystem;
using std::chrono::minutes;
using store_test::break_event;
using store_test::query_int;

class HistoryDamage : public ::testing::Test {
 protected:
  std::unique_ptr<HistoryStore> open(HistoryStoreOptions options = {}) {
    Status status;
    auto store = HistoryStore::open(path_, &status, options);
    EXPECT_TRUE(store) << status.message();
    return store;
  }
  // A history of `n` taken breaks, closed cleanly.
  void write_history(int n) {
    auto store = open();
    for (uint64_t i = 1; i <= static_cast<uint64_t>(n); ++i) {
      const WallTime at = t0_ + minutes(static_cast<int64_t>(i));
      ASSERT_TRUE(store->record(break_event(EventKind::kBreakDue, BreakKind::kMicro, i, at)));
      ASSERT_TRUE(store->record(
          break_event(EventKind::kBreakEnded, BreakKind::kMicro, i, at + minutes(1), Outcome::kTaken)));
    }
  }
  void damage_last_page() {
    const auto size = fs::file_size(path_);
    ASSERT_GE(size, 4 * 4096u) << "the test needs a few pages";
    std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size - 4096));
    std::mt19937 random(16);
    for (int i = 0; i < 4096; ++i) f.put(static_cast<char>(random() & 0xff));
  }
  std::vector<std::string> damaged_files() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_.path())) {
      const std::string name = e.path().filename().string();
      if (name.find(".damaged-") != std::string::npos && !name.ends_with("-wal")) names.push_back(name);
    }
    return names;
  }

  store_test::TempDir dir_;
  std::string path_ = dir_.file("history.sqlite3");
  WallTime t0_ = store_test::test_day_start();
};

TEST_F(HistoryDamage, AHealthyHistoryIsOk) {
  write_history(5);
  auto store = open();
  EXPECT_TRUE(store->health().ok());
  EXPECT_EQ(store->health().summary(), "ok");
  EXPECT_TRUE(damaged_files().empty());
}

TEST_F(HistoryDamage, RandomBytesInTheLastPageAreFoundAtOpenAndTheFileIsMovedAside) {
  write_history(400);
  damage_last_page();
  auto store = open();
  ASSERT_TRUE(store);
  const HistoryHealth health = store->health();
  EXPECT_FALSE(health.ok());
  const std::vector<std::string> moved = damaged_files();
  ASSERT_EQ(moved.size(), 1u);
  // The date in the name: history.sqlite3.damaged-YYYY-MM-DD.
  EXPECT_TRUE(moved[0].starts_with("history.sqlite3.damaged-20")) << moved[0];
  EXPECT_EQ(moved[0].size(), std::string("history.sqlite3.damaged-2026-12-02").size()) << moved[0];
  EXPECT_EQ(fs::path(health.moved_aside).filename().string(), moved[0]);
  EXPECT_NE(health.summary().find("moved aside as"), std::string::npos) << health.summary();
  // The new history works.
  ASSERT_TRUE(store->record(break_event(EventKind::kBreakDue, BreakKind::kRest, 1, t0_)));
  SqliteDb db = store_test::reader(path_);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM breaks"), 1);
  EXPECT_EQ(store_test::query_text(db, "PRAGMA quick_check"), "ok");
  // The damaged file is kept, byte for byte, for recovery.
  EXPECT_GT(fs::file_size(dir_.file(moved[0])), 4 * 4096u);
}

TEST_F(HistoryDamage, AFailingPruneMakesTheHealthNotOkUntilOneSucceeds) {
  write_history(5);
  HistoryStoreOptions quick;
  quick.busy_timeout_ms = 10;
  auto store = open(quick);
  // Another connection holds the write lock: the prune cannot delete.
  SqliteDb other;
  ASSERT_TRUE(other.open(path_));
  ASSERT_TRUE(other.exec("BEGIN IMMEDIATE"));
  EXPECT_FALSE(store->prune(t0_ + std::chrono::days(500), 30));
  EXPECT_FALSE(store->health().ok());
  EXPECT_NE(store->health().summary().find("history.retention_days"), std::string::npos)
      << store->health().summary();
  ASSERT_TRUE(other.exec("ROLLBACK"));
  bool pruned = false;
  ASSERT_TRUE(store->prune(t0_ + std::chrono::days(500), 30, &pruned));
  EXPECT_TRUE(pruned);
  EXPECT_TRUE(store->health().ok()) << store->health().summary();
}

TEST_F(HistoryDamage, AFlushLeavesItsRecordsInTheMainFileNotOnlyInTheWal) {
  auto store = open();
  store->add_active(t0_, minutes(3));
  ASSERT_TRUE(store->flush());
  // The main file alone, as if the WAL were lost.
  const std::string copy = dir_.file("copy.sqlite3");
  fs::copy_file(path_, copy);
  SqliteDb db;
  ASSERT_TRUE(db.open(copy));
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM activity"), 1);
}

TEST_F(HistoryDamage, ACleanStopLeavesAnEmptyWal) {
  {
    auto store = open();
    store->add_active(t0_, minutes(3));
    ASSERT_TRUE(store->flush());
  }
  std::error_code ec;
  const auto wal = fs::file_size(path_ + "-wal", ec);
  EXPECT_TRUE(ec || wal == 0) << wal << " bytes left in the WAL";
}

}  // namespace
}  // namespace limber
