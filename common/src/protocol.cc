#include "limber/protocol.h"

namespace limber::protocol {

using rpc::Json;

namespace {

template <typename T>
T member(const Json& j, const char* key, T fallback) {
  if (!j.is_object()) return fallback;
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  try {
    return it->get<T>();
  } catch (const Json::exception&) {
    return fallback;  // a member of another type: a view shows the default
  }
}

void put_state(const BreakState& b, Json* j) {
  (*j)["kind"] = b.kind;
  (*j)["enabled"] = b.enabled;
  (*j)["phase"] = b.phase;
  (*j)["active_s"] = b.active_s;
  (*j)["until_due_s"] = b.until_due_s;
  (*j)["interval_s"] = b.interval_s;
  (*j)["duration_s"] = b.duration_s;
  (*j)["postpones_left"] = b.postpones_left;
  (*j)["can_skip"] = b.can_skip;
}

Json exercises_json(const std::vector<ExerciseRef>& exercises) {
  Json out = Json::array();
  for (const ExerciseRef& e : exercises) out.push_back(to_json(e));
  return out;
}

std::vector<ExerciseRef> exercises_from_json(const Json& j) {
  std::vector<ExerciseRef> out;
  if (j.is_object() && j.contains("exercises") && j["exercises"].is_array()) {
    for (const Json& e : j["exercises"]) out.push_back(exercise_ref_from_json(e));
  }
  return out;
}

}  // namespace

Json to_json(const ExerciseRef& e) {
  return Json{{"id", e.id}, {"name", e.name}, {"duration_s", e.duration_s}, {"illustration", e.illustration}};
}

Json to_json(const BreakState& b) {
  Json j = Json::object();
  put_state(b, &j);
  return j;
}

Json to_json(const DueBreak& d) {
  Json j = Json::object();
  put_state(d.state, &j);
  j["id"] = d.id;
  if (!d.at.empty()) j["at"] = d.at;
  j["requested"] = d.requested;
  j["started"] = d.started;
  j["held"] = d.held;
  j["progress_s"] = d.progress_s;
  j["prompt"] = d.prompt;
  j["strict"] = d.strict;
  j["exercises"] = exercises_json(d.exercises);
  return j;
}

Json to_json(const BreakProgress& p) {
  return Json{{"id", p.id},
              {"kind", p.kind},
              {"progress_s", p.progress_s},
              {"duration_s", p.duration_s},
              {"counting", p.counting}};
}

Json to_json(const BreakEvent& e) {
  Json j{{"id", e.id}, {"kind", e.kind}, {"at", e.at}, {"duration_s", e.duration_s}};
  if (!e.outcome.empty()) {
    j["outcome"] = e.outcome;
    if (e.outcome == "postponed") j["postponed_s"] = e.postponed_s;
  }
  if (!e.exercises.empty()) j["exercises"] = exercises_json(e.exercises);
  return j;
}

Json to_json(const DaemonStatus& s) {
  Json breaks = Json::array();
  for (const BreakState& b : s.breaks) {
    Json one = to_json(b);
    if (b.phase == "due" && s.due && s.due->state.kind == b.kind) {
      // The due break's entry also says which break it is and how far along.
      one["id"] = s.due->id;
      one["started"] = s.due->started;
      one["held"] = s.due->held;
      one["progress_s"] = s.due->progress_s;
    }
    breaks.push_back(std::move(one));
  }
  return Json{{"mode", s.mode},
              {"active", s.active},
              {"locked", s.locked},
              {"quiet", s.quiet},
              {"paused_until", s.paused_until ? Json(*s.paused_until) : Json(nullptr)},
              {"active_today_s", s.active_today_s},
              {"breaks", std::move(breaks)},
              {"due", s.due ? to_json(*s.due) : Json(nullptr)},
              {"source", s.source},
              {"tray_connected", s.tray_connected},
              {"history", s.history},
              {"history_health", Json{{"ok", s.history_health.ok},
                                      {"problem", s.history_health.problem},
                                      {"unwritten", s.history_health.unwritten},
                                      {"moved_aside", s.history_health.moved_aside},
                                      {"prune_problem", s.history_health.prune_problem}}},
              {"held_by", s.held_by},
              {"config_errors", s.config_errors}};
}

ExerciseRef exercise_ref_from_json(const Json& j) {
  return ExerciseRef{member<std::string>(j, "id", ""), member<std::string>(j, "name", ""),
                     member<int64_t>(j, "duration_s", 0), member<std::string>(j, "illustration", "")};
}

BreakState break_state_from_json(const Json& j) {
  BreakState b;
  b.kind = member<std::string>(j, "kind", "");
  b.enabled = member<bool>(j, "enabled", true);
  b.phase = member<std::string>(j, "phase", "waiting");
  b.active_s = member<int64_t>(j, "active_s", 0);
  b.until_due_s = member<int64_t>(j, "until_due_s", 0);
  b.interval_s = member<int64_t>(j, "interval_s", 0);
  b.duration_s = member<int64_t>(j, "duration_s", 0);
  b.postpones_left = member<int>(j, "postpones_left", 0);
  b.can_skip = member<bool>(j, "can_skip", false);
  return b;
}

DueBreak due_break_from_json(const Json& j) {
  DueBreak d;
  d.state = break_state_from_json(j);
  d.id = member<uint64_t>(j, "id", 0);
  d.at = member<std::string>(j, "at", "");
  d.requested = member<bool>(j, "requested", false);
  d.started = member<bool>(j, "started", false);
  d.held = member<bool>(j, "held", false);
  d.progress_s = member<int64_t>(j, "progress_s", 0);
  d.prompt = member<std::string>(j, "prompt", "window");
  d.strict = member<bool>(j, "strict", false);
  d.exercises = exercises_from_json(j);
  return d;
}

BreakProgress break_progress_from_json(const Json& j) {
  return BreakProgress{member<uint64_t>(j, "id", 0), member<std::string>(j, "kind", ""),
                       member<int64_t>(j, "progress_s", 0), member<int64_t>(j, "duration_s", 0),
                       member<bool>(j, "counting", true)};
}

BreakEvent break_event_from_json(const Json& j) {
  return BreakEvent{member<uint64_t>(j, "id", 0),         member<std::string>(j, "kind", ""),
                    member<std::string>(j, "at", ""),      member<int64_t>(j, "duration_s", 0),
                    member<std::string>(j, "outcome", ""), member<int64_t>(j, "postponed_s", 0),
                    exercises_from_json(j)};
}

DaemonStatus daemon_status_from_json(const Json& j) {
  DaemonStatus s;
  s.mode = member<std::string>(j, "mode", "");
  s.active = member<bool>(j, "active", false);
  s.locked = member<bool>(j, "locked", false);
  s.quiet = member<bool>(j, "quiet", false);
  if (j.is_object() && j.contains("paused_until") && j["paused_until"].is_string()) {
    s.paused_until = j["paused_until"].get<std::string>();
  }
  s.active_today_s = member<int64_t>(j, "active_today_s", 0);
  if (j.is_object() && j.contains("breaks") && j["breaks"].is_array()) {
    for (const Json& b : j["breaks"]) s.breaks.push_back(break_state_from_json(b));
  }
  if (j.is_object() && j.contains("due") && j["due"].is_object()) s.due = due_break_from_json(j["due"]);
  s.source = member<std::string>(j, "source", "");
  s.tray_connected = member<bool>(j, "tray_connected", false);
  s.history = member<std::string>(j, "history", "");
  if (j.is_object() && j.contains("history_health")) {
    const Json& h = j["history_health"];
    s.history_health = HistoryHealth{member<bool>(h, "ok", true), member<std::string>(h, "problem", ""),
                                     member<uint64_t>(h, "unwritten", 0), member<std::string>(h, "moved_aside", ""),
                                     member<std::string>(h, "prune_problem", "")};
  }
  s.held_by = member<std::vector<std::string>>(j, "held_by", {});
  s.config_errors = member<std::vector<std::string>>(j, "config_errors", {});
  return s;
}

}  // namespace limber::protocol
