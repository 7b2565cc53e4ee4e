// The history database's schema, as a list of forward migrations.
//
// The schema version lives in PRAGMA user_version. Migration N takes a
// database from version N-1 to N; each runs in its own transaction together
// with the user_version update, so a database is always at a whole version.
// Migrations are never edited once released: a change to the schema is a new
// migration appended to the list, with its own test in
// tests/unit/store/schema_migrations_test.cc.
//
// Privacy: no table may hold key codes, pointer positions, window titles or
// application names. tests/unit/store/schema_privacy_test.cc lists every
// allowed column, so adding one needs a conscious update there.
//
// Called by HistoryStore::open; tests call migrate_to() to stop at a version.
#pragma once

#include <span>

#include "limber/status.h"
#include "store/sqlite_db.h"

namespace limber {

struct SchemaMigration {
  int version;              // the version the database has after it
  const char* description;  // for logs and error messages
  const char* sql;          // one or more statements
};

std::span<const SchemaMigration> schema_migrations();
// The version a database has after every migration this build knows.
int latest_schema_version();

// Reads PRAGMA user_version.
Status schema_version(SqliteDb& db, int* version);

// Brings `db` forward to `target` (default: the latest). A database already
// at `target` is left alone. A database newer than this build knows is
// refused with an error and never written to.
Status migrate_to(SqliteDb& db, int target);
inline Status migrate(SqliteDb& db) {
  return migrate_to(db, latest_schema_version());
}

}  // namespace limber
