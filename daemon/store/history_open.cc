#include "store/history_open.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "log.h"
#include "store/history_path.h"
#include "store/schema_migrations.h"

namespace limber {
namespace {

// Creates an empty file with mode 0600 if there is none, so that SQLite
// (which copies the database's mode to its -wal and -shm files) never makes
// the history readable by others. An empty file is a valid new database.
Status create_private_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
    return Status::ok();
  }
  if (errno == EEXIST) return Status::ok();
  return Status::io("cannot create " + path + ": " + std::strerror(errno));
}

std::string local_date(WallTime now) {
  const std::time_t t = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  std::tm tm{};
  ::localtime_r(&t, &tm);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
  return text;
}

// Everything but the damage check: file, version, pragmas, schema.
Status open_connection(const std::string& path, int busy_timeout_ms, SqliteDb* db) {
  Status status = create_private_file(path);
  if (status) status = db->open(path);
  if (!status) return status;
  sqlite3_busy_timeout(db->get(), busy_timeout_ms);
  // Check the version before anything that writes (journal_mode=WAL changes
  // the file header): a newer version's database is not ours to touch.
  int version = 0;
  status = schema_version(*db, &version);
  if (status && version > latest_schema_version()) status = migrate(*db);  // refuses, saying why
  if (!status) return status;
  std::string mode;
  status = db->query_text("PRAGMA journal_mode = WAL", &mode);
  if (!status) return status;
  if (mode != "wal") {
    // A file system without shared-memory support (some network mounts):
    // the rollback journal is just as safe, only slower.
    log_warning("history database " + path + ": WAL unavailable, using journal mode " + mode);
  }
  // With WAL, synchronous=NORMAL makes a commit write its frames to the -wal
  // file without an fsync; the fsync comes at checkpoints. A committed
  // transaction is then in the kernel's page cache, which outlives the
  // process: kill -9 loses nothing committed. Only a power loss or kernel
  // crash can roll back the last few commits, and never corrupts the file.
  // cache_size: 256 KiB holds the indexes and the recent rows every query
  // touches; SQLite's 2 MiB default would be a fifth of the daemon's memory.
  status = db->exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -256");
  if (status) status = migrate(*db);
  return status;
}

}  // namespace

std::string HistoryHealth::summary() const {
  if (ok()) return "ok";
  std::string text;
  auto add = [&](const std::string& part) { text += (text.empty() ? "" : "; ") + part; };
  if (!moved_aside.empty()) add("the history file was damaged: moved aside as " + moved_aside + ", a new one started");
  if (!prune_problem.empty()) add("old history is not being deleted (history.retention_days): " + prune_problem);
  if (!write_problem.empty()) add("not written: " + write_problem);
  return text;
}

bool last_error_is_damage(const SqliteDb& db) {
  if (!db.is_open()) return false;
  const int rc = sqlite3_errcode(db.get()) & 0xff;
  return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

std::string quick_check(SqliteDb& db, bool* damaged) {
  *damaged = false;
  SqliteStmt stmt;
  Status status = db.prepare("PRAGMA quick_check(5)", &stmt);
  std::string found;
  while (status && stmt.step(&status)) {
    found += (found.empty() ? "" : "; ") + stmt.column_text(0);
  }
  if (!status) {
    *damaged = last_error_is_damage(db);
    return status.message();
  }
  *damaged = found != "ok";
  return found;
}

Status move_aside_damaged(const std::string& path, WallTime now, std::string* moved_to) {
  namespace fs = std::filesystem;
  const std::string base = path + ".damaged-" + local_date(now);
  std::string target = base;
  std::error_code ec;
  for (int n = 2; fs::exists(target, ec) && n < 100; ++n) target = base + "-" + std::to_string(n);
  if (::rename(path.c_str(), target.c_str()) != 0) {
    return Status::io("cannot move the damaged history " + path + " aside: " + std::strerror(errno));
  }
  // The WAL belongs to the damaged file; the -shm index is rebuilt anyway.
  ::rename((path + "-wal").c_str(), (target + "-wal").c_str());
  ::unlink((path + "-shm").c_str());
  *moved_to = target;
  return Status::ok();
}

Status open_history_db(const std::string& path, int busy_timeout_ms, WallTime now, SqliteDb* out,
                       std::string* moved_aside) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    if (Status st = make_private_dirs(parent.string()); !st) return st;
  }
  SqliteDb db;
  Status status = open_connection(path, busy_timeout_ms, &db);
  std::string problem = status ? std::string() : status.message();
  bool damaged = !status && last_error_is_damage(db);
  if (status) problem = quick_check(db, &damaged);
  if (!damaged) {
    if (!status) return Status::error(status.code(), path + ": " + status.message());
    *out = std::move(db);
    return Status::ok();
  }
  db.close();
  if (Status st = move_aside_damaged(path, now, moved_aside); !st) return st;
  log_error("history database " + path + " is damaged (" + problem + "): moved aside as " + *moved_aside +
            "; starting a new history (the old file is kept for recovery)");
  status = open_connection(path, busy_timeout_ms, &db);
  if (!status) return Status::error(status.code(), path + ": " + status.message());
  *out = std::move(db);
  return Status::ok();
}

}  // namespace limber
