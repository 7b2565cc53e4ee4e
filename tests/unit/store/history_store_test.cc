// What the history store records and when it writes it.
#include "store/history_store.h"

#include <gtest/gtest.h>

#include "store_test_support.h"

namespace limber {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using store_test::break_event;
using store_test::query_int;
using store_test::query_text;

class HistoryStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status status;
    store_ = HistoryStore::open(path_, &status);
    ASSERT_TRUE(store_) << status.message();
  }

  store_test::TempDir dir_;
  std::string path_ = dir_.file("history.sqlite3");
  std::unique_ptr<HistoryStore> store_;
  WallTime t0_ = store_test::test_day_start();
};

TEST_F(HistoryStoreTest, DueBreakIsWrittenAtOnceAndEndedBreakGetsItsOutcome) {
  ASSERT_TRUE(store_->record(break_event(EventKind::kBreakDue, BreakKind::kMicro, 1, t0_)));
  EXPECT_FALSE(store_->has_pending());
  SqliteDb db = store_test::reader(path_);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM breaks WHERE engine_id = 1 AND outcome IS NULL"),
            1);

  ASSERT_TRUE(store_->record(break_event(EventKind::kBreakEnded, BreakKind::kMicro, 1,
                                         t0_ + seconds(40), Outcome::kTaken)));

  std::vector<BreakRecord> breaks;
  ASSERT_TRUE(store_->breaks_between(t0_, t0_ + minutes(1), &breaks));
  ASSERT_EQ(breaks.size(), 1u);
  EXPECT_EQ(breaks[0].engine_id, 1u);
  EXPECT_EQ(breaks[0].kind, BreakKind::kMicro);
  EXPECT_EQ(breaks[0].due_at, t0_);
  EXPECT_EQ(breaks[0].ended_at, t0_ + seconds(40));
  EXPECT_EQ(breaks[0].outcome, Outcome::kTaken);
  EXPECT_EQ(breaks[0].postponed, Duration{0});
  EXPECT_EQ(query_text(db, "SELECT outcome FROM breaks WHERE engine_id = 1"), "taken");
}

TEST_F(HistoryStoreTest, PostponedBreakStoresHowLongItWasPostponed) {
  ASSERT_TRUE(store_->record(break_event(EventKind::kBreakDue, BreakKind::kRest, 4, t0_)));
  ASSERT_TRUE(store_->record(break_event(EventKind::kBreakEnded, BreakKind::kRest, 4,
                                         t0_ + seconds(5), Outcome::kPostponed, minutes(5))));

  SqliteDb db = store_test::reader(path_);
  EXPECT_EQ(query_text(db, "SELECT kind || ' ' || outcome || ' ' || postponed_ms FROM breaks"),
            "rest postponed 300000");
}

TEST_F(HistoryStoreTest, RedeliveredDuePromptKeepsOneRow) {
  ASSERT_TRUE(store_->record(break_event(EventKind::kBreakDue, BreakKind::kRest, 3, t0_)));
  // Quiet mode held the prompt; when quiet ends it is delivered again.
  ASSERT_TRUE(
      store_->record(break_event(EventKind::kBreakDue, BreakKind::kRest, 3, t0_ + minutes(30))));
  ASSERT_TRUE(store_->record(break_event(EventKind::kBreakEnded, BreakKind::kRest, 3,
                                         t0_ + minutes(36), Outcome::kTaken)));

  std::vector<BreakRecord> breaks;
  ASSERT_TRUE(store_->breaks_between(t0_, t0_ + minutes(60), &breaks));
  ASSERT_EQ(breaks.size(), 1u);
  EXPECT_EQ(breaks[0].due_at, t0_);  // the first due time counts
  EXPECT_EQ(breaks[0].outcome, Outcome::kTaken);
}

