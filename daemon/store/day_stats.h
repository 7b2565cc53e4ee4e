// Per-day statistics read from the history database, for the statistics
// views (through IPC) and fleet reports.
//
// Day bucketing is the caller's: it passes the instants at which its days
// begin (local day start, e.g. 04:00, converted to UTC with the offset in
// force that day, so a daylight-saving day is 23 or 25 hours long). Rows are
// attributed by one instant each: an activity bucket by its start, a break by
// its due time, a natural break by when it was recorded.
//
// Threading: whatever thread owns the connection.
#pragma once

#include <array>
#include <chrono>
#include <span>
#include <vector>

#include "engine/engine_config.h"
#include "limber/clock.h"
#include "limber/status.h"
#include "store/sqlite_db.h"

namespace limber {

struct BreakCounts {
  int due = 0;  // prompts: every due break, whatever its outcome
  int taken = 0;
  int postponed = 0;
  int skipped = 0;
  int ignored = 0;
  int cancelled = 0;
  int natural = 0;  // idle long enough to count as this break, unprompted

  friend bool operator==(const BreakCounts&, const BreakCounts&) = default;
};

struct DayStats {
  WallTime start{};  // [start, end)
  WallTime end{};
  Duration active{0};
  std::array<BreakCounts, kBreakKinds> breaks{};  // indexed by BreakKind

  BreakCounts& of(BreakKind k) { return breaks[static_cast<size_t>(k)]; }
  const BreakCounts& of(BreakKind k) const { return breaks[static_cast<size_t>(k)]; }
};

// `boundaries` holds n+1 strictly increasing instants; the result has the n
// days [boundaries[i], boundaries[i+1]).
Status read_day_stats(SqliteDb& db, std::span<const WallTime> boundaries,
                      std::vector<DayStats>* out);

// The n+1 boundaries of `days` local days starting with local date `first`,
// each beginning at `day_start_minute` local time, with local = UTC +
// `utc_offset` throughout. A caller whose range spans a daylight-saving
// change computes the boundaries from its Clock instead.
std::vector<WallTime> day_boundaries(std::chrono::sys_days first, int days, int day_start_minute,
                                     Duration utc_offset);

}  // namespace limber
