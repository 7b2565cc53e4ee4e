// `limberctl watch`: subscribes and prints each notification as it comes,
// one line per notification (for a person, or --json lines for scripts),
// until interrupted, until --count notifications were printed, or until the
// daemon goes away (exit 3).
#include <cstdio>

#include "commands.h"
#include "output_format.h"

namespace limber::ctl {

using rpc::Json;

namespace {

std::string break_label(const Json& p) {
  const std::string kind = p.value("kind", "");
  return (kind == "daily" ? std::string("daily limit") : kind + "-break") + " #" +
         std::to_string(p.value("id", 0));
}

// How limberd presents a due break (break.due, break.prompt).
std::string shown_as(const Json& p) {
  const std::string way = p.value("prompt", "");
  return way == "notification" ? " (shown as a notification)"
         : way == "window"     ? " (shown in the tray's window)"
                               : std::string();
}

std::string describe(const RpcNotification& n) {
  const Json& p = n.params;
  if (n.method == "state.changed") {
    std::string text = p.value("mode", "");
    text += p.value("active", false) ? ", active" : ", idle";
    for (const Json& b : p.value("breaks", Json::array())) {
      if (!b.value("enabled", false)) continue;
      const std::string phase = b.value("phase", "");
      text += "; " + b.value("kind", "") + " " +
              (phase == "due"    ? std::string("due")
               : phase == "done" ? std::string("done")
                                 : "in " + human_duration(b.value("until_due_s", int64_t{0})));
    }
    return text;
  }
  if (n.method == "break.due") {
    std::string text =
        break_label(p) + " due (" + human_duration(p.value("duration_s", int64_t{0})) + ")";
    if (p.value("requested", false)) text += ", asked for";
    std::string names;
    for (const Json& e : p.value("exercises", Json::array()))
      names += (names.empty() ? "" : ", ") + e.value("name", "");
    if (!names.empty()) text += ": " + names;
    if (p.contains("prompt")) text += shown_as(p);
    return text;
  }
  if (n.method == "break.prompt") return break_label(p) + " now" + shown_as(p);
  if (n.method == "break.started") return break_label(p) + " started";
  if (n.method == "break.progress") {
    return break_label(p) + " " + human_duration(p.value("progress_s", int64_t{0})) + " of " +
           human_duration(p.value("duration_s", int64_t{0})) +
           (p.value("counting", true) ? "" : " (paused: you are active)");
  }
  if (n.method == "break.ended") {
    std::string text = break_label(p) + " ended: " + p.value("outcome", "");
    if (p.contains("postponed_s"))
      text += " by " + human_duration(p.value("postponed_s", int64_t{0}));
    return text;
  }
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
      return usage_error(ctx, "--count takes a positive number");
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
      std::fprintf(stderr, "limberctl: limberd went away\n");
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