TEST_F(HistoryStoreTest, IdReusedAfterEngineRestartWithoutStateIsANewBreak) {
  ASSERT_TRUE(store_->record(break_event(EventKind::kBreakDue, BreakKind::kMicro, 1, t0_)));
  ASSERT_TRUE(store_->record(break_event(EventKind::kBreakEnded, BreakKind::kMicro, 1,
                                         t0_ + seconds(30), Outcome::kTaken)));
  // The engine started afresh and numbers from 1 again.
  ASSERT_TRUE(
      store_->record(break_event(EventKind::kBreakDue, BreakKind::kMicro, 1, t0_ + minutes(25))));
  ASSERT_TRUE(store_->record(break_event(EventKind::kBreakEnded, BreakKind::kMicro, 1,
                                         t0_ + minutes(26), Outcome::kSkipped)));

  std::vector<BreakRecord> breaks;
  ASSERT_TRUE(store_->breaks_between(t0_, t0_ + minutes(60), &breaks));
  ASSERT_EQ(breaks.size(), 2u);
  EXPECT_EQ(breaks[0].outcome, Outcome::kTaken);
  EXPECT_EQ(breaks[1].outcome, Outcome::kSkipped);
}

TEST_F(HistoryStoreTest, EndWithoutSeenDueStillRecordsTheOutcome) {
  ASSERT_TRUE(store_->record(break_event(EventKind::kBreakEnded, BreakKind::kRest, 9,
                                         t0_ + minutes(2), Outcome::kCancelled)));

  std::vector<BreakRecord> breaks;
  ASSERT_TRUE(store_->breaks_between(t0_, t0_ + minutes(60), &breaks));
  ASSERT_EQ(breaks.size(), 1u);
  EXPECT_EQ(breaks[0].outcome, Outcome::kCancelled);
  EXPECT_EQ(breaks[0].due_at, t0_ + minutes(2));
}

TEST_F(HistoryStoreTest, ExerciseShownIsStoredWithItsBreak) {
  ASSERT_TRUE(store_->record(break_event(EventKind::kBreakDue, BreakKind::kMicro, 2, t0_)));
  store_->set_exercise(2, "neck-tilt");
  ASSERT_TRUE(store_->record(break_event(EventKind::kBreakEnded, BreakKind::kMicro, 2,
                                         t0_ + seconds(30), Outcome::kTaken)));

  std::vector<BreakRecord> breaks;
  ASSERT_TRUE(store_->breaks_between(t0_, t0_ + minutes(1), &breaks));
  ASSERT_EQ(breaks.size(), 1u);
  EXPECT_EQ(breaks[0].exercise_id, "neck-tilt");
}

TEST_F(HistoryStoreTest, EventsThatAreNotHistoryWriteNothing) {
  for (EventKind kind :
       {EventKind::kBecameActive, EventKind::kBecameIdle, EventKind::kBreakStarted,
        EventKind::kBreakHeld, EventKind::kModeChanged, EventKind::kClockChanged}) {
    ASSERT_TRUE(store_->record(break_event(kind, BreakKind::kMicro, 5, t0_)));
  }
  EXPECT_FALSE(store_->has_pending());
  SqliteDb db = store_test::reader(path_);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM breaks"), 0);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM natural_breaks"), 0);
}

int count_commits(void* counter) {
  ++*static_cast<int*>(counter);
  return 0;  // let the commit proceed
}

TEST_F(HistoryStoreTest, ActivityIsBufferedUntilFlushThenWrittenInOneTransaction) {
  int commits = 0;
  sqlite3_commit_hook(store_->connection().get(), count_commits, &commits);
  // One input report per second for an hour: twelve 5-minute buckets.
  for (int i = 0; i < 3600; ++i) store_->add_active(t0_ + seconds(i), seconds(1));

  SqliteDb db = store_test::reader(path_);
  EXPECT_TRUE(store_->has_pending());
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM activity"), 0);
  EXPECT_EQ(commits, 0);

  ASSERT_TRUE(store_->flush());

  EXPECT_EQ(commits, 1);
  EXPECT_FALSE(store_->has_pending());
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM activity"), 12);
  EXPECT_EQ(query_int(db, "SELECT sum(active_ms) FROM activity"), 3600 * 1000);
  EXPECT_EQ(query_int(db, "SELECT min(active_ms) FROM activity"), 300 * 1000);
  sqlite3_commit_hook(store_->connection().get(), nullptr, nullptr);
}

