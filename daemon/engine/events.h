// The stream of timestamped events the break engine produces.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "limber/clock.h"
#include "engine_config.h"

namespace limber {

enum class Outcome {
  kNone = 0,
  kTaken,      // the break ran its full duration
  kPostponed,  // the user asked for more time
  kSkipped,    // the user declined it (when the rules allow)
  kIgnored,    // the user kept working through the prompt
  kCancelled,  // withdrawn: pause, end of work hours, or the break was turned off
};

// Why prompts can or cannot be shown right now.
enum class Mode {
  kWorking = 0,  // within work hours, not paused, not quiet
  kQuiet,        // do not disturb: prompts are held until quiet ends
  kPaused,       // the user paused reminders
  kOffHours,     // outside the work-hours schedule
};

enum class EventKind {
  kBecameActive,   // value: when the activity began (before the noise filter confirmed it)
  kBecameIdle,     // value: time of the last input
  kNaturalBreak,   // the user was away long enough: `brk`'s timer reset
  kBreakDue,       // a prompt should be shown for break `id` (again, after quiet)
  kBreakHeld,      // the prompt for `id` is withdrawn until quiet ends
  kBreakStarted,   // the countdown of `id` began
  kBreakPaused,    // activity paused the countdown of `id`
  kBreakResumed,   // the countdown of `id` runs again
  kBreakEnded,     // `id` ended with `outcome`
  kModeChanged,    // `mode` is now in force
  kDayStarted,     // a new day began (daily totals reset)
  kClockChanged,   // the wall clock jumped by `amount` (nothing else changes)
};

struct EngineEvent {
  MonoTime at{};
  WallTime wall{};
  EventKind kind = EventKind::kModeChanged;
  BreakKind brk = BreakKind::kMicro;
  uint64_t id = 0;  // the due break this event is about
  Outcome outcome = Outcome::kNone;
  Mode mode = Mode::kWorking;
  Duration amount{0};  // event-specific: postponed-for, clock jump, idle length…
  bool requested = false;  // a break the user asked for (not due by the rules)

  friend bool operator==(const EngineEvent&, const EngineEvent&) = default;
};

std::string_view to_string(BreakKind k);
// How the log names a break kind: "micro-break", "rest break", "daily limit".
std::string_view break_name(BreakKind k);
std::string_view to_string(Outcome o);
std::string_view to_string(Mode m);
std::string_view to_string(EventKind k);
bool parse_break_kind(std::string_view s, BreakKind* out);

// One line, stable, for logs, the demo and scenario tests; times are shown
// relative to `origin`, e.g. "00:20:00 break.due micro #3".
std::string describe(const EngineEvent& e, MonoTime origin);

}  // namespace limber
