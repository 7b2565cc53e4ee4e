// The command table and every command's --help text. The texts are the
// reference for limberctl's behaviour; keep them in step with the code.
// They are marked for translation here (N_) and translated where they are
// printed (limberctl_main.cc).
#include "commands.h"
#include "limber/i18n.h"

namespace limber::ctl {

namespace {

// TRANSLATORS: `limberctl status --help`. Commands, options, keys and what the user types stay.
constexpr const char* kStatusHelp = N_(R"(Usage: limberctl status [--format human|json|waybar]

Shows what limberd is doing: the mode (working, quiet, paused, off-hours),
whether you are active, your active time today, the activity source, whether
the tray is connected, the break that is due (with the exercises chosen for
it), and for each kind of break how long until it is due, your active time
toward it, how often it comes, how long it lasts and how many postpones are
left.

Options:
  --format human    aligned text for a person (the default)
  --format json     the daemon's status object as it is (same as --json)
  --format waybar   one line of JSON for a waybar or i3status-rust custom
                    module: {"text", "tooltip", "class", "percentage"}.
                    class is the mode, or "due" while a break is due;
                    percentage is the way toward the next break, or through
                    the running break.

Example waybar module:
  "custom/limber": {"exec": "limberctl status --format waybar",
                    "return-type": "json", "interval": 10}
)");

// TRANSLATORS: `limberctl break --help`. Commands, options, keys and what the user types stay.
constexpr const char* kBreakHelp = N_(R"(Usage: limberctl break now [micro|rest|daily]
       limberctl break start | postpone | skip

Acts on breaks.

  now [KIND]   take a break now although none is due (a rest break unless
               KIND says otherwise); it becomes the due break
  start        start the countdown of the due break (you step away)
  postpone     snooze the due break; it comes back after the snooze time,
               at most `micro.max_postpones` / `rest.max_postpones` times
  skip         drop the due break, if the settings (or your organisation's
               policy) allow skipping

Prints what changed; with --json, the daemon's new status. Fails (exit 1,
with the daemon's reason) when no break is due, or when postponing or
skipping is not allowed.
)");

// TRANSLATORS: `limberctl pause --help`. Commands, options, keys and what the user types stay.
constexpr const char* kPauseHelp = N_(R"(Usage: limberctl pause DURATION
       limberctl pause until HH:MM
       limberctl pause until-tomorrow

Pauses break reminders. Nothing prompts and break timers do not run until
the pause ends or you resume.

  DURATION         e.g. 30m, 1h30m, 2h (at most 7 days); `pause for 30m`
                   works too
  until HH:MM      until that local time; a time already past today means
                   tomorrow
  until-tomorrow   until the day starts again (schedule.day_starts_at)

See also: limberctl resume, limberctl quiet.
)");

// TRANSLATORS: `limberctl resume --help`. Commands, options, keys and what the user types stay.
constexpr const char* kResumeHelp = N_(R"(Usage: limberctl resume

Ends a pause at once: break timers run and reminders come again.
)");

// TRANSLATORS: `limberctl quiet --help`. Commands, options, keys and what the user types stay.
constexpr const char* kQuietHelp = N_(R"(Usage: limberctl quiet on|off

Quiet mode (do not disturb) holds prompts instead of showing them: a break
that falls due while quiet is on is shown when you turn quiet off. Unlike
pause, the timers keep running.
)");

// TRANSLATORS: `limberctl config --help`. Commands, options, keys and what the user types stay.
constexpr const char* kConfigHelp = N_(R"(Usage: limberctl config get KEY
       limberctl config set KEY VALUE
       limberctl config list
       limberctl config explain KEY
       limberctl config validate FILE

Reads and changes Limber's settings. Settings come in layers, lowest first:
built-in defaults, /etc/limber/limber.toml (site), your
~/.config/limber/limber.toml, and /etc/limber/policy.d/*.toml (managed by
your organisation: those keys are locked). docs/configuration.md lists
every key.

  get KEY          print the effective value (just the value, for scripts)
  set KEY VALUE    write VALUE into your own settings file; the daemon
                   applies it at once. Values are written as in the
                   defaults: 25m, true, 3, 09:00. A key managed by your
                   organisation cannot be set (exit 1).
  list             every key with its value, the layer it comes from, and
                   whether it is managed
  explain KEY      where the value comes from (file and line), what it
                   overrides, whether it is locked, its default, the values
                   it accepts and what it means
  validate FILE    check a settings file without the daemon: every problem
                   with its line number. Exit status 0: valid (warnings
                   allowed); 1: errors found; 2: usage error.
)");

// TRANSLATORS: `limberctl stats --help`. Commands, options, keys and what the user types stay.
constexpr const char* kStatsHelp =
    N_(R"(Usage: limberctl stats [--since SPAN | --from DATE [--to DATE]]
                       [--format table|csv|json]

Shows your history per day: active time, and for each kind of break how
many were due, taken, postponed, skipped, ignored or cancelled, and the
natural breaks (times you stepped away long enough on your own). Days begin
at schedule.day_starts_at.

  --since SPAN      the last SPAN days including today: 7d (the default),
                    30d, 4w
  --from DATE       first day, like 2026-11-01
  --to DATE         last day (default: today)
  --format table    aligned table with a total row (the default)
  --format csv      one row per day; columns date, active_s, then
                    KIND_COUNTER for KIND in micro, rest, daily and COUNTER
                    in due, taken, postponed, skipped, ignored, cancelled,
                    natural
  --format json     the daemon's answer as it is (same as --json)
)");

// TRANSLATORS: `limberctl exercises --help`. Commands, options, keys and what the user types stay.
constexpr const char* kExercisesHelp = N_(R"(Usage: limberctl exercises [list]
       limberctl exercises show ID

  list       every exercise in the catalogue: id, name, position, time,
             the body areas it targets, and whether it is offered with
             breaks under your exercises.* settings
  show ID    one exercise in full: steps, holds, repetitions, cautions,
             when to stop, and its source
)");

// TRANSLATORS: `limberctl checklist --help`. Commands, options, keys and what the user types stay.
constexpr const char* kChecklistHelp = N_(R"(Usage: limberctl checklist [list]
       limberctl checklist show ID
       limberctl checklist run ID

Desk-setup checklists (screen, keyboard, chair, light, ...).

  list       every checklist with its score, when you last went through it
             and whether a re-check is due (checklist.recheck_days)
  show ID    the questions and your last answers
  run ID     go through the checklist in the terminal. For each question it
             shows why it matters and the numbers to aim for; answer
               y   yes          n   no (shows how to fix it)
               na  does not apply to you
               s   skip (leave it unanswered; also an empty line)
               q   quit (answers so far are kept)
             Each answer is saved as you give it. At the end: your score
             and the list of things to fix. With --json the questions go to
             stderr and the final checklist to stdout.
)");

// TRANSLATORS: `limberctl watch --help`. Commands, options, keys and what the user types stay.
constexpr const char* kWatchHelp = N_(R"(Usage: limberctl watch [EVENT...] [--count N]

Prints the daemon's notifications as they happen, one line each, prefixed
with the local time; with --json, each notification as one JSON-RPC line.
Without EVENTs, all of them:

  state.changed    mode, activity or break timers changed
  break.due        a break is due (with the exercises chosen for it and
                   how it is shown: notification or the tray's window)
  break.prompt     the due break is now shown another way (you paused
                   after a notification, a tray came or went)
  break.started    its countdown started
  break.progress   once a second while a break counts down
  break.ended      with its outcome: taken, postponed, skipped, ignored,
                   cancelled
  config.changed   settings changed (the keys)

  --count N   exit after N notifications

Runs until interrupted (Ctrl-C). Exit status 3 when the daemon goes away.
)");

// TRANSLATORS: `limberctl doctor --help`. Commands, options, keys and what the user types stay.
constexpr const char* kDoctorHelp = N_(R"(Usage: limberctl doctor

Checks that Limber can work and says what to fix:
  daemon          limberd answers on its socket (version, protocol)
  activity        the activity source it uses to see when you work
  history         where the history is recorded
  tray            whether limber-tray is connected
  config          your settings, the site defaults and every managed
                  policy file are valid (checked here, with line numbers)
  notifications   a desktop notification server is on the session bus
                  (org.freedesktop.Notifications), or starts on demand

Each line starts with ok, note or problem. Exit status 0 when nothing needs
fixing, 1 when something does, 3 when limberd is not running.
)");

// TRANSLATORS: `limberctl report --help`. Commands, options, keys and what the user types stay.
constexpr const char* kReportHelp = N_(R"(Usage: limberctl report [show]

Shows what Limber reports to your organisation. Reporting is off unless
your organisation turns it on with a policy (report.enabled); you cannot
turn it on yourself. When it is on, limberd writes a daily aggregate of
your breaks to the spool directory (report.spool_dir) as UID/report.json,
and the machine's limber-fleet-export adds it up with the other users' for
the organisation's metrics.

Prints whether reporting is on and which policy file turned it on, the
report file, when it was last written and the report itself: the exact
JSON written (when reporting is off, what would be written). It holds the
date, active time and per kind of break the counts due, taken, natural,
postponed, skipped, ignored and cancelled, for today so far and the last
complete day, your desk-checklist scores with the date you answered, and
the Limber version. Never your name, your machine's name, the exercises
or any time of day.

With --json, the daemon's answer as it is: {"enabled", "enabled_by",
"layer", "spool_dir", "file", "last_written", "problem", "report"}.
)");

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"status", N_("what limberd is doing and when the next breaks come"), kStatusHelp,
       run_status},
      {"break", N_("take a break now, or start, postpone or skip the due one"), kBreakHelp,
       run_break},
      {"pause", N_("pause reminders for a while, until a time or until tomorrow"), kPauseHelp,
       run_pause},
      {"resume", N_("end a pause"), kResumeHelp, run_resume},
      {"quiet", N_("turn do-not-disturb on or off"), kQuietHelp, run_quiet},
      {"stats", N_("your breaks and active time per day"), kStatsHelp, run_stats},
      {"config", N_("get, set, list, explain or validate settings"), kConfigHelp, run_config},
      {"exercises", N_("list the exercises, or show one"), kExercisesHelp, run_exercises},
      {"checklist", N_("desk-setup checklists: list, show, or run one here"), kChecklistHelp,
       run_checklist},
      {"watch", N_("follow the daemon's notifications"), kWatchHelp, run_watch},
      {"doctor", N_("check that everything Limber needs is in place"), kDoctorHelp, run_doctor},
      {"report", N_("what is reported to your organisation (usually nothing)"), kReportHelp,
       run_report},
  };
  return table;
}

const Command* find_command(std::string_view name) {
  for (const Command& c : commands()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace limber::ctl
