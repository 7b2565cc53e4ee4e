// SqliteDb and SqliteStmt: the one place that owns sqlite3* and
// sqlite3_stmt* handles. Everything else in the store uses these, so every
// handle is closed or finalized exactly once and every SQLite error becomes a
// limber::Status carrying SQLite's own message.
//
// Used by HistoryStore and the schema migrations; tests use them to inspect a
// database through a second connection.
//
// Threading: a connection and its statements belong to one thread.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "limber/status.h"

namespace limber {

// Builds a Status from SQLite result code `rc` and the connection's message,
// e.g. "history database: commit: database or disk is full".
// SQLITE_FULL, SQLITE_IOERR*, SQLITE_READONLY* and SQLITE_CANTOPEN map to
// kIoError, SQLITE_BUSY/SQLITE_LOCKED to kUnavailable, the rest to kInternal.
Status sqlite_status(sqlite3* db, int rc, std::string_view what);

class SqliteStmt {
 public:
  SqliteStmt() = default;
  SqliteStmt(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  ~SqliteStmt();
  SqliteStmt(const SqliteStmt&) = delete;
  SqliteStmt& operator=(const SqliteStmt&) = delete;
  SqliteStmt(SqliteStmt&& other) noexcept;
  SqliteStmt& operator=(SqliteStmt&& other) noexcept;

  // Parameters are numbered from 1, as in SQL ("?1").
  SqliteStmt& bind(int index, int64_t value);
  SqliteStmt& bind(int index, std::string_view value);
  SqliteStmt& bind_null(int index);
  SqliteStmt& bind(int index, const std::optional<std::string>& value);

  // Advances to the next row. Returns true when a row is available; false at
  // the end or on an error, which is then in *status (left ok at the end).
  bool step(Status* status);
  // Runs a statement that returns no rows to completion, then resets it so it
  // can be bound and run again.
  Status run();
  // Makes the statement ready to run again; bindings are kept.
  void reset();

  // Columns are numbered from 0.
  bool column_is_null(int index) const;
  int64_t column_int64(int index) const;
  std::string column_text(int index) const;

  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;  // not owned: for error messages
};

class SqliteDb {
 public:
  SqliteDb() = default;
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;
  SqliteDb(SqliteDb&& other) noexcept;
  SqliteDb& operator=(SqliteDb&& other) noexcept;

  // Opens (and with SQLITE_OPEN_CREATE, creates) the database at `path`.
  Status open(const std::string& path, int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  void close();
  bool is_open() const { return db_ != nullptr; }

  // Runs one or more statements that take no parameters.
  Status exec(std::string_view sql);
  Status prepare(std::string_view sql, SqliteStmt* out);
  // Runs a query that returns one integer (e.g. "PRAGMA user_version").
  Status query_int64(std::string_view sql, int64_t* out);
  Status query_text(std::string_view sql, std::string* out);

  int64_t changes() const;
  bool in_transaction() const;
  sqlite3* get() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace limber
