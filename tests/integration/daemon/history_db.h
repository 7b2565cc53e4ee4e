// HistoryDb: the test's own read of limberd's history database, through the
// SQLite C API and nothing of the daemon's store code, so what it sees is
// what is on disk.
//
// Test-only; single-threaded.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace limber::test {

struct Cell {
  int type = SQLITE_NULL;  // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL
  std::string text;        // the value as text (blobs as raw bytes)
};
using Row = std::vector<Cell>;

class HistoryDb {
 public:
  HistoryDb() = default;
  ~HistoryDb();
  HistoryDb(const HistoryDb&) = delete;
  HistoryDb& operator=(const HistoryDb&) = delete;

  // Opens an existing database (read-write, so a WAL left by a killed
  // daemon is recovered as a restart would). False, with *err, on failure.
  bool open(const std::string& path, std::string* err);

  // All rows of `sql`; on an error returns nothing and sets last_error().
  std::optional<std::vector<Row>> query(const std::string& sql);
  // The first column of the first row as an integer, or nothing.
  std::optional<int64_t> integer(const std::string& sql);
  std::optional<std::string> text(const std::string& sql);
  const std::string& last_error() const { return error_; }

  // Tables (sqlite_* excluded) and their columns, in schema order.
  std::vector<std::string> tables();
  std::vector<std::string> columns(const std::string& table);

 private:
  sqlite3* db_ = nullptr;
  std::string error_;
};

}  // namespace limber::test
