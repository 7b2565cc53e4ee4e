// Opening the history file, and what happens when it is damaged.
//
// open_history_db() creates the file privately (0600, in 0700 directories),
// refuses a newer version's database, sets WAL and the pragmas, migrates
// the schema, and runs `PRAGMA quick_check`. A file that fails the check,
// or that SQLite reports as corrupt or not a database, is moved aside as
// `<path>.damaged-YYYY-MM-DD` (its -wal with it; `-N` added when that name
// is taken), logged, and a new empty history is started in its place: the
// daemon keeps recording, and the damaged file stays for the user (or
// `sqlite3 .recover`) to salvage.
//
// HistoryHealth is what `status.history_health` shows.
//
// Threading: the loop thread (like HistoryStore).
#pragma once

#include <string>

#include "limber/clock.h"
#include "limber/status.h"
#include "store/sqlite_db.h"

namespace limber {

struct HistoryHealth {
  // Where a damaged file was moved this run (empty: none was).
  std::string moved_aside;
  // The last prune that failed (empty once one succeeds): retention
  // (history.retention_days, a privacy setting) is not being enforced.
  std::string prune_problem;
  // The last flush that failed (empty once one succeeds).
  std::string write_problem;

  bool ok() const { return moved_aside.empty() && prune_problem.empty() && write_problem.empty(); }
  // One line for status and `limberctl doctor`: "ok", or every problem.
  std::string summary() const;
};

// True when the last error on `db` says the file is damaged
// (SQLITE_CORRUPT, SQLITE_NOTADB).
bool last_error_is_damage(const SqliteDb& db);

// "ok", or what `PRAGMA quick_check` found (its first lines), or the error
// it failed with. *damaged tells which.
std::string quick_check(SqliteDb& db, bool* damaged);

// Moves `path` (and its -wal, and drops its -shm) aside as
// `<path>.damaged-<date>`, `<date>` being the local date of `now`.
Status move_aside_damaged(const std::string& path, WallTime now, std::string* moved_to);

// Opens, checks and migrates the history at `path` (see above). A damaged
// file is moved aside (its new name in *moved_aside) and a new one opened.
Status open_history_db(const std::string& path, int busy_timeout_ms, WallTime now, SqliteDb* out,
                       std::string* moved_aside);

}  // namespace limber
