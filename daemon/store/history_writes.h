// The SQL of one buffered batch (pending_writes.h): each function writes
// one kind of row, inside the caller's transaction (HistoryStore::flush).
#pragma once

#include <deque>
#include <map>

#include "limber/status.h"
#include "store/pending_writes.h"
#include "store/sqlite_db.h"

namespace limber {

inline int64_t unix_ms(WallTime t) { return t.time_since_epoch().count(); }
inline WallTime from_unix_ms(int64_t ms) { return WallTime{Duration{ms}}; }

Status write_break(SqliteDb& db, const BreakWrite& w);
Status write_activity(SqliteDb& db, const std::map<WallTime, Duration>& activity);
Status write_natural_breaks(SqliteDb& db, const std::deque<NaturalBreakRow>& rows);
Status write_timer_state(SqliteDb& db, const TimerStateRow& row);

}  // namespace limber
