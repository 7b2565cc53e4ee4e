// HistoryStore: limberd's history and timer state, in one SQLite file
// ($XDG_STATE_HOME/limber/history.sqlite3, see history_path.h).
//
// Recorded: active time per 5-minute interval, every due break with its
// kind, due time, outcome, postponement and exercise, natural breaks, the
// engine's timer state (for a restart) and checklist answers. Never recorded:
// key codes, pointer positions, window titles, application names — the
// schema has no place for them (see schema_migrations.h).
//
// Writing: activity, natural breaks, exercises and the timer state are kept
// in memory and written together by flush(), one transaction per flush, so
// input costs no disk write of its own; the daemon calls flush() from a timer
// (every minute) and at shutdown. A break that falls due or ends is written
// at once, together with everything buffered, because a completed break must
// survive kill -9. When a write fails (disk full, read-only, I/O error) the
// data stays in memory (bounded, see pending_writes.h) and the next flush
// retries, so the history catches up when space returns.
//
// The daemon calls every method from its loop thread; there is no locking.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/events.h"
#include "limber/clock.h"
#include "limber/status.h"
#include "store/day_stats.h"
#include "store/history_open.h"
#include "store/pending_writes.h"
#include "store/sqlite_db.h"

namespace limber {

// How long history is kept unless configured otherwise.
inline constexpr int kDefaultRetentionDays = 400;

struct HistoryStoreOptions {
  // Activity buckets kept in memory while writes fail; the oldest go first.
  // Default: one week of 5-minute buckets.
  size_t max_buffered_buckets = 7 * 24 * 12;
  // Natural breaks kept in memory while writes fail; the oldest go first.
  size_t max_buffered_natural_breaks = 10'000;
  // How long open() waits for another connection's write lock.
  int busy_timeout_ms = 2000;
};

struct BreakRecord {
  uint64_t engine_id = 0;
  BreakKind kind = BreakKind::kMicro;
  WallTime due_at{};
  std::optional<WallTime> ended_at;  // empty while the break is open
  Outcome outcome = Outcome::kNone;
  Duration postponed{0};
  std::optional<std::string> exercise_id;
};

struct StoredChecklistAnswer {
  std::string item_id;
  std::string answer;
  WallTime answered_at{};
};

class HistoryStore {
 public:
  // Opens or creates the database at `path`, creating missing parent
  // directories with mode 0700 and a new file with mode 0600, and brings its
  // schema up to date. A database written by a newer version is refused and
  // left untouched. On failure returns nullptr and says why in *status.
  static std::unique_ptr<HistoryStore> open(const std::string& path, Status* status,
                                            HistoryStoreOptions options = {});
  // Flushes what is buffered (a failure is logged) and checkpoints the
  // WAL into the main file.
  ~HistoryStore();
  HistoryStore(const HistoryStore&) = delete;
  HistoryStore& operator=(const HistoryStore&) = delete;

  // kBreakDue: adds the break (once per id: a prompt re-delivered after quiet
  // keeps its row). kBreakEnded: sets its outcome, end time and, for
  // kPostponed, event.amount as the postponement. Both are written at once,
  // in one transaction with everything buffered (call save_timer_state()
  // first to have the matching timer state in it). kNaturalBreak is
  // buffered, with event.amount as the idle time. Other kinds are ignored.
  // An error means the write is kept in memory and retried by flush().
  Status record(const EngineEvent& event);
  // Buffers what record() would write, without writing: the caller writes
  // a batch of events in one transaction with flush().
  void buffer(const EngineEvent& event);
  // Credits active time [start, start + d) to the 5-minute buckets it
  // overlaps. Buffered.
  void add_active(WallTime start, Duration d);
  // The exercise shown with the prompt of break `engine_id`. Buffered.
  void set_exercise(uint64_t engine_id, std::string exercise_id);
  // The engine's serialized state; only the latest is kept. Buffered.
  void save_timer_state(WallTime saved_at, std::string state);
  // The latest saved timer state (a buffered one first), or nothing.
  std::optional<std::string> load_timer_state(WallTime* saved_at);

  // Writes everything buffered in one transaction, then checkpoints the
  // WAL (PASSIVE) unless the last checkpoint is less than a minute old, so
  // the WAL holds about one flush batch. On failure keeps it all (within the bounds of
  // HistoryStoreOptions) for the next try.
  Status flush();
  bool has_pending() const { return !pending_.empty(); }

  // Write health, for the daemon's status: the message of the last flush
  // that failed, empty once a flush succeeds again (which is logged, with
  // what was caught up); and how many records wait in memory.
  const std::string& write_problem() const { return write_problem_; }
  // Everything status.history_health shows: ok; or a damaged file moved
  // aside (at open, after `PRAGMA quick_check`, or when SQLite reports
  // corruption while in use: then a new file is started with what memory
  // holds); pruning failing (retention not enforced); writes failing.
  HistoryHealth health() const;
  size_t unwritten() const { return pending_.size(); }

  // Deletes history older than `retention_days` (>= 1) before `now`: activity,
  // breaks and natural breaks; checklist answers too, except the latest
  // answer to each item. Runs at most once a day: within 24 hours of the last
  // prune it returns at once. *pruned (optional) tells whether it ran.
  Status prune(WallTime now, int retention_days, bool* pruned = nullptr);

  // Small named values kept beside the history (the exercise rotation):
  // written at once; load_meta() gives nothing when the key was never saved.
  Status save_meta(std::string_view key, std::string_view value);
  std::optional<std::string> load_meta(std::string_view key);

  // Written at once; an error is returned, not retried.
  Status record_checklist_answer(std::string_view checklist_id, std::string_view item_id,
                                 std::string_view answer, WallTime answered_at);
  // The latest answer to each item of `checklist_id`, by item id.
  Status latest_checklist_answers(std::string_view checklist_id, std::vector<StoredChecklistAnswer>* out);

  // See day_stats.h. Includes buffered activity and natural breaks.
  Status day_stats(std::span<const WallTime> boundaries, std::vector<DayStats>* out);
  // Breaks due in [from, to), oldest first.
  Status breaks_between(WallTime from, WallTime to, std::vector<BreakRecord>* out);

  const std::string& path() const { return path_; }
  // The connection, for tests that provoke write failures
  // (PRAGMA max_page_count) and for diagnostics.
  SqliteDb& connection() { return db_; }

 private:
  HistoryStore(std::string path, SqliteDb db, HistoryStoreOptions options);
  Status write_pending();
  Status delete_before(int64_t cutoff_ms, WallTime now);
  // Moves the damaged file aside and opens a new one at path_.
  Status start_over();

  std::string path_;
  SqliteDb db_;
  PendingWrites pending_;
  std::string write_problem_;
  std::string moved_aside_;
  std::string prune_problem_;
  int busy_timeout_ms_ = 2000;
  std::chrono::steady_clock::time_point last_checkpoint_{};
};

}  // namespace limber
