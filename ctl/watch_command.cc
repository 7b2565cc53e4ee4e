// `limberctl watch`: subscribes and prints each notification as it comes,
// one line per notification (for a person, or --json lines for scripts),
// until interrupted, until --count notifications were printed, or until the
// daemon goes away (exit 3).
#include <cstdio>

#include "commands.h"
#include "limber/i18n.h"
#include "limber/protocol.h"
#include "output_format.h"

namespace limber::ctl {

using rpc::Json;

namespace {

std::string break_label(const std::string& kind, uint64_t id) {
  return (kind == "daily" ? std::string("daily limit") : kind + "-break") + " #" + std::to_string(id);
}

// How limberd presents a due break (break.due, break.prompt).
std::string shown_as(const std::string& way) {
  return way == "notification" ? " (shown as a notification)"
         : way == "window"     ? " (shown in the tray's window)"
                               : std::string();
}

std::string describe_state(const protocol::DaemonStatus& s) {
  std::string text = s.mode + (s.active ? ", active" : ", idle");
  for (const protocol::BreakState& b : s.breaks) {
    if (!b.enabled) continue;
    text += "; " + b.kind + " " +
            (b.phase == "due"    ? std::string("due")
             : b.phase == "done" ? std::string("done")
                                 : "in " + human_duration(b.until_due_s));
  }
  return text;
}

std::string describe_due(const protocol::DueBreak& d) {
  std::string text = break_label(d.state.kind, d.id) + " due (" + human_duration(d.state.duration_s) + ")";
  if (d.requested) text += ", asked for";
  std::string names;
  for (const protocol::ExerciseRef& e : d.exercises) names += (names.empty() ? "" : ", ") + e.name;
  if (!names.empty()) text += ": " + names;
  return text + shown_as(d.prompt);
}

std::string describe_ended(const protocol::BreakEvent& e) {
  std::string text = break_label(e.kind, e.id) + " ended: " + e.outcome;
  if (e.outcome == "postponed") text += " by " + human_duration(e.postponed_s);
  return text;
}

std::string describe(const RpcNotification& n) {
  const Json& p = n.params;
  if (n.method == "state.changed") return describe_state(protocol::daemon_status_from_json(p));
  if (n.method == "break.due") return describe_due(protocol::due_break_from_json(p));
  if (n.method == "break.prompt") {
    const protocol::DueBreak d = protocol::due_break_from_json(p);
    return break_label(d.state.kind, d.id) + " now" + shown_as(d.prompt);
  }
  if (n.method == "break.started") {
    const protocol::BreakEvent e = protocol::break_event_from_json(p);
    return break_label(e.kind, e.id) + " started";
  }
  if (n.method == "break.progress") {
    const protocol::BreakProgress b = protocol::break_progress_from_json(p);
    return break_label(b.kind, b.id) + " " + human_duration(b.progress_s) + " of " + human_duration(b.duration_s) +
           (b.counting ? "" : " (paused: you are active)");
  }
  if (n.method == "break.ended") return describe_ended(protocol::break_event_from_json(p));
  if (n.method == "config.changed") {
    std::string keys;
    for (const Json& k : p.value("keys", Json::array()))
      keys += (keys.empty() ? "" : ", ") + k.get<std::string>();
    return keys.empty() ? "configuration reloaded" : keys;
  }
  return p.dump();
}

}  // namespace

int run_watch(CommandContext& ctx) {
  const std::optional<std::string> count_text = ctx.args.option("--count");
  std::vector<std::string> events;
  if (!ctx.args.positionals(0, 16, &events)) return usage_error(ctx, ctx.args.error());
  long count = 0;
  if (count_text) {
    char* end = nullptr;
    count = std::strtol(count_text->c_str(), &end, 10);
    if (end == count_text->c_str() || *end != '\0' || count < 1) {
      return usage_error(ctx, _("--count takes a positive number"));
    }
  }
  Json params = Json::object();
  if (!events.empty()) params["events"] = events;
  if (!ctx.daemon.call("subscribe", params)) return ctx.daemon.exit_code();

  IpcClient& client = ctx.daemon.client();
  long printed = 0;
  while (count == 0 || printed < count) {
    const std::optional<RpcNotification> n = client.next_notification(std::chrono::seconds(60));
    if (!n) {
      if (client.connected()) continue;  // a quiet minute
      std::fprintf(stderr, "limberctl: %s\n", _("limberd went away"));
      return kExitNotRunning;
    }
    if (ctx.options.json) {
      std::printf("%s\n", rpc::make_notification(n->method, n->params).dump().c_str());
    } else {
      std::printf("%s  %-15s %s\n", local_clock_now().c_str(), n->method.c_str(),
                  describe(*n).c_str());
    }
    std::fflush(stdout);
    ++printed;
  }
  return kExitOk;
}

}  // namespace limber::ctl
