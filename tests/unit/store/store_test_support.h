// Helpers shared by the store's tests: a temporary directory that removes
// itself, engine events built in one line, and reading the database through
// a second connection, the way another process would see it.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "engine/events.h"
#include "store/sqlite_db.h"

namespace limber::store_test {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "limber-store-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// 2024-03-11 09:00:00 UTC, a Monday.
inline WallTime test_day_start() {
  using namespace std::chrono;
  return WallTime{sys_days{year{2024} / March / 11}} + hours{9};
}

inline EngineEvent break_event(EventKind kind, BreakKind brk, uint64_t id, WallTime wall,
                               Outcome outcome = Outcome::kNone, Duration amount = Duration{0}) {
  EngineEvent e;
  e.kind = kind;
  e.brk = brk;
  e.id = id;
  e.wall = wall;
  e.outcome = outcome;
  e.amount = amount;
  return e;
}

// A separate connection to the database at `path`.
inline SqliteDb reader(const std::string& path) {
  SqliteDb db;
  Status status = db.open(path, SQLITE_OPEN_READONLY);
  EXPECT_TRUE(status) << status.message();
  return db;
}

inline int64_t query_int(SqliteDb& db, const std::string& sql) {
  int64_t value = -1;
  Status status = db.query_int64(sql, &value);
  EXPECT_TRUE(status) << sql << ": " << status.message();
  return value;
}

inline std::string query_text(SqliteDb& db, const std::string& sql) {
  std::string value;
  Status status = db.query_text(sql, &value);
  EXPECT_TRUE(status) << sql << ": " << status.message();
  return value;
}

}  // namespace limber::store_test
