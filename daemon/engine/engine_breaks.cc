// The engine's schedule and the life of a break: work hours, pause and
// quiet as modes, the day boundary, which break is due, prompting and ending
// a break (break_engine.h).
#include "break_engine.h"
#include "engine_kinds.h"

namespace limber {

using engine_detail::kAllKinds;
using engine_detail::kByPriority;
using std::chrono::minutes;
using std::chrono::seconds;

Mode BreakEngine::compute_mode(MonoTime t) const {
  if (pause_kind_ != PauseKind::kNone) return Mode::kPaused;
  if (!config_.schedule.contains(clock_.local(wall_at(t)))) return Mode::kOffHours;
  if (quiet_) return Mode::kQuiet;
  return Mode::kWorking;
}

void BreakEngine::update_mode(MonoTime t) {
  const Mode mode = compute_mode(t);
  if (mode == mode_) return;
  // The user is active until the grace runs out: credit that time under
  // the rules of the mode that is ending, but prompt only under the new one.
  if (active_) {
    crediting_mode_change_ = true;
    credit_active(t);
    crediting_mode_change_ = false;
  }
  mode_ = mode;
  emit(EventKind::kModeChanged, t);
  for (BreakKind k : kAllKinds) {
    Timer& tm = timer(k);
    if (tm.phase != Phase::kDue) continue;
    if (mode == Mode::kQuiet && !tm.held) {
      tm.held = true;
      emit(EventKind::kBreakHeld, t, k, tm.id);
    } else if (mode == Mode::kWorking && tm.held) {
      tm.held = false;
      tm.due_active = Duration{0};
      emit(EventKind::kBreakDue, t, k, tm.id);
    } else if ((mode == Mode::kPaused || mode == Mode::kOffHours) && !tm.requested) {
      end_break(k, Outcome::kCancelled, t);
    }
  }
  try_prompt(t);
}

int BreakEngine::day_number(MonoTime t) const {
  const LocalTime local = clock_.local(wall_at(t));
  const int days = static_cast<int>(std::chrono::sys_days{local.date}.time_since_epoch().count());
  return local.minute_of_day < config_.day_start_minute ? days - 1 : days;
}

void BreakEngine::check_day(MonoTime t) {
  const int day = day_number(t);
  if (day == day_) return;
  day_ = day;
  if (active_) credit_active(t);
  active_today_ = Duration{0};
  Timer& daily = timer(BreakKind::kDaily);
  if (daily.phase == Phase::kDue) end_break(BreakKind::kDaily, Outcome::kCancelled, t);
  daily = Timer{};
  emit(EventKind::kDayStarted, t);
}

// --- breaks -----------------------------------------------------------------

bool BreakEngine::is_overdue(BreakKind k) const {
  const Timer& t = timer(k);
  const BreakRule& rule = config_.rule(k);
  if (!rule.enabled) return false;
  return (t.phase == Phase::kWaiting && t.accrued >= rule.interval) ||
         (t.phase == Phase::kSnoozed && t.snooze_accrued >= rule.snooze);
}

std::optional<BreakKind> BreakEngine::due_break() const {
  for (BreakKind k : kAllKinds) {
    if (timer(k).phase == Phase::kDue) return k;
  }
  return std::nullopt;
}

bool BreakEngine::folded_into_rest() const {
  const Timer& rest = timer(BreakKind::kRest);
  if (!config_.rest.enabled) return false;
  if (rest.phase == Phase::kDue || rest.phase == Phase::kSnoozed) return true;
  return rest.phase == Phase::kWaiting && config_.rest.interval - rest.accrued <= config_.fold_window;
}

void BreakEngine::try_prompt(MonoTime t) {
  if (mode_ != Mode::kWorking || crediting_mode_change_ || due_break()) return;
  for (BreakKind k : kByPriority) {
    if (!is_overdue(k)) continue;
    if (k == BreakKind::kMicro && folded_into_rest()) continue;
    prompt(k, t, false);
    return;
  }
}

void BreakEngine::prompt(BreakKind k, MonoTime t, bool requested) {
  Timer& tm = timer(k);
  tm.phase = Phase::kDue;
  tm.id = next_id_++;
  tm.started = false;
  tm.paused = false;
  tm.held = false;
  tm.requested = requested;
  tm.progress = Duration{0};
  tm.due_active = Duration{0};
  tm.prompted_at = t;
  emit(EventKind::kBreakDue, t, k, tm.id);
  if (!active_) {  // the user is already away: the countdown runs at once
    tm.started = true;
    emit(EventKind::kBreakStarted, t, k, tm.id);
  }
}

void BreakEngine::reset_timer(BreakKind k) {
  Timer& t = timer(k);
  const bool done = t.phase == Phase::kDone;
  t = Timer{};
  if (done) t.phase = Phase::kDone;
}

void BreakEngine::end_break(BreakKind k, Outcome outcome, MonoTime t) {
  Timer& tm = timer(k);
  const BreakRule& rule = config_.rule(k);
  const bool requested = tm.requested;
  emit(EventKind::kBreakEnded, t, k, tm.id, outcome,
       outcome == Outcome::kPostponed ? rule.snooze : Duration{0});
  switch (outcome) {
    case Outcome::kTaken:
    case Outcome::kSkipped:
      reset_timer(k);
      // A rest break is also a micro-break; the daily limit is once a day.
      if (k == BreakKind::kRest) reset_timer(BreakKind::kMicro);
      if (k == BreakKind::kDaily) timer(k).phase = Phase::kDone;
      break;
    case Outcome::kPostponed:
      tm.phase = Phase::kSnoozed;
      tm.snooze_accrued = Duration{0};
      tm.postpones += 1;
      break;
    case Outcome::kIgnored:
      tm.phase = requested ? Phase::kWaiting : Phase::kSnoozed;
      tm.snooze_accrued = Duration{0};
      break;
    case Outcome::kCancelled:
    case Outcome::kNone:
      tm.phase = Phase::kWaiting;  // still owed: prompted again when allowed
      break;
  }
  tm.id = 0;
  tm.started = tm.paused = tm.held = tm.requested = false;
  tm.progress = tm.due_active = Duration{0};
  try_prompt(t);
}

// --- commands ---------------------------------------------------------------

}  // namespace limber
