#include "store/history_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <utility>

#include "log.h"
#include "store/history_open.h"
#include "store/history_path.h"
#include "store/history_writes.h"
#include "store/schema_migrations.h"
#include "store/store_names.h"

namespace limber {
namespace {

constexpr Duration kPruneInterval = std::chrono::hours(24);
constexpr auto kCheckpointInterval = std::chrono::seconds(55);

// Runs `body` in one write transaction; rolls back if any step fails.
// *damaged (optional) tells whether it failed because the file is damaged,
// read before the ROLLBACK clears SQLite's error code.
template <typename Body>
Status in_transaction(SqliteDb& db, Body body, bool* damaged = nullptr) {
  Status status = db.exec("BEGIN IMMEDIATE");
  if (status) status = body();
  if (status) status = db.exec("COMMIT");
  if (damaged != nullptr) *damaged = !status && last_error_is_damage(db);
  // A failed COMMIT may already have rolled back (SQLITE_FULL does).
  if (!status && db.in_transaction()) db.exec("ROLLBACK");
  return status;
}

}  // namespace

std::unique_ptr<HistoryStore> HistoryStore::open(const std::string& path, Status* status,
                                                 HistoryStoreOptions options) {
  if (path.empty()) {
    *status = Status::invalid("history database: no path (neither XDG_STATE_HOME nor HOME is set)");
    return nullptr;
  }
  SqliteDb db;
  std::string moved_aside;
  *status = open_history_db(path, options.busy_timeout_ms,
                            std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now()), &db,
                            &moved_aside);
  if (!*status) return nullptr;
  auto store = std::unique_ptr<HistoryStore>(new HistoryStore(path, std::move(db), options));
  store->moved_aside_ = std::move(moved_aside);
  return store;
}

HistoryStore::HistoryStore(std::string path, SqliteDb db, HistoryStoreOptions options)
    : path_(std::move(path)), db_(std::move(db)), busy_timeout_ms_(options.busy_timeout_ms) {
  pending_.max_buckets = options.max_buffered_buckets;
  pending_.max_natural_breaks = options.max_buffered_natural_breaks;
}

