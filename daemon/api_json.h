// The engine's state and events as protocol messages (limber/protocol.h),
// and the JSON of statistics. The daemon builds every message through these.
#pragma once

#include "engine/break_engine.h"
#include "limber/jsonrpc.h"
#include "limber/protocol.h"
#include "store/day_stats.h"

namespace limber {

// "2026-11-21T14:05:00+01:00" in the user's time zone.
std::string iso_local_time(WallTime t, const Clock& clock);
// Seconds, rounded down, as JSON numbers count them.
int64_t whole_seconds(Duration d);

protocol::BreakState break_state(const BreakStatus& b, const BreakRule& rule);
// The engine's part of the status; the daemon adds its own members.
protocol::DaemonStatus engine_status(const EngineStatus& status, const EngineConfig& rules, const Clock& clock);
// The params of break.started and break.ended.
protocol::BreakEvent break_event(const EngineEvent& e, const EngineConfig& rules, const Clock& clock);
rpc::Json day_stats_json(const DayStats& day, const Clock& clock);

}  // namespace limber
