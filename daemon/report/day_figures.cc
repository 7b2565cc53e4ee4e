#include "report/day_figures.h"

#include <chrono>

#include "engine/events.h"

namespace limber::report {

DayFigures day_figures(const DayStats& day, std::string date) {
  DayFigures f;
  f.date = std::move(date);
  f.active_s = std::chrono::duration_cast<std::chrono::seconds>(day.active).count();
  for (BreakKind k : {BreakKind::kMicro, BreakKind::kRest, BreakKind::kDaily}) {
    const std::optional<size_t> kind = kind_index(to_string(k));
    if (!kind) continue;
    const BreakCounts& c = day.of(k);
    BreakTally& t = f.breaks[*kind];
    t[*outcome_index("due")] = c.due;
    t[*outcome_index("taken")] = c.taken;
    t[*outcome_index("natural")] = c.natural;
    t[*outcome_index("postponed")] = c.postponed;
    t[*outcome_index("skipped")] = c.skipped;
    t[*outcome_index("ignored")] = c.ignored;
    t[*outcome_index("cancelled")] = c.cancelled;
  }
  return f;
}

}  // namespace limber::report
