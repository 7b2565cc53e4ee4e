// PendingWrites: what the history store holds in memory until its next
// flush, so that input activity costs no disk write of its own.
//
// It also holds everything a failed flush could not write (disk full,
// read-only file system, I/O error), so the store catches up once writing
// works again. Memory stays bounded: beyond `max_buckets` activity buckets
// the oldest are dropped, beyond `max_natural_breaks` the oldest natural
// breaks are; break rows are never dropped (one per prompt, so they stay
// few even over days).
//
// Pure memory, no I/O. Owned by HistoryStore; one thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/events.h"
#include "limber/clock.h"

namespace limber {

// Activity is summed per interval of this length, aligned to the unix epoch.
inline constexpr Duration kActivityBucket = std::chrono::minutes(5);

// The start of the activity bucket that holds `t`.
WallTime activity_bucket_of(WallTime t);

// One change to the breaks table, applied in the order it was recorded.
struct BreakWrite {
  enum class Op { kDue, kEnded, kExercise };
  Op op = Op::kDue;
  uint64_t engine_id = 0;
  BreakKind kind = BreakKind::kMicro;
  WallTime at{};                     // due time (kDue) or end time (kEnded)
  Outcome outcome = Outcome::kNone;  // kEnded
  Duration postponed{0};             // kEnded with Outcome::kPostponed
  std::string exercise_id;           // kExercise
};

struct NaturalBreakRow {
  BreakKind kind = BreakKind::kMicro;
  WallTime at{};
  Duration idle{0};
};

struct TimerStateRow {
  WallTime saved_at{};
  std::string state;
};

struct PendingWrites {
  size_t max_buckets = 0;
  size_t max_natural_breaks = 0;

  std::vector<BreakWrite> breaks;
  std::map<WallTime, Duration> activity;  // bucket start → active time in it
  std::deque<NaturalBreakRow> natural_breaks;
  std::optional<TimerStateRow> timer_state;
  // Dropped because a flush kept failing; reported in the flush error.
  size_t dropped_buckets = 0;
  size_t dropped_natural_breaks = 0;

  // Credits [start, start + d) to the buckets it overlaps, split at bucket
  // boundaries. A bucket never holds more than kActivityBucket.
  void add_active(WallTime start, Duration d);
  void add_natural_break(NaturalBreakRow row);

  bool empty() const;
  // Records held: break updates, activity buckets, natural breaks and the
  // timer state (0 or 1).
  size_t size() const;
  void clear();
};

}  // namespace limber
