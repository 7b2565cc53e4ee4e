// The table of every configuration key, and the docs table rendered from it.
#include "limber/config_keys.h"

#include <chrono>

#include "limber/duration.h"

namespace limber {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

KeyDef bool_key(std::string_view name, std::string_view def, std::string_view description) {
  KeyDef k;
  k.name = name;
  k.type = ConfigType::kBool;
  k.default_value = def;
  k.description = description;
  return k;
}

KeyDef int_key(std::string_view name, std::string_view def, int64_t min, int64_t max,
               std::string_view description) {
  KeyDef k = bool_key(name, def, description);
  k.type = ConfigType::kInt;
  k.min_int = min;
  k.max_int = max;
  return k;
}

KeyDef duration_key(std::string_view name, std::string_view def, Duration min, Duration max,
                    std::string_view description) {
  KeyDef k = bool_key(name, def, description);
  k.type = ConfigType::kDuration;
  k.min_duration = min;
  k.max_duration = max;
  return k;
}

KeyDef text_key(std::string_view name, ConfigType type, std::string_view def,
                std::string_view description) {
  KeyDef k = bool_key(name, def, description);
  k.type = type;
  return k;
}

// The data table of every key (tools/check_sizes.py allows its length).
std::vector<KeyDef> build_keys() {
  std::vector<KeyDef> keys;
  KeyDef source = text_key(
      "activity.source", ConfigType::kEnum, "auto",
      "Which backend tells Limber you are active; auto tries mutter, then wayland, then x11.");
  source.choices = {"auto", "mutter", "wayland", "x11"};
  keys.push_back(source);
  keys.push_back(duration_key("activity.idle_grace", "5s", seconds(1), minutes(5),
                              "No keyboard or mouse input for this long makes you idle."));
  keys.push_back(
      duration_key("activity.noise_filter", "1s", seconds(0), seconds(30),
                   "Input must go on this long before you count as active, so a bumped mouse is "
                   "not activity; 0s turns the filter off."));
  keys.push_back(
      duration_key("breaks.ignore_after", "1m", seconds(10), minutes(30),
                   "A prompted break you work through for this much active time counts as "
                   "ignored and returns after its snooze."));
  keys.push_back(
      duration_key("breaks.fold_window", "3m", seconds(0), minutes(30),
                   "A micro-break due this close (in active time) to the rest break is folded "
                   "into the rest break."));
  // The three break kinds share their shape; their defaults follow the
  // evidence summarised in docs/configuration.md.
  keys.push_back(bool_key("micro.enabled", "true", "Remind you to take short micro-breaks."));
  keys.push_back(duration_key("micro.interval", "20m", minutes(1), hours(4),
                              "Active time before a micro-break is due."));
  keys.push_back(duration_key("micro.duration", "30s", seconds(5), minutes(10),
                              "How long a micro-break lasts."));
  keys.push_back(duration_key("micro.snooze", "3m", seconds(30), hours(2),
                              "Active time before a postponed or ignored micro-break comes back."));
  keys.push_back(int_key("micro.max_postpones", "3", 0, 20,
                         "How many times one due micro-break may be postponed; 0 allows none."));
  keys.push_back(bool_key("micro.allow_skip", "true", "Whether you may skip a micro-break."));

  keys.push_back(
      bool_key("rest.enabled", "true", "Remind you to take rest breaks away from the screen."));
  keys.push_back(duration_key("rest.interval", "55m", minutes(5), hours(8),
                              "Active time before a rest break is due."));
  keys.push_back(
      duration_key("rest.duration", "5m", seconds(30), hours(1), "How long a rest break lasts."));
  keys.push_back(duration_key("rest.snooze", "5m", seconds(30), hours(2),
                              "Active time before a postponed or ignored rest break comes back."));
  keys.push_back(int_key("rest.max_postpones", "3", 0, 20,
                         "How many times one due rest break may be postponed; 0 allows none."));
  keys.push_back(bool_key("rest.allow_skip", "true", "Whether you may skip a rest break."));

  keys.push_back(
      bool_key("daily.enabled", "false",
               "Suggest stopping once your active time in one day reaches daily.interval."));
  keys.push_back(duration_key("daily.interval", "6h", hours(1), hours(16),
                              "Active time in one day after which Limber suggests stopping."));
  keys.push_back(duration_key("daily.duration", "10m", minutes(1), hours(2),
                              "How long the break suggested by the daily limit lasts."));
  keys.push_back(
      duration_key("daily.snooze", "30m", minutes(1), hours(4),
                   "Active time before a postponed or ignored daily-limit break comes back."));
  keys.push_back(
      int_key("daily.max_postpones", "3", 0, 20,
              "How many times one due daily-limit break may be postponed; 0 allows none."));
  keys.push_back(
      bool_key("daily.allow_skip", "true", "Whether you may skip the daily-limit break."));

  keys.push_back(bool_key("prompt.strict", "false",
                          "Cover every monitor until the break ends, whatever prompt.style says; limberd "
                          "starts limber-tray to do it when none runs. For managed setups."));

  // The ways out of reminders a policy can bound (docs/deploying.md): the
  // daemon refuses a longer pause or a quiet mode it does not allow
  // (policy_bounds.h).
  keys.push_back(duration_key("pause.max", "7d", seconds(0), hours(24 * 7),
                              "Longest pause `limberctl pause` and the tray may start; 0s allows "
                              "no pause. Meant for policy files."));
  keys.push_back(bool_key("quiet.allowed", "true",
                          "Whether quiet mode (prompts held until you turn it off) may be turned "
                          "on. Meant for policy files."));
  keys.push_back(duration_key("quiet.max", "12h", minutes(1), hours(24 * 7),
                              "Quiet mode ends by itself after this long, so it is never left on "
                              "by mistake."));

  keys.push_back(
      text_key("schedule.work_hours", ConfigType::kSchedule, "always",
               "When Limber reminds, e.g. \"mon-fri 09:00-17:30\"; outside these hours nothing "
               "prompts and break timers rest."));
  keys.push_back(
      text_key("schedule.day_starts_at", ConfigType::kClockTime, "04:00",
               "Local time at which a new day starts for the daily limit and statistics, so a "
               "late night counts toward the day it began."));
  keys.push_back(
      bool_key("exercises.floor", "false",
               "Also offer exercises done lying or kneeling on the floor (cat-cow, bridge, plank, "
               "...)."));
  KeyDef equipment =
      text_key("exercises.equipment", ConfigType::kWordList, "",
               "Equipment you have at your desk, e.g. \"band\"; exercises that need other "
               "equipment are not offered.");
  equipment.choices = {"band", "dumbbells"};
  keys.push_back(equipment);
  keys.push_back(text_key("exercises.excluded", ConfigType::kWordList, "",
                          "Exercise ids never to offer, comma-separated (e.g. because of an "
                          "injury), as the exercise catalog names them."));
  keys.push_back(text_key("exercises.favourites", ConfigType::kWordList, "",
                          "Exercise ids to offer more often, comma-separated; they still take "
                          "turns with the others."));
  keys.push_back(text_key("exercises.allowed", ConfigType::kWordList, "",
                          "If not empty, only these exercise ids are ever offered (comma-separated); "
                          "meant for policy files that restrict the catalog."));
  // Reminders by desktop notification and do not disturb
  // (docs/notifications.md).
  KeyDef style = text_key(
      "prompt.style", ConfigType::kEnum, "auto",
      "How a due break is shown: window (the tray's prompt window), notification (a desktop "
      "notification only) or auto (a notification while you type, the window when you pause). "
      "With no tray running Limber always reminds by notification.");
  style.choices = {"auto", "window", "notification"};
  keys.push_back(style);
  keys.push_back(bool_key("prompt.sound", "false",
                          "Play the desktop's \"bell\" sound with a reminder; off means reminders "
                          "are silent."));
  keys.push_back(bool_key("dnd.fullscreen", "true",
                          "Hold reminders while a fullscreen window is focused (X11)."));
  keys.push_back(bool_key("dnd.inhibitors", "true",
                          "Hold reminders while an application keeps the session from going idle "
                          "(a video, a presentation)."));
  keys.push_back(bool_key("dnd.desktop", "true",
                          "Hold reminders while the desktop's own do-not-disturb is on (GNOME, KDE "
                          "Plasma, dunst)."));
  keys.push_back(bool_key("dnd.calls", "false",
                          "Hold reminders while a microphone or camera is in use (a PipeWire audio or "
                          "video capture stream is running: a call). Needs pw-dump (pipewire-bin)."));
  keys.push_back(
      int_key("checklist.recheck_days", "90", 7, 730,
              "Days after a desk-setup checklist was answered before Limber suggests checking "
              "it again."));
  keys.push_back(int_key("history.retention_days", "400", 1, 3650,
                         "Days of break history kept; older records are deleted."));
  // Fleet reporting (docs/deploying.md, docs/privacy.md) is the
  // organisation's to turn on: a user cannot opt a machine into it.
  KeyDef report = bool_key(
      "report.enabled", "false",
      "Write a daily aggregate of your breaks and active time (no names, no times of day) to "
      "report.spool_dir for the organisation's fleet metrics.");
  report.system_only = true;
  keys.push_back(report);
  KeyDef spool = text_key("report.spool_dir", ConfigType::kPath, "/var/lib/limber/spool",
                          "Directory the daily aggregate is written to, as UID/report.json (your user id; "
                          "root makes UID/ for you); limber-fleet-export reads it.");
  spool.system_only = true;
  keys.push_back(spool);
  return keys;
}

std::string type_name(const KeyDef& def) {
  switch (def.type) {
    case ConfigType::kBool:
      return "boolean";
    case ConfigType::kInt:
      return "integer";
    case ConfigType::kDuration:
      return "duration";
    case ConfigType::kEnum:
      return "choice";
    case ConfigType::kSchedule:
      return "work schedule";
    case ConfigType::kClockTime:
      return "time of day";
    case ConfigType::kWordList:
      return "list";
    case ConfigType::kPath:
      return "path";
  }
  return "";
}

bool is_string_type(ConfigType type) {
  return type != ConfigType::kBool && type != ConfigType::kInt;
}

std::string allowed_values(const KeyDef& def) {
  switch (def.type) {
    case ConfigType::kBool:
      return "`true`, `false`";
    case ConfigType::kInt:
      return std::to_string(def.min_int) + " to " + std::to_string(def.max_int);
    case ConfigType::kDuration:
      return format_duration(def.min_duration) + " to " + format_duration(def.max_duration);
    case ConfigType::kEnum: {
      std::string text;
      for (std::string_view c : def.choices)
        text += (text.empty() ? "" : ", ") + ("`\"" + std::string(c) + "\"`");
      return text;
    }
    case ConfigType::kSchedule:
      return "see [Work hours](#work-hours)";
    case ConfigType::kClockTime:
      return "`\"00:00\"` to `\"23:59\"`";
    case ConfigType::kWordList: {
      if (def.choices.empty()) return "comma-separated ids";
      std::string text = "comma-separated, from";
      for (size_t i = 0; i < def.choices.size(); ++i)
        text += (i == 0 ? " `" : ", `") + std::string(def.choices[i]) + "`";
      return text;
    }
    case ConfigType::kPath:
      return "an absolute path";
  }
  return "";
}

}  // namespace

const std::vector<KeyDef>& config_keys() {
  static const std::vector<KeyDef> keys = build_keys();
  return keys;
}

const KeyDef* find_config_key(std::string_view name) {
  for (const KeyDef& def : config_keys()) {
    if (def.name == name) return &def;
  }
  return nullptr;
}

std::string render_config_reference() {
  std::string out =
      "| Key | Type | Default | Allowed values | Description |\n"
      "|-----|------|---------|----------------|-------------|\n";
  for (const KeyDef& def : config_keys()) {
    const std::string quote = is_string_type(def.type) ? "\"" : "";
    out += "| `" + std::string(def.name) + "` | " + type_name(def) + " | `" + quote +
           std::string(def.default_value) + quote + "` | " + allowed_values(def) + " | " +
           std::string(def.description) +
           (def.system_only ? " *Site file or policy only.*" : "") + " |\n";
  }
  return out;
}

}  // namespace limber
