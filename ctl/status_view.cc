// Status for people and for status bars: see status_view.h.
#include "status_view.h"

#include <algorithm>

#include "limber/i18n.h"
#include "output_format.h"

namespace limber::ctl {

using rpc::Json;

namespace {

std::string break_name(const std::string& kind) {
  if (kind == "micro") return _("micro-break");
  if (kind == "rest") return _("rest-break");
  return kind == "daily" ? _("daily limit") : kind + "-break";
}

// The kind of break as the first column of the table shows it.
std::string kind_word(const std::string& kind) {
  // TRANSLATORS: limberctl status, first column: the kind of break.
  if (kind == "micro") return _("micro");
  if (kind == "rest") return _("rest");
  if (kind == "daily") return _("daily");
  return kind;
}

// The protocol's mode word, as the status table shows it.
std::string mode_name(const std::string& mode) {
  // TRANSLATORS: limberctl status, the mode (the JSON output stays English).
  if (mode == "working") return _("working");
  if (mode == "quiet") return _("quiet");
  if (mode == "paused") return _("paused");
  if (mode == "off-hours") return _("off-hours");
  return mode;
}

// printf-style "%s" replaced by `arg`: translated sentences keep their
// own word order.
std::string with(const char* format, const std::string& arg) {
  std::string out = format;
  if (const size_t at = out.find("%s"); at != std::string::npos) out.replace(at, 2, arg);
  return out;
}

// The enabled break that comes next (waiting or postponed), or null.
const Json* next_break(const Json& status) {
  const Json* best = nullptr;
  if (!status.contains("breaks") || !status["breaks"].is_array()) return nullptr;
  for (const Json& b : status["breaks"]) {
    const std::string phase = b.value("phase", "");
    if (!b.value("enabled", false) || (phase != "waiting" && phase != "snoozed")) continue;
    if (best == nullptr ||
        b.value("until_due_s", int64_t{0}) < best->value("until_due_s", int64_t{0}))
      best = &b;
  }
  return best;
}

std::string mode_line(const Json& s, const std::string& today) {
  const std::string mode = s.value("mode", "");
  std::string line = mode_name(mode);
  if (mode == "paused" && s["paused_until"].is_string()) {
    line += with(_(" until %s"), human_time(s["paused_until"].get<std::string>(), today));
  } else if (mode == "quiet") {
    std::string held_by;
    for (const Json& h : s.value("held_by", Json::array())) {
      if (h.is_string()) held_by += (held_by.empty() ? "" : ", ") + h.get<std::string>();
    }
    line += held_by.empty() ? _(" (do not disturb: prompts wait until quiet ends)")
                            : with(_(" (prompts held by: %s)"), held_by);
  } else if (mode == "off-hours") {
    line += _(" (outside your work hours: nothing prompts)");
  }
  if (s.value("locked", false)) {
    line += _("; screen locked");
  } else {
    line += s.value("active", false) ? _("; you are active") : _("; you are idle");
  }
  return line;
}

std::string due_text(const Json& due) {
  const std::string kind = due.value("kind", "");
  const int64_t duration = due.value("duration_s", int64_t{0});
  std::string text = break_name(kind) + " #" + std::to_string(due.value("id", 0)) + " (" +
                     human_duration(duration) + ")";
  if (due.value("held", false)) return text + _(", held until quiet mode ends");
  if (due.value("started", false)) {
    // TRANSLATORS: {done} and {total} are lengths of time, e.g. "2m 10s".
    std::string running = _(", running: {done} of {total}");
    if (const size_t at = running.find("{done}"); at != std::string::npos)
      running.replace(at, 6, human_duration(due.value("progress_s", int64_t{0})));
    if (const size_t at = running.find("{total}"); at != std::string::npos)
      running.replace(at, 7, human_duration(duration));
    return text + running;
  }
  const std::string prompt = due.value("prompt", "");
  if (prompt == "notification") text += _(", shown as a notification");
  if (prompt == "window") text += _(", shown in the tray's window");
  return text + _(", waiting for you: limberctl break start | postpone | skip");
}

std::string status_text_body(const Json& s) {
  std::string out;
  const std::string today = local_date_today();
  Table facts({_("Mode:"), mode_line(s, today)});
  facts.add({_("Active today:"), human_duration(s.value("active_today_s", int64_t{0}))});
  const std::string source = s.value("source", "");
  facts.add({_("Activity from:"), source.empty() ? _("none") : source});
  facts.add({_("Tray:"), s.value("tray_connected", false) ? _("connected") : _("not running")});
  if (s["due"].is_object()) facts.add({_("Due now:"), due_text(s["due"])});
  if (s["due"].is_object() && s["due"].contains("exercises") && !s["due"]["exercises"].empty()) {
    std::string names;
    for (const Json& e : s["due"]["exercises"]) {
      names += (names.empty() ? "" : ", ") + e.value("name", e.value("id", ""));
    }
    facts.add({_("Exercises:"), names});
  }
  out += facts.render() + "\n";
  // TRANSLATORS: column heads of limberctl status's table of breaks.
  Table breaks({_("BREAK"), _("NEXT IN"), _("ACTIVE"), _("EVERY"), _("LASTS"), _("POSTPONES LEFT")});
  for (const Json& b : s.value("breaks", Json::array())) {
    const std::string kind = b.value("kind", "");
    if (!b.value("enabled", false)) {
      breaks.add({kind_word(kind), _("off")});
      continue;
    }
    const std::string phase = b.value("phase", "");
    std::string next = phase == "due"    ? _("due now")
                       : phase == "done" ? _("done for today")
                                         : human_duration(b.value("until_due_s", int64_t{0}));
    if (phase == "snoozed") next += _(" (postponed)");
    breaks.add({kind_word(kind), next, human_duration(b.value("active_s", int64_t{0})),
                human_duration(b.value("interval_s", int64_t{0})),
                human_duration(b.value("duration_s", int64_t{0})),
                std::to_string(b.value("postpones_left", 0))});
  }
  return out + breaks.render();
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

Json waybar_json(const Json& s) {
  const std::string today = local_date_today();
  const std::string mode = s.value("mode", "");
  std::string text, css_class = mode;
  int pct = 0;
  std::string tooltip = "Limber: " + mode_line(s, today);
  if (s["due"].is_object()) {
    const Json& due = s["due"];
    const int64_t duration = due.value("duration_s", int64_t{0});
    const int64_t progress = due.value("progress_s", int64_t{0});
    css_class = "due";
    text = due.value("started", false)
               ? "break " + bar_duration(std::max<int64_t>(duration - progress, 0))
               : due.value("kind", "") + " break";
    pct = percent(progress, duration);
    tooltip += "\nDue now: " + due_text(due);
  } else if (mode == "paused") {
    text = s["paused_until"].is_string()
               ? "paused until " + human_time(s["paused_until"].get<std::string>(), today)
               : "paused";
  } else if (mode == "quiet") {
    text = "quiet";
  } else if (mode == "off-hours") {
    text = "off";
  }
  if (const Json* next = next_break(s)) {
    const std::string kind = next->value("kind", "");
    const int64_t left = next->value("until_due_s", int64_t{0});
    if (text.empty()) {
      text = kind + " " + bar_duration(left);
      pct = percent(next->value("active_s", int64_t{0}), next->value("interval_s", int64_t{0}));
    }
  }
  if (text.empty()) text = "no breaks";
  for (const Json& b : s.value("breaks", Json::array())) {
    if (!b.value("enabled", false) || b.value("phase", "") == "due") continue;
    tooltip += "\n" + break_name(b.value("kind", "")) + ": " +
               (b.value("phase", "") == "done"
                    ? std::string("done for today")
                    : "in " + human_duration(b.value("until_due_s", int64_t{0})));
  }
  tooltip += "\nActive today: " + human_duration(s.value("active_today_s", int64_t{0}));
  return Json{{"text", text}, {"tooltip", tooltip}, {"class", css_class}, {"percentage", pct}};
}

std::string status_text(const Json& status) {
  return status_text_body(status);
}

}  // namespace limber::ctl
