// Retention: old history is deleted, recent history kept, at most once a day.
#include <gtest/gtest.h>

#include "store/history_store.h"
#include "store_test_support.h"

namespace limber {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using store_test::break_event;
using store_test::query_int;

class PruneTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status status;
    store_ = HistoryStore::open(path_, &status);
    ASSERT_TRUE(store_) << status.message();
    db_ = store_test::reader(path_);
  }

  // One of everything the store records, at `t`.
  void record_history_at(WallTime t, uint64_t id) {
    store_->add_active(t, minutes(2));
    ASSERT_TRUE(store_->record(break_event(EventKind::kNaturalBreak, BreakKind::kMicro, 0, t,
                                           Outcome::kNone, minutes(1))));
    ASSERT_TRUE(store_->record(break_event(EventKind::kBreakDue, BreakKind::kRest, id, t)));
    ASSERT_TRUE(store_->record(break_event(EventKind::kBreakEnded, BreakKind::kRest, id,
                                           t + minutes(5), Outcome::kTaken)));
  }

  int64_t rows_before(WallTime t) {
    int64_t ms = t.time_since_epoch().count();
    std::string cut = std::to_string(ms);
    return query_int(db_, "SELECT (SELECT count(*) FROM activity WHERE bucket_start_ms < " + cut +
                              ") + (SELECT count(*) FROM breaks WHERE due_at_ms < " + cut +
                              ") + (SELECT count(*) FROM natural_breaks WHERE at_ms < " + cut +
                              ")");
  }

  store_test::TempDir dir_;
  std::string path_ = dir_.file("history.sqlite3");
  std::unique_ptr<HistoryStore> store_;
  SqliteDb db_;
  WallTime now_ = store_test::test_day_start();
};

TEST_F(PruneTest, DeletesHistoryOlderThanRetentionAndKeepsTheRest) {
  WallTime old_time = now_ - days(401);
  WallTime recent = now_ - days(399);
  record_history_at(old_time, 1);
  record_history_at(recent, 2);
  ASSERT_TRUE(store_->flush());
  ASSERT_EQ(rows_before(now_), 6);

  bool pruned = false;
  Status status = store_->prune(now_, kDefaultRetentionDays, &pruned);

  ASSERT_TRUE(status) << status.message();
  EXPECT_TRUE(pruned);
  EXPECT_EQ(rows_before(now_ - days(400)), 0);
  EXPECT_EQ(rows_before(now_), 3);
  EXPECT_EQ(query_int(db_, "SELECT engine_id FROM breaks"), 2);
}

TEST_F(PruneTest, KeepsTheLatestChecklistAnswerHoweverOld) {
  ASSERT_TRUE(store_->record_checklist_answer("desk", "chair", "no", now_ - days(600)));
  ASSERT_TRUE(store_->record_checklist_answer("desk", "chair", "yes", now_ - days(500)));

  ASSERT_TRUE(store_->prune(now_, 30));

  std::vector<StoredChecklistAnswer> answers;
  ASSERT_TRUE(store_->latest_checklist_answers("desk", &answers));
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].answer, "yes");
  EXPECT_EQ(query_int(db_, "SELECT count(*) FROM checklist_answers"), 1);
}

TEST_F(PruneTest, RunsAtMostOnceADay) {
  bool pruned = false;
  ASSERT_TRUE(store_->prune(now_, 30, &pruned));
  ASSERT_TRUE(pruned);
  record_history_at(now_ - days(40), 1);
  ASSERT_TRUE(store_->flush());

  ASSERT_TRUE(store_->prune(now_ + hours(23), 30, &pruned));
  EXPECT_FALSE(pruned);
  EXPECT_EQ(rows_before(now_), 3);

  ASSERT_TRUE(store_->prune(now_ + hours(24), 30, &pruned));
  EXPECT_TRUE(pruned);
  EXPECT_EQ(rows_before(now_), 0);
}

TEST_F(PruneTest, LastPruneSurvivesARestart) {
  ASSERT_TRUE(store_->prune(now_, 30));
  store_.reset();
  Status status;
  store_ = HistoryStore::open(path_, &status);
  ASSERT_TRUE(store_) << status.message();

  bool pruned = true;
  ASSERT_TRUE(store_->prune(now_ + hours(1), 30, &pruned));
  EXPECT_FALSE(pruned);
}

TEST_F(PruneTest, WallClockSetBackDoesNotBlockPruning) {
  ASSERT_TRUE(store_->prune(now_ + days(30), 30));  // clock was wrong, far ahead

  bool pruned = false;
  ASSERT_TRUE(store_->prune(now_, 30, &pruned));
  EXPECT_TRUE(pruned);
}

TEST_F(PruneTest, RetentionBelowOneDayIsRejected) {
  Status status = store_->prune(now_, 0);
  EXPECT_EQ(status.code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace limber
