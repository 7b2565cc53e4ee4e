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

Json break_status_json(const BreakStatus& b, const BreakRule& rule) {
  Json j{{"kind", to_string(b.kind)},
         {"enabled", b.enabled},
         {"phase", phase_name(b.phase)},
         {"active_s", whole_seconds(b.accrued)},
         {"until_due_s", whole_seconds(b.until_due)},
         {"interval_s", whole_seconds(rule.interval)},
         {"duration_s", whole_seconds(rule.duration)},
         {"postpones_left", b.postpones_left},
         {"can_skip", rule.allow_skip}};
  if (b.phase == BreakStatus::Phase::kDue) {
    j["id"] = b.id;
    j["started"] = b.started;
    j["held"] = b.held;
    j["progress_s"] = whole_seconds(b.progress);
  }
  return j;
}

Json status_json(const EngineStatus& s, const EngineConfig& rules, const Clock& clock) {
  Json breaks = Json::array();
  Json due = nullptr;
  for (const BreakStatus& b : s.breaks) {
    Json one = break_status_json(b, rules.rule(b.kind));
    if (b.phase == BreakStatus::Phase::kDue) due = one;
    breaks.push_back(std::move(one));
  }
  Json j{{"mode", to_string(s.mode)},
         {"active", s.active},
         {"locked", s.locked},
         {"quiet", s.quiet},
         {"paused_until", s.paused_until ? Json(iso_local_time(*s.paused_until, clock)) : Json(nullptr)},
         {"active_today_s", whole_seconds(s.active_today)},
         {"breaks", std::move(breaks)},
         {"due", std::move(due)}};
  return j;
}

Json break_event_json(const EngineEvent& e, const EngineConfig& rules, const Clock& clock) {
  Json j{{"id", e.id},
         {"kind", to_string(e.brk)},
         {"at", iso_local_time(e.wall, clock)},
         {"duration_s", whole_seconds(rules.rule(e.brk).duration)}};
  if (e.kind == EventKind::kBreakDue) j["requested"] = e.requested;
  if (e.kind == EventKind::kBreakEnded) {
    j["outcome"] = to_string(e.outcome);
    if (e.outcome == Outcome::kPostponed) j["postponed_s"] = whole_seconds(e.amount);
  }
  return j;
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