HistoryStore::~HistoryStore() {
  if (has_pending()) {
    Status status = flush();
    if (!status) log_error("history not saved at exit: " + status.message());
  }
  // A clean stop leaves everything in the main file and an empty WAL.
  if (db_.is_open()) db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

HistoryHealth HistoryStore::health() const {
  return HistoryHealth{moved_aside_, prune_problem_, write_problem_};
}

Status HistoryStore::start_over() {
  // Only a damaged file gets here: keep it for recovery, start a new one,
  // and let what is buffered in memory go to the new file.
  db_.close();
  const WallTime now = std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  std::string moved;
  std::string moved_again;  // only if the new file were damaged too
  Status status = move_aside_damaged(path_, now, &moved);
  if (status) status = open_history_db(path_, busy_timeout_ms_, now, &db_, &moved_again);
  if (!status) return status;
  moved_aside_ = moved_again.empty() ? moved : moved_again;
  log_error("history database " + path_ + " turned out damaged while in use: moved aside as " + moved +
            "; a new history is started with the records kept in memory");
  return Status::ok();
}

Status HistoryStore::record(const EngineEvent& event) {
  buffer(event);
  const bool at_once = event.kind == EventKind::kBreakDue || event.kind == EventKind::kBreakEnded;
  return at_once ? flush() : Status::ok();
}

void HistoryStore::buffer(const EngineEvent& event) {
  switch (event.kind) {
    case EventKind::kBreakDue:
      pending_.breaks.push_back(BreakWrite{
          BreakWrite::Op::kDue, event.id, event.brk, event.wall, Outcome::kNone, {}, {}});
      break;
    case EventKind::kBreakEnded: {
      Duration postponed = event.outcome == Outcome::kPostponed ? event.amount : Duration{0};
      pending_.breaks.push_back(BreakWrite{
          BreakWrite::Op::kEnded, event.id, event.brk, event.wall, event.outcome, postponed, {}});
      break;
    }
    case EventKind::kNaturalBreak:
      pending_.add_natural_break(NaturalBreakRow{event.brk, event.wall, event.amount});
      break;
    default:
      break;
  }
}

void HistoryStore::add_active(WallTime start, Duration d) {
  pending_.add_active(start, d);
}

void HistoryStore::set_exercise(uint64_t engine_id, std::string exercise_id) {
  BreakWrite w;
  w.op = BreakWrite::Op::kExercise;
  w.engine_id = engine_id;
  w.exercise_id = std::move(exercise_id);
  pending_.breaks.push_back(std::move(w));
}

void HistoryStore::save_timer_state(WallTime saved_at, std::string state) {
  pending_.timer_state = TimerStateRow{saved_at, std::move(state)};
}

std::optional<std::string> HistoryStore::load_timer_state(WallTime* saved_at) {
  if (pending_.timer_state) {
    *saved_at = pending_.timer_state->saved_at;
    return pending_.timer_state->state;
  }
  SqliteStmt stmt;
  Status status = db_.prepare("SELECT saved_at_ms, state FROM timer_state WHERE id = 1", &stmt);
  if (status && stmt.step(&status)) {
    *saved_at = from_unix_ms(stmt.column_int64(0));
    return stmt.column_text(1);
  }
  if (!status) log_error("cannot read the saved timer state: " + status.message());
  return std::nullopt;
}

Status HistoryStore::write_pending() {
  for (const BreakWrite& w : pending_.breaks) {
    Status status = write_break(db_, w);
    if (!status) return status;
  }
  Status status = write_activity(db_, pending_.activity);
  if (status) status = write_natural_breaks(db_, pending_.natural_breaks);
  if (status && pending_.timer_state) status = write_timer_state(db_, *pending_.timer_state);
  return status;
}

Status HistoryStore::flush() {
  if (pending_.empty()) return Status::ok();
  const size_t held = pending_.size();
  bool damaged = false;
  Status status = in_transaction(db_, [this] { return write_pending(); }, &damaged);
  if (damaged && start_over()) {
    status = in_transaction(db_, [this] { return write_pending(); });
  }
  if (status) {
    // The WAL holds at most about a minute of history (the daemon's flush
    // interval), never a day's: a damaged or lost WAL costs little. Not on
    // every break's own write, which would add a disk flush to each.
    const auto mono = std::chrono::steady_clock::now();
    if (mono - last_checkpoint_ >= kCheckpointInterval) {
      db_.exec("PRAGMA wal_checkpoint(PASSIVE)");
      last_checkpoint_ = mono;
    }
    if (!write_problem_.empty()) {
      // Say so once writing works again: the log has the failures before.
      log_notice("history writes work again: caught up on " + std::to_string(held) +
                 " records kept in memory");
      write_problem_.clear();
    }
    pending_.clear();
    return status;
  }
  std::string kept = "history kept in memory until writing works again (" +
                     std::to_string(pending_.breaks.size()) + " break updates, " +
                     std::to_string(pending_.activity.size()) + " activity intervals";
  if (pending_.dropped_buckets > 0 || pending_.dropped_natural_breaks > 0) {
    kept += "; dropped the oldest " + std::to_string(pending_.dropped_buckets) +
            " activity intervals and " + std::to_string(pending_.dropped_natural_breaks) +
            " natural breaks to bound memory";
  }
  write_problem_ = status.message();
  return Status::error(status.code(), status.message() + "; " + kept + ")");
}

Status HistoryStore::prune(WallTime now, int retention_days, bool* pruned) {
  if (pruned != nullptr) *pruned = false;
  if (retention_days < 1) {
    return Status::invalid("history retention must be at least 1 day, got " +
                           std::to_string(retention_days));
  }
  SqliteStmt last;
  Status status = db_.prepare("SELECT value FROM meta WHERE key = 'last_prune_ms'", &last);
  if (status && last.step(&status)) {
    std::string text = last.column_text(0);
    int64_t ms = 0;
    auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), ms);
    WallTime last_prune = from_unix_ms(ms);
    // A wall clock set back (last_prune in the future) or an unreadable value
    // does not block pruning.
    if (err == std::errc() && last_prune <= now && now - last_prune < kPruneInterval) {
      return Status::ok();
    }
  }
  bool damaged = !status && last_error_is_damage(db_);
  last = SqliteStmt();  // finalized: start_over() may close the connection
  if (status) {
    const int64_t cutoff = unix_ms(now - std::chrono::days{retention_days});
    status = in_transaction(db_, [&] { return delete_before(cutoff, now); }, &damaged);
  }
  if (damaged && start_over()) {
    // A new file holds nothing old enough to delete.
    prune_problem_.clear();
    return Status::ok();
  }
  if (status && pruned != nullptr) *pruned = true;
  // Retention is a privacy setting a policy may lock: failing to enforce it
  // shows in the health until a prune succeeds.
  prune_problem_ = status ? std::string() : status.message();
  return status;
}

Status HistoryStore::delete_before(int64_t cutoff, WallTime now) {
  return db_.exec(
      "DELETE FROM activity WHERE bucket_start_ms < " + std::to_string(cutoff) + ";" +
      "DELETE FROM breaks WHERE due_at_ms < " + std::to_string(cutoff) + ";" +
      "DELETE FROM natural_breaks WHERE at_ms < " + std::to_string(cutoff) + ";" +
      // The latest answer to a checklist item describes the desk as it is
      // now, however old: it stays.
      "DELETE FROM checklist_answers WHERE answered_at_ms < " + std::to_string(cutoff) +
      " AND answered_at_ms < (SELECT max(newer.answered_at_ms) FROM checklist_answers AS newer"
      " WHERE newer.checklist_id = checklist_answers.checklist_id"
      " AND newer.item_id = checklist_answers.item_id);" +
      "INSERT INTO meta (key, value) VALUES ('last_prune_ms', '" + std::to_string(unix_ms(now)) +
      "') ON CONFLICT (key) DO UPDATE SET value = excluded.value");
}

