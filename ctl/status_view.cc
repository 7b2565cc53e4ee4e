// Status for people and for status bars: see status_view.h.
#include "status_view.h"

#include <algorithm>

#include "limber/i18n.h"
#include "limber/protocol.h"
#include "output_format.h"

namespace limber::ctl {

using protocol::BreakState;
using protocol::DaemonStatus;
using protocol::DueBreak;
using protocol::ExerciseRef;
using rpc::Json;

namespace {

// printf-style "%s" replaced by `arg`: translated sentences keep their
// own word order.
std::string with(const char* format, const std::string& arg) {
  std::string out = format;
  if (const size_t at = out.find("%s"); at != std::string::npos) out.replace(at, 2, arg);
  return out;
}

// The enabled break that comes next (waiting or postponed), or null.
const BreakState* next_break(const DaemonStatus& status) {
  const BreakState* best = nullptr;
  for (const BreakState& b : status.breaks) {
    if (!b.enabled || (b.phase != "waiting" && b.phase != "snoozed")) continue;
    if (best == nullptr || b.until_due_s < best->until_due_s) best = &b;
  }
  return best;
}

std::string mode_line(const DaemonStatus& s, const std::string& today) {
  std::string line = mode_name(s.mode);
  if (s.mode == "paused" && s.paused_until) {
    line += with(_(" until %s"), human_time(*s.paused_until, today));
  } else if (s.mode == "quiet") {
    std::string held_by;
    for (const std::string& h : s.held_by) held_by += (held_by.empty() ? "" : ", ") + h;
    line += held_by.empty() ? _(" (do not disturb: prompts wait until quiet ends)")
                            : with(_(" (prompts held by: %s)"), held_by);
  } else if (s.mode == "off-hours") {
    line += _(" (outside your work hours: nothing prompts)");
  }
  if (s.locked) {
    line += _("; screen locked");
  } else {
    line += s.active ? _("; you are active") : _("; you are idle");
  }
  return line;
}

std::string due_text(const DueBreak& due) {
  const int64_t duration = due.state.duration_s;
  std::string text = break_name(due.state.kind) + " #" + std::to_string(due.id) + " (" +
                     human_duration(duration) + ")";
  if (due.held) return text + _(", held until quiet mode ends");
  if (due.started) {
    // TRANSLATORS: {done} and {total} are lengths of time, e.g. "2m 10s".
    std::string running = _(", running: {done} of {total}");
    if (const size_t at = running.find("{done}"); at != std::string::npos)
      running.replace(at, 6, human_duration(due.progress_s));
    if (const size_t at = running.find("{total}"); at != std::string::npos)
      running.replace(at, 7, human_duration(duration));
    return text + running;
  }
  if (due.prompt == "notification") text += _(", shown as a notification");
  if (due.prompt == "window") text += _(", shown in the tray's window");
  return text + _(", waiting for you: limberctl break start | postpone | skip");
}

std::string next_in(const BreakState& b) {
  std::string next = b.phase == "due"    ? _("due now")
                     : b.phase == "done" ? _("done for today")
                                         : human_duration(b.until_due_s);
  if (b.phase == "snoozed") next += _(" (postponed)");
  return next;
}

std::string status_text_body(const DaemonStatus& s) {
  const std::string today = local_date_today();
  Table facts({_("Mode:"), mode_line(s, today)});
  facts.add({_("Active today:"), human_duration(s.active_today_s)});
  facts.add({_("Activity from:"), s.source.empty() ? _("none") : s.source});
  facts.add({_("Tray:"), s.tray_connected ? _("connected") : _("not running")});
  if (!s.config_errors.empty()) {
    const unsigned long n = s.config_errors.size();
    // TRANSLATORS: a row of limberctl status when limberd found broken or
    // refused configuration files; doctor lists them with file and line.
    facts.add({_("Settings:"), fill_in(P_("{count} file problem, see `limberctl doctor`",
                                          "{count} file problems, see `limberctl doctor`", n),
                                       {{"count", std::to_string(n)}})});
  }
  if (s.due) facts.add({_("Due now:"), due_text(*s.due)});
  if (s.due && !s.due->exercises.empty()) {
    std::string names;
    for (const ExerciseRef& e : s.due->exercises) names += (names.empty() ? "" : ", ") + (e.name.empty() ? e.id : e.name);
    facts.add({_("Exercises:"), names});
  }
  // TRANSLATORS: column heads of limberctl status's table of breaks.
  Table breaks({_("BREAK"), _("NEXT IN"), _("ACTIVE"), _("EVERY"), _("LASTS"), _("POSTPONES LEFT")});
  for (const BreakState& b : s.breaks) {
    if (!b.enabled) {
      breaks.add({kind_word(b.kind), _("off")});
      continue;
    }
    breaks.add({kind_word(b.kind), next_in(b), human_duration(b.active_s), human_duration(b.interval_s),
                human_duration(b.duration_s), std::to_string(b.postpones_left)});
  }
  return facts.render() + "\n" + breaks.render();
}

// The shortest useful countdown for a status bar: "12m", "45s", "1h 5m".
std::string bar_duration(int64_t seconds) {
  if (seconds >= 3600) return human_duration(seconds);
  return seconds >= 60 ? std::to_string((seconds + 59) / 60) + "m" : std::to_string(seconds) + "s";
}

int percent(int64_t part, int64_t whole) {
  if (whole <= 0) return 0;
  return static_cast<int>(std::clamp<int64_t>(part * 100 / whole, 0, 100));
}

}  // namespace

std::string break_name(const std::string& kind) {
  if (kind == "micro") return _("micro-break");
  if (kind == "rest") return _("rest-break");
  return kind == "daily" ? _("daily limit") : kind + "-break";
}

std::string kind_word(const std::string& kind) {
  // TRANSLATORS: limberctl status, first column: the kind of break.
  if (kind == "micro") return _("micro");
  if (kind == "rest") return _("rest");
  if (kind == "daily") return _("daily");
  return kind;
}

std::string mode_name(const std::string& mode) {
  // TRANSLATORS: limberctl status, the mode (the JSON output stays English).
  if (mode == "working") return _("working");
  if (mode == "quiet") return _("quiet");
  if (mode == "paused") return _("paused");
  if (mode == "off-hours") return _("off-hours");
  return mode;
}

Json waybar_json(const Json& status) {
  const DaemonStatus s = protocol::daemon_status_from_json(status);
  const std::string today = local_date_today();
  std::string text, css_class = s.mode;
  int pct = 0;
  std::string tooltip = "Limber: " + mode_line(s, today);
  if (s.due) {
    const DueBreak& due = *s.due;
    css_class = "due";
    text = due.started ? "break " + bar_duration(std::max<int64_t>(due.state.duration_s - due.progress_s, 0))
                       : due.state.kind + " break";
    pct = percent(due.progress_s, due.state.duration_s);
    tooltip += "\nDue now: " + due_text(due);
  } else if (s.mode == "paused") {
    text = s.paused_until ? "paused until " + human_time(*s.paused_until, today) : "paused";
  } else if (s.mode == "quiet") {
    text = "quiet";
  } else if (s.mode == "off-hours") {
    text = "off";
  }
  if (const BreakState* next = next_break(s); next != nullptr && text.empty()) {
    text = next->kind + " " + bar_duration(next->until_due_s);
    pct = percent(next->active_s, next->interval_s);
  }
  if (text.empty()) text = "no breaks";
  for (const BreakState& b : s.breaks) {
    if (!b.enabled || b.phase == "due") continue;
    tooltip += "\n" + break_name(b.kind) + ": " +
               (b.phase == "done" ? std::string("done for today") : "in " + human_duration(b.until_due_s));
  }
  tooltip += "\nActive today: " + human_duration(s.active_today_s);
  return Json{{"text", text}, {"tooltip", tooltip}, {"class", css_class}, {"percentage", pct}};
}

std::string status_text(const Json& status) {
  return status_text_body(protocol::daemon_status_from_json(status));
}

}  // namespace limber::ctl
