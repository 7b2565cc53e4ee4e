// The typed model of limberd's protocol messages (docs/protocol.md): one
// struct per message shape, each with one to_json and one from_json, used
// by limberd to write them and by limberctl and the tray to read them. A
// JSON key is spelled only here.
//
// from_json() is lenient the way a view must be: a missing member keeps its
// default (an older daemon), unknown members are ignored (a newer one).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "limber/jsonrpc.h"

namespace limber::protocol {

// An exercise shown with a due break.
struct ExerciseRef {
  std::string id;
  std::string name;
  int64_t duration_s = 0;
  std::string illustration;  // file name under the data dir's illustrations/
};

// One break kind's timer: an entry of status.breaks.
struct BreakState {
  std::string kind;              // micro, rest, daily
  bool enabled = true;
  std::string phase = "waiting"; // waiting, due, snoozed, done
  int64_t active_s = 0;          // active time accrued toward it
  int64_t until_due_s = 0;
  int64_t interval_s = 0;
  int64_t duration_s = 0;
  int postpones_left = 0;
  bool can_skip = false;
};

// The break that is due: status.due, and the params of break.due and
// break.prompt. Everything a view needs to show its prompt.
struct DueBreak {
  BreakState state;
  uint64_t id = 0;
  std::string at;             // when it fell due, local ISO time ("" if unknown)
  bool requested = false;     // the user asked for it (break.now)
  bool started = false;       // its countdown has begun
  bool held = false;          // held by quiet or do-not-disturb
  int64_t progress_s = 0;
  std::string prompt = "window";  // window or notification
  bool strict = false;  // prompt.strict: the window covers every monitor and cannot be closed
  std::vector<ExerciseRef> exercises;
};

// break.progress: once a second while a break's countdown runs.
struct BreakProgress {
  uint64_t id = 0;
  std::string kind;
  int64_t progress_s = 0;
  int64_t duration_s = 0;
  bool counting = true;  // false while the user is active (countdown paused)
};

// break.started and break.ended.
struct BreakEvent {
  uint64_t id = 0;
  std::string kind;
  std::string at;
  int64_t duration_s = 0;
  std::string outcome;      // break.ended only: taken, postponed, skipped, ignored, cancelled
  int64_t postponed_s = 0;  // with outcome postponed
  std::vector<ExerciseRef> exercises;  // those shown with it
};

struct HistoryHealth {
  bool ok = true;
  std::string problem;        // every problem in one line; empty when ok
  uint64_t unwritten = 0;     // records kept in memory until writing works
  std::string moved_aside;    // where a damaged history was moved this run
  std::string prune_problem;  // pruning fails: retention is not enforced
};

// The result of `status` and the params of state.changed.
struct DaemonStatus {
  std::string mode;  // working, paused, outside_hours…
  bool active = false;
  bool locked = false;
  bool quiet = false;  // the user's own quiet (do-not-disturb shows in held_by)
  std::optional<std::string> paused_until;
  int64_t active_today_s = 0;
  std::vector<BreakState> breaks;
  std::optional<DueBreak> due;
  std::string source;
  bool tray_connected = false;
  std::string history;
  HistoryHealth history_health;
  std::vector<std::string> held_by;
  // The configuration errors of the last load ("file:line: key: why"):
  // a file refused, or kept at its last good copy, until a reload finds it good.
  std::vector<std::string> config_errors;
};

rpc::Json to_json(const ExerciseRef& e);
rpc::Json to_json(const BreakState& b);
rpc::Json to_json(const DueBreak& d);
rpc::Json to_json(const BreakProgress& p);
rpc::Json to_json(const BreakEvent& e);
rpc::Json to_json(const DaemonStatus& s);

ExerciseRef exercise_ref_from_json(const rpc::Json& j);
BreakState break_state_from_json(const rpc::Json& j);
DueBreak due_break_from_json(const rpc::Json& j);
BreakProgress break_progress_from_json(const rpc::Json& j);
BreakEvent break_event_from_json(const rpc::Json& j);
DaemonStatus daemon_status_from_json(const rpc::Json& j);

}  // namespace limber::protocol