TEST_F(HistoryStoreTest, ActivityFromSeveralFlushesAddsUpInItsBucket) {
  store_->add_active(t0_, seconds(50));
  ASSERT_TRUE(store_->flush());
  store_->add_active(t0_ + seconds(60), seconds(70));
  ASSERT_TRUE(store_->flush());

  SqliteDb db = store_test::reader(path_);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM activity"), 1);
  EXPECT_EQ(query_int(db, "SELECT active_ms FROM activity"), 120 * 1000);
}

TEST_F(HistoryStoreTest, BreakWriteCarriesTheBufferedActivityAndTimerState) {
  store_->add_active(t0_, minutes(3));
  store_->save_timer_state(t0_ + minutes(3), "state at due");
  ASSERT_TRUE(
      store_->record(break_event(EventKind::kBreakDue, BreakKind::kMicro, 1, t0_ + minutes(3))));

  EXPECT_FALSE(store_->has_pending());
  SqliteDb db = store_test::reader(path_);
  EXPECT_EQ(query_int(db, "SELECT sum(active_ms) FROM activity"), 180 * 1000);
  EXPECT_EQ(query_text(db, "SELECT state FROM timer_state"), "state at due");
}

TEST_F(HistoryStoreTest, NaturalBreaksAreBufferedWithTheirIdleTime) {
  ASSERT_TRUE(store_->record(
      break_event(EventKind::kNaturalBreak, BreakKind::kRest, 0, t0_, Outcome::kNone, minutes(7))));
  SqliteDb db = store_test::reader(path_);
  EXPECT_TRUE(store_->has_pending());
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM natural_breaks"), 0);

  ASSERT_TRUE(store_->flush());

  EXPECT_EQ(query_text(db, "SELECT kind || ' ' || idle_ms FROM natural_breaks"), "rest 420000");
}

TEST_F(HistoryStoreTest, TimerStateRoundTripsAcrossReopen) {
  WallTime saved_at{};
  EXPECT_FALSE(store_->load_timer_state(&saved_at));

  store_->save_timer_state(t0_, "version 1\nmicro.accrued 1000\n");
  store_->save_timer_state(t0_ + minutes(1), "version 1\nmicro.accrued 61000\n");
  // Before the flush the buffered state is the latest.
  EXPECT_EQ(store_->load_timer_state(&saved_at), "version 1\nmicro.accrued 61000\n");
  EXPECT_EQ(saved_at, t0_ + minutes(1));
  store_.reset();  // closing flushes

  Status status;
  auto reopened = HistoryStore::open(path_, &status);
  ASSERT_TRUE(reopened) << status.message();
  saved_at = WallTime{};
  EXPECT_EQ(reopened->load_timer_state(&saved_at), "version 1\nmicro.accrued 61000\n");
  EXPECT_EQ(saved_at, t0_ + minutes(1));
  SqliteDb db = store_test::reader(path_);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM timer_state"), 1);
}

TEST_F(HistoryStoreTest, ChecklistAnswersReturnTheLatestPerItem) {
  ASSERT_TRUE(store_->record_checklist_answer("desk", "monitor-height", "no", t0_));
  ASSERT_TRUE(store_->record_checklist_answer("desk", "monitor-height", "yes", t0_ + minutes(5)));
  ASSERT_TRUE(store_->record_checklist_answer("desk", "chair-height", "yes", t0_));
  ASSERT_TRUE(store_->record_checklist_answer("laptop", "stand", "no", t0_));

  std::vector<StoredChecklistAnswer> answers;
  ASSERT_TRUE(store_->latest_checklist_answers("desk", &answers));

  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[0].item_id, "chair-height");
  EXPECT_EQ(answers[0].answer, "yes");
  EXPECT_EQ(answers[1].item_id, "monitor-height");
  EXPECT_EQ(answers[1].answer, "yes");
  EXPECT_EQ(answers[1].answered_at, t0_ + minutes(5));
}

}  // namespace
}  // namespace limber
