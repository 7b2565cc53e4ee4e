#include "history_db.h"

namespace limber::test {

HistoryDb::~HistoryDb() {
  if (db_ != nullptr) sqlite3_close(db_);
}

bool HistoryDb::open(const std::string& path, std::string* err) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    *err = "cannot open " + path + ": " + (db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory");
    return false;
  }
  sqlite3_busy_timeout(db_, 5000);
  return true;
}

std::optional<std::vector<Row>> HistoryDb::query(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    error_ = sql + ": " + sqlite3_errmsg(db_);
    return std::nullopt;
  }
  std::vector<Row> rows;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    Row row;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      Cell cell;
      cell.type = sqlite3_column_type(stmt, i);
      if (cell.type != SQLITE_NULL) {
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt, i));
        cell.text.assign(bytes != nullptr ? bytes : "", static_cast<size_t>(sqlite3_column_bytes(stmt, i)));
      }
      row.push_back(std::move(cell));
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_DONE) {
    error_ = sql + ": " + sqlite3_errmsg(db_);
    return std::nullopt;
  }
  return rows;
}

std::optional<int64_t> HistoryDb::integer(const std::string& sql) {
  auto rows = query(sql);
  if (!rows || rows->empty() || rows->front().empty() || rows->front()[0].type == SQLITE_NULL) {
    return std::nullopt;
  }
  return std::stoll(rows->front()[0].text);
}

std::optional<std::string> HistoryDb::text(const std::string& sql) {
  auto rows = query(sql);
  if (!rows || rows->empty() || rows->front().empty() || rows->front()[0].type == SQLITE_NULL) {
    return std::nullopt;
  }
  return rows->front()[0].text;
}

std::vector<std::string> HistoryDb::tables() {
  std::vector<std::string> out;
  if (auto rows = query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                        "ORDER BY name")) {
    for (const Row& r : *rows) out.push_back(r[0].text);
  }
  return out;
}

std::vector<std::string> HistoryDb::columns(const std::string& table) {
  std::vector<std::string> out;
  if (auto rows = query("SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid")) {
    for (const Row& r : *rows) out.push_back(r[0].text);
  }
  return out;
}

}  // namespace limber::test
