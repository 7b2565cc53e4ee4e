#include "store/schema_migrations.h"

#include <string>

namespace limber {
namespace {

// Times are unix milliseconds (UTC) throughout, named *_ms; durations are
// milliseconds too. Kinds and outcomes are the stable lowercase names from
// store/store_names.h.
constexpr SchemaMigration kMigrations[] = {
    {1, "create the history schema", R"sql(
CREATE TABLE activity (
  bucket_start_ms INTEGER PRIMARY KEY,  -- start of a 5-minute interval
  active_ms INTEGER NOT NULL            -- active time within it
);
CREATE TABLE breaks (
  id INTEGER PRIMARY KEY,
  engine_id INTEGER NOT NULL,   -- the engine's id; not unique across restarts
  kind TEXT NOT NULL,           -- micro, rest, daily
  due_at_ms INTEGER NOT NULL,
  ended_at_ms INTEGER,          -- NULL while the break is open
  outcome TEXT,                 -- taken, postponed, skipped, ignored, cancelled
  postponed_ms INTEGER NOT NULL DEFAULT 0,
  exercise_id TEXT              -- the exercise shown with the prompt
);
CREATE INDEX breaks_by_engine_id ON breaks(engine_id);
CREATE INDEX breaks_by_due_at ON breaks(due_at_ms);
CREATE TABLE natural_breaks (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,           -- the break whose timer the idle time reset
  at_ms INTEGER NOT NULL,
  idle_ms INTEGER NOT NULL
);
CREATE INDEX natural_breaks_by_at ON natural_breaks(at_ms);
CREATE TABLE timer_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),  -- one row: the latest state
  saved_at_ms INTEGER NOT NULL,
  state TEXT NOT NULL                     -- BreakEngine::serialize()
);
CREATE TABLE checklist_answers (
  checklist_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  answer TEXT NOT NULL,
  answered_at_ms INTEGER NOT NULL,
  PRIMARY KEY (checklist_id, item_id, answered_at_ms)
);
CREATE TABLE meta (
  key TEXT PRIMARY KEY,         -- e.g. last_prune_ms
  value TEXT NOT NULL
);
)sql"},
};

}  // namespace

std::span<const SchemaMigration> schema_migrations() {
  return kMigrations;
}

int latest_schema_version() {
  return schema_migrations().back().version;
}

Status schema_version(SqliteDb& db, int* version) {
  int64_t value = 0;
  Status status = db.query_int64("PRAGMA user_version", &value);
  if (status) *version = static_cast<int>(value);
  return status;
}

Status migrate_to(SqliteDb& db, int target) {
  int current = 0;
  Status status = schema_version(db, &current);
  if (!status) return status;
  if (current > latest_schema_version()) {
    return Status::precondition("history database has schema version " + std::to_string(current) +
                                ", newer than this build of Limber knows (" +
                                std::to_string(latest_schema_version()) +
                                "); it was written by a newer version and is left untouched");
  }
  for (const SchemaMigration& m : schema_migrations()) {
    if (m.version <= current || m.version > target) continue;
    // BEGIN IMMEDIATE takes the write lock up front, so two daemons starting
    // at once cannot both run the same migration.
    status = db.exec("BEGIN IMMEDIATE");
    if (!status) return status;
    int now = 0;
    status = schema_version(db, &now);
    if (status && now < m.version) {
      status = db.exec(m.sql);
      if (status) status = db.exec("PRAGMA user_version = " + std::to_string(m.version));
    }
    if (status) status = db.exec("COMMIT");
    if (!status) {
      if (db.in_transaction()) db.exec("ROLLBACK");
      return Status::error(status.code(), "migration to schema version " +
                                              std::to_string(m.version) + " (" + m.description +
                                              ") failed: " + status.message());
    }
  }
  return Status::ok();
}

}  // namespace limber
