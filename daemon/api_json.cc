#include "api_json.h"

#include <cstdio>

namespace limber {

using rpc::Json;

std::string iso_local_time(WallTime t, const Clock& clock) {
  const LocalTime l = clock.local(t);
  const long offset_min = static_cast<long>(std::chrono::duration_cast<std::chrono::minutes>(l.utc_offset).count());
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d%c%02ld:%02ld",
                static_cast<int>(l.date.year()), static_cast<unsigned>(l.date.month()),
                static_cast<unsigned>(l.date.day()), l.minute_of_day / 60, l.minute_of_day % 60,
                l.second, offset_min < 0 ? '-' : '+', std::labs(offset_min) / 60, std::labs(offset_min) % 60);
  return buf;
}

int64_t whole_seconds(Duration d) { return std::chrono::duration_cast<std::chrono::seconds>(d).count(); }

namespace {

std::string_view phase_name(BreakStatus::Phase p) {
  switch (p) {
    case BreakStatus::Phase::kWaiting: return "waiting";
    case BreakStatus::Phase::kDue: return "due";
    case BreakStatus::Phase::kSnoozed: return "snoozed";
    case BreakStatus::Phase::kDone: return "done";
  }
  return "waiting";
}

}  // namespace

protocol::BreakState break_state(const BreakStatus& b, const BreakRule& rule) {
  protocol::BreakState s;
  s.kind = std::string(to_string(b.kind));
  s.enabled = b.enabled;
  s.phase = std::string(phase_name(b.phase));
  s.active_s = whole_seconds(b.accrued);
  s.until_due_s = whole_seconds(b.until_due);
  s.interval_s = whole_seconds(rule.interval);
  s.duration_s = whole_seconds(rule.duration);
  s.postpones_left = b.postpones_left;
  s.can_skip = rule.allow_skip;
  return s;
}

protocol::DaemonStatus engine_status(const EngineStatus& s, const EngineConfig& rules, const Clock& clock) {
  protocol::DaemonStatus out;
  out.mode = std::string(to_string(s.mode));
  out.active = s.active;
  out.locked = s.locked;
  out.quiet = s.quiet;
  if (s.paused_until) out.paused_until = iso_local_time(*s.paused_until, clock);
  out.active_today_s = whole_seconds(s.active_today);
  for (const BreakStatus& b : s.breaks) out.breaks.push_back(break_state(b, rules.rule(b.kind)));
  return out;
}

protocol::BreakEvent break_event(const EngineEvent& e, const EngineConfig& rules, const Clock& clock) {
  protocol::BreakEvent out;
  out.id = e.id;
  out.kind = std::string(to_string(e.brk));
  out.at = iso_local_time(e.wall, clock);
  out.duration_s = whole_seconds(rules.rule(e.brk).duration);
  if (e.kind == EventKind::kBreakEnded) {
    out.outcome = std::string(to_string(e.outcome));
    if (e.outcome == Outcome::kPostponed) out.postponed_s = whole_seconds(e.amount);
  }
  return out;
}

Json day_stats_json(const DayStats& day, const Clock& clock) {
  Json breaks = Json::object();
  for (BreakKind k : {BreakKind::kMicro, BreakKind::kRest, BreakKind::kDaily}) {
    const BreakCounts& c = day.of(k);
    breaks[std::string(to_string(k))] = Json{{"due", c.due},         {"taken", c.taken},
                                            {"postponed", c.postponed}, {"skipped", c.skipped},
                                            {"ignored", c.ignored},   {"cancelled", c.cancelled},
                                            {"natural", c.natural}};
  }
  const std::string start = iso_local_time(day.start, clock);
  return Json{{"date", start.substr(0, 10)},
              {"start", start},
              {"active_s", whole_seconds(day.active)},
              {"breaks", std::move(breaks)}};
}

}  // namespace limber
