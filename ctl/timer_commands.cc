// The commands that change the break timers: break, pause, resume, quiet.
// Each answers with the daemon's new status; limberctl says in one line
// what changed (or prints that status with --json).
#include <cstdio>

#include "commands.h"
#include "limber/protocol.h"
#include "output_format.h"

namespace limber::ctl {

using rpc::Json;

namespace {

using protocol::BreakState;
using protocol::DaemonStatus;

// Calls a timer method and prints `done` (or the status as JSON).
int change(CommandContext& ctx, std::string_view method, const Json& params,
           std::string (*describe)(const DaemonStatus& status)) {
  const std::optional<Json> status = ctx.daemon.call(method, params);
  if (!status) return ctx.daemon.exit_code();
  if (ctx.options.json) {
    print_json(*status);
  } else {
    std::printf("%s\n", describe(protocol::daemon_status_from_json(*status)).c_str());
  }
  return kExitOk;
}

std::string due_break(const DaemonStatus& s) {
  if (!s.due) return "No break is due now.";
  const std::string& kind = s.due->state.kind;
  const std::string what = (kind == "daily" ? std::string("The daily limit") : "A " + kind + "-break") + " (" +
                           human_duration(s.due->state.duration_s) + ")";
  if (s.due->held) return what + " is due; it is held until quiet mode ends.";
  if (s.due->started) return what + " is running. Step away from the screen.";
  return what + " is due: start it with `limberctl break start`.";
}

std::string next_breaks(const DaemonStatus& s) {
  std::string out;
  for (const BreakState& b : s.breaks) {
    if (!b.enabled || b.phase == "done") continue;
    out += (out.empty() ? "" : ", ") + b.kind + " in " + human_duration(b.until_due_s);
  }
  return out.empty() ? "no breaks are scheduled" : "next: " + out;
}

std::string paused(const DaemonStatus& s) {
  if (!s.paused_until) return "Breaks are not paused (mode: " + s.mode + ").";
  return "Breaks are paused until " + human_time(*s.paused_until, local_date_today()) +
         ". Resume with `limberctl resume`.";
}

std::string resumed(const DaemonStatus& s) {
  return "Breaks resumed (mode: " + s.mode + "); " + next_breaks(s) + ".";
}

std::string quiet_changed(const DaemonStatus& s) {
  return s.quiet ? "Quiet mode is on: prompts wait until you turn it off with `limberctl quiet off`."
                 : "Quiet mode is off; " + next_breaks(s) + ".";
}

std::string postponed(const DaemonStatus& s) {
  for (const BreakState& b : s.breaks) {
    if (b.phase == "snoozed") {
      return "Postponed: the " + b.kind + "-break comes back in " + human_duration(b.until_due_s) + " (" +
             std::to_string(b.postpones_left) + " postpone(s) left).";
    }
  }
  return "Postponed; " + next_breaks(s) + ".";
}

std::string skipped(const DaemonStatus& s) {
  return "Skipped; " + next_breaks(s) + ".";
}

}  // namespace

int run_break(CommandContext& ctx) {
  std::vector<std::string> words;
  if (!ctx.args.positionals(0, 2, &words)) return usage_error(ctx, ctx.args.error());
  if (words.empty())
    return usage_error(
        ctx, "say what to do: `break now`, `break start`, `break postpone` or `break skip`");
  const std::string& action = words[0];
  if (action == "now") {
    Json params = Json::object();
    if (words.size() == 2) {
      if (words[1] != "micro" && words[1] != "rest" && words[1] != "daily") {
        return usage_error(ctx,
                           "the kind of break is micro, rest or daily, not '" + words[1] + "'");
      }
      params["kind"] = words[1];
    }
    return change(ctx, "break.now", params, due_break);
  }
  if (words.size() != 1) return usage_error(ctx, "unexpected argument '" + words[1] + "'");
  if (action == "start") return change(ctx, "break.start", Json::object(), due_break);
  if (action == "postpone") return change(ctx, "break.postpone", Json::object(), postponed);
  if (action == "skip") return change(ctx, "break.skip", Json::object(), skipped);
  return usage_error(ctx, "unknown action '" + action + "': use now, start, postpone or skip");
}

int run_pause(CommandContext& ctx) {
  std::vector<std::string> words;
  if (!ctx.args.positionals(0, 2, &words)) return usage_error(ctx, ctx.args.error());
  Json params;
  if (words.empty()) {
    return usage_error(ctx,
                       "say how long: `pause 30m`, `pause until 14:00` or `pause until-tomorrow`");
  } else if (words[0] == "until-tomorrow" && words.size() == 1) {
    params = Json{{"until", "tomorrow"}};
  } else if (words[0] == "until" && words.size() == 2) {
    params = Json{{"until", words[1]}};
  } else if (words[0] == "for" && words.size() == 2) {
    params = Json{{"for", words[1]}};
  } else if (words.size() == 1 && words[0] != "until" && words[0] != "for") {
    params = Json{{"for", words[0]}};
  } else {
    return usage_error(ctx,
                       "say how long: `pause 30m`, `pause until 14:00` or `pause until-tomorrow`");
  }
  return change(ctx, "pause", params, paused);
}

int run_resume(CommandContext& ctx) {
  std::vector<std::string> words;
  if (!ctx.args.positionals(0, 0, &words)) return usage_error(ctx, ctx.args.error());
  return change(ctx, "resume", Json::object(), resumed);
}

int run_quiet(CommandContext& ctx) {
  std::vector<std::string> words;
  if (!ctx.args.positionals(0, 1, &words)) return usage_error(ctx, ctx.args.error());
  if (words.empty() || (words[0] != "on" && words[0] != "off"))
    return usage_error(ctx, "say `quiet on` or `quiet off`");
  return change(ctx, "quiet", Json{{"on", words[0] == "on"}}, quiet_changed);
}

}  // namespace limber::ctl
