// Status for people and for status bars: see status_view.h.
#include "status_view.h"

#include <algorithm>

#include "output_format.h"

namespace limber::ctl {

using rpc::Json;

namespace {

std::string break_name(const std::string& kind) {
  return kind == "daily" ? "daily limit" : kind + "-break";
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
  std::string line = mode;
  if (mode == "paused" && s["paused_until"].is_string()) {
    line += " until " + human_time(s["paused_until"].get<std::string>(), today);
  } else if (mode == "quiet") {
    std::string held_by;
    for (const Json& h : s.value("held_by", Json::array())) {
      if (h.is_string()) held_by += (held_by.empty() ? "" : ", ") + h.get<std::string>();
    }
    line += held_by.empty() ? " (do not disturb: prompts wait until quiet ends)"
                            : " (prompts held by: " + held_by + ")";
  } else if (mode == "off-hours") {
    line += " (outside your work hours: nothing prompts)";
  }
  if (s.value("locked", false)) {
    line += "; screen locked";
  } else {
    line += s.value("active", false) ? "; you are active" : "; you are idle";
  }
  return line;
}

std::string due_text(const Json& due) {
  const std::string kind = due.value("kind", "");
  const int64_t duration = due.value("duration_s", int64_t{0});
  std::string text = break_name(kind) + " #" + std::to_string(due.value("id", 0)) + " (" +
                     human_duration(duration) + ")";
  if (due.value("held", false)) return text + ", held until quiet mode ends";
  if (due.value("started", false)) {
    return text + ", running: " + human_duration(due.value("progress_s", int64_t{0})) + " of " +
           human_duration(duration);
  }
  const std::string prompt = due.value("prompt", "");
  if (prompt == "notification") text += ", shown as a notification";
  if (prompt == "window") text += ", shown in the tray's window";
  return text + ", waiting for you: limberctl break start | postpone | skip";
}

std::string status_text_body(const Json& s) {
  std::string out;
  const std::string today = local_date_today();
  Table facts({"Mode:", mode_line(s, today)});
  facts.add({"Active today:", human_duration(s.value("active_today_s", int64_t{0}))});
  const std::string source = s.value("source", "");
  facts.add({"Activity from:", source.empty() ? "none" : source});
  facts.add({"Tray:", s.value("tray_connected", false) ? "connected" : "not running"});
  if (s["due"].is_object()) facts.add({"Due now:", due_text(s["due"])});
  if (s["due"].is_object() && s["due"].contains("exercises") && !s["due"]["exercises"].empty()) {
    std::string names;
    for (const Json& e : s["due"]["exercises"]) {
      names += (names.empty() ? "" : ", ") + e.value("name", e.value("id", ""));
    }
    facts.add({"Exercises:", names});
  }
  out += facts.render() + "\n";
  Table breaks({"BREAK", "NEXT IN", "ACTIVE", "EVERY", "LASTS", "POSTPONES LEFT"});
  for (const Json& b : s.value("breaks", Json::array())) {
    const std::string kind = b.value("kind", "");
    if (!b.value("enabled", false)) {
      breaks.add({kind, "off"});
      continue;
    }
    const std::string phase = b.value("phase", "");
    std::string next = phase == "due"    ? "due now"
                       : phase == "done" ? "done for today"
                                         : human_duration(b.value("until_due_s", int64_t{0}));
    if (phase == "snoozed") next += " (postponed)";
    breaks.add({kind, next, human_duration(b.value("active_s", int64_t{0})),
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
