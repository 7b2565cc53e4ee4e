#include "store/history_writes.h"

#include "store/store_names.h"

namespace limber {
namespace {

// The same five values for the UPDATE of an ended break and for its
// fallback INSERT: id, kind, end time, outcome, postponement.
void bind_ended(SqliteStmt& stmt, const BreakWrite& w) {
  stmt.bind(1, static_cast<int64_t>(w.engine_id))
      .bind(2, stored_name(w.kind))
      .bind(3, unix_ms(w.at))
      .bind(4, stored_name(w.outcome))
      .bind(5, w.postponed.count());
}

}  // namespace

Status write_break(SqliteDb& db, const BreakWrite& w) {
  SqliteStmt stmt;
  Status status;
  switch (w.op) {
    case BreakWrite::Op::kDue:
      // A prompt re-delivered after quiet has the id of a break that is still
      // open: it keeps that row. Ids restart at 1 when the engine starts
      // without saved state, so only an open row of the same kind matches.
      status = db.prepare(
          "INSERT INTO breaks (engine_id, kind, due_at_ms) SELECT ?1, ?2, ?3 "
          "WHERE NOT EXISTS (SELECT 1 FROM breaks "
          "WHERE engine_id = ?1 AND kind = ?2 AND ended_at_ms IS NULL)",
          &stmt);
      if (!status) return status;
      stmt.bind(1, static_cast<int64_t>(w.engine_id))
          .bind(2, stored_name(w.kind))
          .bind(3, unix_ms(w.at));
      return stmt.run();
    case BreakWrite::Op::kEnded:
      status = db.prepare(
          "UPDATE breaks SET ended_at_ms = ?3, outcome = ?4, postponed_ms = ?5 "
          "WHERE id = (SELECT max(id) FROM breaks "
          "WHERE engine_id = ?1 AND kind = ?2 AND ended_at_ms IS NULL)",
          &stmt);
      if (!status) return status;
      bind_ended(stmt, w);
      status = stmt.run();
      if (!status || db.changes() > 0) return status;
      // The due event was never seen (a store opened mid-break): keep the
      // outcome anyway, with the end time standing in for the due time.
      status = db.prepare(
          "INSERT INTO breaks (engine_id, kind, due_at_ms, ended_at_ms, outcome, postponed_ms) "
          "VALUES (?1, ?2, ?3, ?3, ?4, ?5)",
          &stmt);
      if (!status) return status;
      bind_ended(stmt, w);
      return stmt.run();
    case BreakWrite::Op::kExercise:
      status = db.prepare(
          "UPDATE breaks SET exercise_id = ?2 "
          "WHERE id = (SELECT max(id) FROM breaks WHERE engine_id = ?1)",
          &stmt);
      if (!status) return status;
      stmt.bind(1, static_cast<int64_t>(w.engine_id)).bind(2, std::string_view(w.exercise_id));
      return stmt.run();
  }
  return Status::ok();
}

Status write_activity(SqliteDb& db, const std::map<WallTime, Duration>& activity) {
  if (activity.empty()) return Status::ok();
  SqliteStmt stmt;
  Status status = db.prepare(
      "INSERT INTO activity (bucket_start_ms, active_ms) VALUES (?1, ?2) "
      "ON CONFLICT (bucket_start_ms) DO UPDATE "
      "SET active_ms = min(active_ms + excluded.active_ms, ?3)",
      &stmt);
  for (const auto& [bucket, active] : activity) {
    if (!status) break;
    status = stmt.bind(1, unix_ms(bucket))
                 .bind(2, active.count())
                 .bind(3, kActivityBucket.count())
                 .run();
  }
  return status;
}

Status write_natural_breaks(SqliteDb& db, const std::deque<NaturalBreakRow>& rows) {
  if (rows.empty()) return Status::ok();
  SqliteStmt stmt;
  Status status =
      db.prepare("INSERT INTO natural_breaks (kind, at_ms, idle_ms) VALUES (?1, ?2, ?3)", &stmt);
  for (const NaturalBreakRow& row : rows) {
    if (!status) break;
    status = stmt.bind(1, stored_name(row.kind))
                 .bind(2, unix_ms(row.at))
                 .bind(3, row.idle.count())
                 .run();
  }
  return status;
}

Status write_timer_state(SqliteDb& db, const TimerStateRow& row) {
  SqliteStmt stmt;
  Status status = db.prepare(
      "INSERT INTO timer_state (id, saved_at_ms, state) VALUES (1, ?1, ?2) "
      "ON CONFLICT (id) DO UPDATE SET saved_at_ms = excluded.saved_at_ms, state = excluded.state",
      &stmt);
  if (!status) return status;
  return stmt.bind(1, unix_ms(row.saved_at)).bind(2, std::string_view(row.state)).run();
}

}  // namespace limber
