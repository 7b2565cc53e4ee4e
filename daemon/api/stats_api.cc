// stats: activity and breaks per day, from the history.
#include "api/api.h"
#include "api/api_params.h"
#include "api_json.h"
#include "daemon_core.h"

namespace limber::api {

using rpc::Json;

namespace {

constexpr int64_t kMaxDays = 3650;

// The day that is "today" by the user's day boundary.
std::chrono::sys_days current_day(const LocalTime& now, int day_start) {
  std::chrono::sys_days today{now.date};
  if (now.minute_of_day < day_start) today -= std::chrono::days{1};
  return today;
}

RpcReply stats(DaemonCore& daemon, const Params& p) {
  HistoryStore* store = daemon.history().store();
  if (store == nullptr) return RpcReply::fail(rpc::kUnavailable, "no history is recorded (see the daemon's log)");
  const Clock& clock = daemon.clock();
  const int day_start = daemon.config().get_minute_of_day("schedule.day_starts_at");
  const LocalTime now = clock.local(clock.wall());
  const std::chrono::sys_days today = current_day(now, day_start);
  std::chrono::sys_days from = today - std::chrono::days{p.integer_or("days", 7, 1, kMaxDays) - 1};
  std::chrono::sys_days to = today;
  if (p.has("from")) from = date_param(p, "from");
  if (p.has("to")) to = date_param(p, "to");
  if (to < from) throw ParamError{"'to' is before 'from'"};
  const int64_t days = (to - from).count() + 1;
  if (days > kMaxDays) throw ParamError{"at most 3650 days at a time"};
  std::vector<DayStats> rows;
  if (Status st = store->day_stats(day_boundaries(from, static_cast<int>(days), day_start, now.utc_offset), &rows); !st) {
    return RpcReply::fail(rpc::kInternalError, st.message());
  }
  Json out = Json::array();
  for (const DayStats& day : rows) out.push_back(day_stats_json(day, clock));
  return RpcReply::ok(Json{{"days", std::move(out)}});
}

}  // namespace

void register_stats_methods(DaemonCore& daemon) {
  daemon.dispatcher().add("stats", [&daemon](const Params& p, ClientContext&) { return stats(daemon, p); });
}

}  // namespace limber::api
