// The JSON shapes of limberd's IPC answers and notifications (documented in
// docs/protocol.md): engine state, events and statistics.
#pragma once

#include "engine/break_engine.h"
#include "limber/jsonrpc.h"
#include "store/day_stats.h"

namespace limber {

// "2026-11-21T14:05:00+01:00" in the user's time zone.
std::string iso_local_time(WallTime t, const Clock& clock);
// Seconds, rounded down, as JSON numbers count them.
int64_t whole_seconds(Duration d);

rpc::Json break_status_json(const BreakStatus& b, const BreakRule& rule);
rpc::Json status_json(const EngineStatus& status, const EngineConfig& rules, const Clock& clock);
// The params of break.* notifications.
rpc::Json break_event_json(const EngineEvent& e, const EngineConfig& rules, const Clock& clock);
rpc::Json day_stats_json(const DayStats& day, const Clock& clock);

}  // namespace limber