Status HistoryStore::save_meta(std::string_view key, std::string_view value) {
  SqliteStmt stmt;
  Status status = db_.prepare(
      "INSERT INTO meta (key, value) VALUES (?1, ?2) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      &stmt);
  if (!status) return status;
  return stmt.bind(1, key).bind(2, value).run();
}

std::optional<std::string> HistoryStore::load_meta(std::string_view key) {
  SqliteStmt stmt;
  Status status = db_.prepare("SELECT value FROM meta WHERE key = ?1", &stmt);
  if (!status) return std::nullopt;
  stmt.bind(1, key);
  if (!stmt.step(&status)) return std::nullopt;
  return stmt.column_text(0);
}

Status HistoryStore::record_checklist_answer(std::string_view checklist_id,
                                             std::string_view item_id, std::string_view answer,
                                             WallTime answered_at) {
  SqliteStmt stmt;
  Status status = db_.prepare(
      "INSERT OR REPLACE INTO checklist_answers (checklist_id, item_id, answer, answered_at_ms) "
      "VALUES (?1, ?2, ?3, ?4)",
      &stmt);
  if (!status) return status;
  return stmt.bind(1, checklist_id)
      .bind(2, item_id)
      .bind(3, answer)
      .bind(4, unix_ms(answered_at))
      .run();
}

Status HistoryStore::latest_checklist_answers(std::string_view checklist_id,
                                              std::vector<StoredChecklistAnswer>* out) {
  out->clear();
  SqliteStmt stmt;
  Status status = db_.prepare(
      "SELECT item_id, answer, answered_at_ms FROM checklist_answers AS a "
      "WHERE checklist_id = ?1 AND answered_at_ms = (SELECT max(answered_at_ms) "
      "FROM checklist_answers AS b WHERE b.checklist_id = a.checklist_id AND b.item_id = "
      "a.item_id) "
      "ORDER BY item_id",
      &stmt);
  if (!status) return status;
  stmt.bind(1, checklist_id);
  while (stmt.step(&status)) {
    out->push_back(StoredChecklistAnswer{stmt.column_text(0), stmt.column_text(1),
                                   from_unix_ms(stmt.column_int64(2))});
  }
  return status;
}

Status HistoryStore::day_stats(std::span<const WallTime> boundaries, std::vector<DayStats>* out) {
  Status status = read_day_stats(db_, boundaries, out);
  if (!status) return status;
  // What is still buffered belongs to the statistics too ("today" is live).
  auto day_of = [&](WallTime t) -> DayStats* {
    auto it = std::upper_bound(out->begin(), out->end(), t,
                               [](WallTime v, const DayStats& d) { return v < d.end; });
    return it != out->end() && it->start <= t ? &*it : nullptr;
  };
  for (const auto& [bucket, active] : pending_.activity) {
    if (DayStats* day = day_of(bucket)) day->active += active;
  }
  for (const NaturalBreakRow& row : pending_.natural_breaks) {
    if (DayStats* day = day_of(row.at)) ++day->of(row.kind).natural;
  }
  return Status::ok();
}

Status HistoryStore::breaks_between(WallTime from, WallTime to, std::vector<BreakRecord>* out) {
  out->clear();
  SqliteStmt stmt;
  Status status = db_.prepare(
      "SELECT engine_id, kind, due_at_ms, ended_at_ms, outcome, postponed_ms, exercise_id "
      "FROM breaks WHERE due_at_ms >= ?1 AND due_at_ms < ?2 ORDER BY due_at_ms, id",
      &stmt);
  if (!status) return status;
  stmt.bind(1, unix_ms(from)).bind(2, unix_ms(to));
  while (stmt.step(&status)) {
    BreakRecord r;
    r.engine_id = static_cast<uint64_t>(stmt.column_int64(0));
    r.kind = break_kind_from_stored(stmt.column_text(1)).value_or(BreakKind::kMicro);
    r.due_at = from_unix_ms(stmt.column_int64(2));
    if (!stmt.column_is_null(3)) r.ended_at = from_unix_ms(stmt.column_int64(3));
    if (!stmt.column_is_null(4)) {
      r.outcome = outcome_from_stored(stmt.column_text(4)).value_or(Outcome::kNone);
    }
    r.postponed = Duration{stmt.column_int64(5)};
    if (!stmt.column_is_null(6)) r.exercise_id = stmt.column_text(6);
    out->push_back(std::move(r));
  }
  return status;
}

}  // namespace limber
