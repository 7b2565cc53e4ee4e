// break.start, break.postpone, break.skip, break.now, pause, resume, quiet:
// what the user does to the break timers. Each answers with the status
// after the change.
#include <cstdio>

#include "api/api.h"
#include "api/api_params.h"
#include "daemon_core.h"
#include "limber/duration.h"
#include "limber/policy_bounds.h"

namespace limber::api {

namespace {

using Command = std::function<Status(DaemonCore&, const Params&)>;

// Runs `command`, lets the engine act on it, and answers with the status.
void add_command(DaemonCore& daemon, std::string name, Command command) {
  daemon.dispatcher().add(std::move(name), [&daemon, command](const Params& p, ClientContext&) {
    const Status st = command(daemon, p);
    daemon.loop().wake();
    RpcReply reply = reply_from(st);
    if (!reply.failed) reply.result = protocol::to_json(daemon.status());
    return reply;
  });
}

Status pause_for(DaemonCore& daemon, const std::string& text) {
  Duration length{};
  std::string err;
  if (!parse_duration(text, &length, &err) || length <= Duration{0} || length > std::chrono::hours(24 * 7)) {
    throw ParamError{"parameter 'for' must be a duration like \"30m\" up to 7 days" +
                     (err.empty() ? std::string() : ": " + err)};
  }
  if (Status st = check_pause_allowed(daemon.config(), length); !st) return st;
  daemon.loop().engine().pause_for(length);
  return Status::ok();
}

// "14:00" (said at 15:00: tomorrow) or "tomorrow".
Status pause_until(DaemonCore& daemon, const std::string& until) {
  BreakEngine& engine = daemon.loop().engine();
  if (until == "tomorrow") {
    // A policy's longest pause is checked against the time to the day's start.
    const Clock& c = daemon.clock();
    const LocalTime now = c.local(c.wall());
    const int day_start = daemon.config().get_minute_of_day("schedule.day_starts_at");
    int minutes = day_start - now.minute_of_day;
    if (minutes <= 0) minutes += 24 * 60;
    if (Status st = check_pause_allowed(daemon.config(), std::chrono::minutes(minutes)); !st) return st;
    engine.pause_until_tomorrow();
    return Status::ok();
  }
  int h = -1, m = -1;
  char extra = 0;
  if (std::sscanf(until.c_str(), "%2d:%2d%c", &h, &m, &extra) != 2 || h < 0 || h > 23 || m < 0 || m > 59) {
    throw ParamError{"parameter 'until' must be a time like \"14:00\" or \"tomorrow\""};
  }
  const Clock& clock = daemon.clock();
  const LocalTime now = clock.local(clock.wall());
  int minutes = h * 60 + m - now.minute_of_day;
  if (minutes <= 0) minutes += 24 * 60;
  if (Status st = check_pause_allowed(daemon.config(), std::chrono::minutes(minutes)); !st) return st;
  engine.pause_until(clock.wall() + std::chrono::minutes(minutes) - std::chrono::seconds(now.second));
  return Status::ok();
}

Status pause(DaemonCore& daemon, const Params& p) {
  if (p.has("for") == p.has("until")) throw ParamError{"give either 'for' or 'until'"};
  return p.has("for") ? pause_for(daemon, p.string("for")) : pause_until(daemon, p.string("until"));
}

}  // namespace

void register_break_methods(DaemonCore& daemon) {
  add_command(daemon, "break.start", [](DaemonCore& d, const Params&) { return d.loop().engine().start_break(); });
  add_command(daemon, "break.postpone", [](DaemonCore& d, const Params&) { return d.loop().engine().postpone(); });
  add_command(daemon, "break.skip", [](DaemonCore& d, const Params&) { return d.loop().engine().skip(); });
  add_command(daemon, "break.now", [](DaemonCore& d, const Params& p) {
    return d.loop().engine().take_break_now(p.has("kind") ? break_kind_param(p, "kind") : BreakKind::kRest);
  });
  add_command(daemon, "pause", pause);
  add_command(daemon, "resume", [](DaemonCore& d, const Params&) {
    d.loop().engine().resume();
    return Status::ok();
  });
  add_command(daemon, "quiet", [](DaemonCore& d, const Params& p) {
    const bool on = p.boolean("on");
    if (on) {
      if (Status st = check_quiet_allowed(d.config()); !st) return st;
    }
    d.prompts().set_user_quiet(on, quiet_limit(d.config()));
    return Status::ok();
  });
}

}  // namespace limber::api
