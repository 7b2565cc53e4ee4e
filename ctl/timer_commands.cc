// The commands that change the break timers: break, pause, resume, quiet.
// Each answers with the daemon's new status; limberctl says in one line
// what changed (or prints that status with --json).
#include <cstdio>

#include "commands.h"
#include "limber/i18n.h"
#include "limber/protocol.h"
#include "output_format.h"
#include "status_view.h"

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

// The due break as the subject of a sentence: "A micro-break", "The daily
// limit" (one message each: the article depends on the word in many languages).
std::string due_break_subject(const std::string& kind) {
  // TRANSLATORS: the subject of "{break} ({length}) is due…" (limberctl break).
  if (kind == "micro") return _("A micro-break");
  if (kind == "rest") return _("A rest-break");
  if (kind == "daily") return _("The daily limit");
  return "A " + kind + "-break";
}

std::string due_break(const DaemonStatus& s) {
  if (!s.due) return _("No break is due now.");
  const std::string subject = due_break_subject(s.due->state.kind);
  const std::string length = human_duration(s.due->state.duration_s);
  const char* message =
      s.due->held      ? _("{break} ({length}) is due; it is held until quiet mode ends.")
      : s.due->started ? _("{break} ({length}) is running. Step away from the screen.")
                       : _("{break} ({length}) is due: start it with `limberctl break start`.");
  return fill_in(message, {{"break", subject}, {"length", length}});
}

// "next: micro-break in 5m, rest-break in 40m", or that none is scheduled.
std::string next_breaks(const DaemonStatus& s) {
  std::string list;
  for (const BreakState& b : s.breaks) {
    if (!b.enabled || b.phase == "done") continue;
    // TRANSLATORS: one item of "next: …", e.g. "rest-break in 40m".
    const std::string item =
        fill_in(_("{break} in {time}"),
                {{"break", break_name(b.kind)}, {"time", human_duration(b.until_due_s)}});
    list += (list.empty() ? "" : ", ") + item;
  }
  return list.empty() ? _("no breaks are scheduled")
                      : fill_in(_("next: {breaks}"), {{"breaks", list}});
}

std::string paused(const DaemonStatus& s) {
  if (!s.paused_until)
    return fill_in(_("Breaks are not paused (mode: {mode})."), {{"mode", mode_name(s.mode)}});
  return fill_in(_("Breaks are paused until {time}. Resume with `limberctl resume`."),
                 {{"time", human_time(*s.paused_until, local_date_today())}});
}

std::string resumed(const DaemonStatus& s) {
  // TRANSLATORS: {next} is "next: rest-break in 40m" or "no breaks are scheduled".
  return fill_in(_("Breaks resumed (mode: {mode}); {next}."),
                 {{"mode", mode_name(s.mode)}, {"next", next_breaks(s)}});
}

std::string quiet_changed(const DaemonStatus& s) {
  if (s.quiet)
    return _("Quiet mode is on: prompts wait until you turn it off with `limberctl quiet off`.");
  return fill_in(_("Quiet mode is off; {next}."), {{"next", next_breaks(s)}});
}

std::string postponed(const DaemonStatus& s) {
  for (const BreakState& b : s.breaks) {
    if (b.phase != "snoozed") continue;
    const std::string left = std::to_string(b.postpones_left);
    return fill_in(
        P_("Postponed: the {break} comes back in {time} ({count} postpone left).",
           "Postponed: the {break} comes back in {time} ({count} postpones left).",
           b.postpones_left),
        {{"break", break_name(b.kind)}, {"time", human_duration(b.until_due_s)}, {"count", left}});
  }
  return fill_in(_("Postponed; {next}."), {{"next", next_breaks(s)}});
}

std::string skipped(const DaemonStatus& s) {
  return fill_in(_("Skipped; {next}."), {{"next", next_breaks(s)}});
}

}  // namespace

int run_break(CommandContext& ctx) {
  std::vector<std::string> words;
  if (!ctx.args.positionals(0, 2, &words)) return usage_error(ctx, ctx.args.error());
  if (words.empty())
    return usage_error(
        ctx, _("say what to do: `break now`, `break start`, `break postpone` or `break skip`"));
  const std::string& action = words[0];
  if (action == "now") {
    Json params = Json::object();
    if (words.size() == 2) {
      if (words[1] != "micro" && words[1] != "rest" && words[1] != "daily") {
        return usage_error(ctx,
                           fill_in(_("the kind of break is micro, rest or daily, not '{kind}'"),
                                   {{"kind", words[1]}}));
      }
      params["kind"] = words[1];
    }
    return change(ctx, "break.now", params, due_break);
  }
  if (words.size() != 1)
    return usage_error(ctx,
                       fill_in(_("unexpected argument '{argument}'"), {{"argument", words[1]}}));
  if (action == "start") return change(ctx, "break.start", Json::object(), due_break);
  if (action == "postpone") return change(ctx, "break.postpone", Json::object(), postponed);
  if (action == "skip") return change(ctx, "break.skip", Json::object(), skipped);
  return usage_error(ctx, fill_in(_("unknown action '{action}': use now, start, postpone or skip"),
                                  {{"action", action}}));
}

int run_pause(CommandContext& ctx) {
  std::vector<std::string> words;
  if (!ctx.args.positionals(0, 2, &words)) return usage_error(ctx, ctx.args.error());
  const char* how_long =
      _("say how long: `pause 30m`, `pause until 14:00` or `pause until-tomorrow`");
  Json params;
  if (words.empty()) {
    return usage_error(ctx, how_long);
  } else if (words[0] == "until-tomorrow" && words.size() == 1) {
    params = Json{{"until", "tomorrow"}};
  } else if (words[0] == "until" && words.size() == 2) {
    params = Json{{"until", words[1]}};
  } else if (words[0] == "for" && words.size() == 2) {
    params = Json{{"for", words[1]}};
  } else if (words.size() == 1 && words[0] != "until" && words[0] != "for") {
    params = Json{{"for", words[0]}};
  } else {
    return usage_error(ctx, how_long);
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
    return usage_error(ctx, _("say `quiet on` or `quiet off`"));
  return change(ctx, "quiet", Json{{"on", words[0] == "on"}}, quiet_changed);
}

}  // namespace limber::ctl
