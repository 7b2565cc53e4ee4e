#include "store/day_stats.h"

#include "store/store_names.h"

namespace limber {
namespace {

int64_t unix_ms(WallTime t) {
  return t.time_since_epoch().count();
}

void count_outcome(BreakCounts& counts, Outcome outcome, int n) {
  switch (outcome) {
    case Outcome::kTaken:
      counts.taken += n;
      break;
    case Outcome::kPostponed:
      counts.postponed += n;
      break;
    case Outcome::kSkipped:
      counts.skipped += n;
      break;
    case Outcome::kIgnored:
      counts.ignored += n;
      break;
    case Outcome::kCancelled:
      counts.cancelled += n;
      break;
    case Outcome::kNone:
      break;
  }
}

// Adds the breaks one query row at a time: due, and each outcome.
void count_breaks(SqliteStmt& breaks, DayStats* day, Status* status) {
  breaks.bind(1, unix_ms(day->start)).bind(2, unix_ms(day->end));
  while (*status && breaks.step(status)) {
    std::optional<BreakKind> kind = break_kind_from_stored(breaks.column_text(0));
    if (!kind) continue;  // a kind from a newer version: not ours to count
    auto n = static_cast<int>(breaks.column_int64(2));
    BreakCounts& counts = day->of(*kind);
    counts.due += n;
    if (std::optional<Outcome> outcome = outcome_from_stored(breaks.column_text(1))) {
      count_outcome(counts, *outcome, n);
    }
  }
  breaks.reset();
}

}  // namespace

Status read_day_stats(SqliteDb& db, std::span<const WallTime> boundaries,
                      std::vector<DayStats>* out) {
  out->clear();
  for (size_t i = 1; i < boundaries.size(); ++i) {
    if (boundaries[i] <= boundaries[i - 1]) {
      return Status::invalid("day boundaries must be strictly increasing");
    }
  }
  SqliteStmt activity, breaks, natural;
  Status status = db.prepare(
      "SELECT coalesce(sum(active_ms), 0) FROM activity "
      "WHERE bucket_start_ms >= ?1 AND bucket_start_ms < ?2",
      &activity);
  if (status) {
    status = db.prepare(
        "SELECT kind, outcome, count(*) FROM breaks "
        "WHERE due_at_ms >= ?1 AND due_at_ms < ?2 GROUP BY kind, outcome",
        &breaks);
  }
  if (status) {
    status = db.prepare(
        "SELECT kind, count(*) FROM natural_breaks "
        "WHERE at_ms >= ?1 AND at_ms < ?2 GROUP BY kind",
        &natural);
  }
  if (!status) return status;

  for (size_t i = 0; i + 1 < boundaries.size(); ++i) {
    DayStats day;
    day.start = boundaries[i];
    day.end = boundaries[i + 1];

    activity.bind(1, unix_ms(day.start)).bind(2, unix_ms(day.end));
    if (activity.step(&status)) day.active = Duration{activity.column_int64(0)};
    activity.reset();

    count_breaks(breaks, &day, &status);

    natural.bind(1, unix_ms(day.start)).bind(2, unix_ms(day.end));
    while (status && natural.step(&status)) {
      if (std::optional<BreakKind> kind = break_kind_from_stored(natural.column_text(0))) {
        day.of(*kind).natural += static_cast<int>(natural.column_int64(1));
      }
    }
    natural.reset();

    if (!status) return status;
    out->push_back(day);
  }
  return Status::ok();
}

std::vector<WallTime> day_boundaries(std::chrono::sys_days first, int days, int day_start_minute,
                                     Duration utc_offset) {
  std::vector<WallTime> result;
  for (int i = 0; i <= days; ++i) {
    WallTime local_start =
        WallTime{first + std::chrono::days{i}} + std::chrono::minutes{day_start_minute};
    result.push_back(local_start - utc_offset);
  }
  return result;
}

}  // namespace limber
