#include "store/sqlite_db.h"

#include <string>
#include <utility>

namespace limber {

Status sqlite_status(sqlite3* db, int rc, std::string_view what) {
  std::string message = "history database: ";
  message += what;
  message += ": ";
  // The connection's message is more specific ("disk I/O error", "attempt to
  // write a readonly database") when it belongs to this result code.
  if (db != nullptr && (sqlite3_errcode(db) & 0xff) == (rc & 0xff)) {
    message += sqlite3_errmsg(db);
  } else {
    message += sqlite3_errstr(rc);
  }
  switch (rc & 0xff) {
    case SQLITE_OK:
      return Status::ok();
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::io(std::move(message));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::unavailable(std::move(message));
    default:
      return Status::error(Status::Code::kInternal, std::move(message));
  }
}

// --- SqliteStmt --------------------------------------------------------------

SqliteStmt::~SqliteStmt() {
  sqlite3_finalize(stmt_);
}

SqliteStmt::SqliteStmt(SqliteStmt&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), db_(other.db_) {}

SqliteStmt& SqliteStmt::operator=(SqliteStmt&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = other.db_;
  }
  return *this;
}

// Bind errors (an index out of range) are programming errors in a fixed SQL
// text; they surface as an error from the following step().
SqliteStmt& SqliteStmt::bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

SqliteStmt& SqliteStmt::bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

SqliteStmt& SqliteStmt::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

SqliteStmt& SqliteStmt::bind(int index, const std::optional<std::string>& value) {
  return value ? bind(index, std::string_view(*value)) : bind_null(index);
}

bool SqliteStmt::step(Status* status) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) {
    // The statement's opening words say which write failed; all of it is noise.
    std::string_view sql = sqlite3_sql(stmt_);
    std::string what(sql.substr(0, 48));
    if (sql.size() > what.size()) what += "…";
    *status = sqlite_status(db_, rc, what);
  }
  return false;
}

Status SqliteStmt::run() {
  Status status;
  while (step(&status)) {
  }
  reset();
  return status;
}

void SqliteStmt::reset() {
  sqlite3_reset(stmt_);
}

bool SqliteStmt::column_is_null(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

int64_t SqliteStmt::column_int64(int index) const {
  return sqlite3_column_int64(stmt_, index);
}

std::string SqliteStmt::column_text(int index) const {
  const unsigned char* text = sqlite3_column_text(stmt_, index);
  if (text == nullptr) return {};
  auto size = static_cast<size_t>(sqlite3_column_bytes(stmt_, index));
  return std::string(reinterpret_cast<const char*>(text), size);
}

// --- SqliteDb ----------------------------------------------------------------

SqliteDb::~SqliteDb() {
  close();
}

SqliteDb::SqliteDb(SqliteDb&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

SqliteDb& SqliteDb::operator=(SqliteDb&& other) noexcept {
  if (this != &other) {
    close();
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Status SqliteDb::open(const std::string& path, int flags) {
  close();
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status status = sqlite_status(db, rc, "open " + path);
    sqlite3_close(db);  // a handle is returned even on failure
    return status;
  }
  db_ = db;
  sqlite3_extended_result_codes(db_, 1);
  return Status::ok();
}

void SqliteDb::close() {
  // Statements are owned by SqliteStmt objects that must be gone by now;
  // sqlite3_close_v2 would defer the close if one were still alive.
  if (db_ != nullptr) sqlite3_close_v2(db_);
  db_ = nullptr;
}

Status SqliteDb::exec(std::string_view sql) {
  std::string text(sql);
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::ok() : sqlite_status(db_, rc, text);
}

Status SqliteDb::prepare(std::string_view sql, SqliteStmt* out) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return sqlite_status(db_, rc, sql);
  }
  *out = SqliteStmt(stmt, db_);
  return Status::ok();
}

Status SqliteDb::query_int64(std::string_view sql, int64_t* out) {
  SqliteStmt stmt;
  Status status = prepare(sql, &stmt);
  if (!status) return status;
  if (!stmt.step(&status)) {
    return status ? Status::error(Status::Code::kInternal,
                                  "history database: no result from " + std::string(sql))
                  : status;
  }
  *out = stmt.column_int64(0);
  return Status::ok();
}

Status SqliteDb::query_text(std::string_view sql, std::string* out) {
  SqliteStmt stmt;
  Status status = prepare(sql, &stmt);
  if (!status) return status;
  if (!stmt.step(&status)) {
    return status ? Status::error(Status::Code::kInternal,
                                  "history database: no result from " + std::string(sql))
                  : status;
  }
  *out = stmt.column_text(0);
  return Status::ok();
}

int64_t SqliteDb::changes() const {
  return sqlite3_changes64(db_);
}

bool SqliteDb::in_transaction() const {
  return db_ != nullptr && sqlite3_get_autocommit(db_) == 0;
}

}  // namespace limber
