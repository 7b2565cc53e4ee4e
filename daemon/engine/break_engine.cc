#include "break_engine.h"

#include "engine_kinds.h"

#include <algorithm>
#include <initializer_list>

namespace limber {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

// How late a deadline poll may find input and still count it as continuing
// activity (see input()).
constexpr Duration kPollSlack = seconds(1);

// Wall-clock steps smaller than this are drift corrections, not jumps.
constexpr Duration kClockJumpThreshold = seconds(2);

using engine_detail::kAllKinds;

void keep_earliest(std::optional<MonoTime>* best, MonoTime t) {
  if (!*best || t < **best) *best = t;
}

Duration wall_minus_mono(const Clock& clock) {
  return clock.wall().time_since_epoch() - clock.mono().time_since_epoch();
}

}  // namespace

BreakEngine::BreakEngine(EngineConfig config, const Clock& clock)
    : config_(std::move(config)),
      clock_(clock),
      now_(clock.mono()),
      wall_offset_(wall_minus_mono(clock)),
      last_input_(now_),
      idle_since_(now_),
      credited_until_(now_) {
  mode_ = compute_mode(now_);
  day_ = day_number(now_);
}

WallTime BreakEngine::wall_at(MonoTime t) const {
  return WallTime{t.time_since_epoch() + wall_offset_};
}

// --- activity ---------------------------------------------------------------

void BreakEngine::input(MonoTime at) {
  // Input within the grace of the last one means the user never went idle,
  // even when it is reported after the grace ran out. The daemon learns of
  // input by asking its source when a deadline comes, and wakes a little
  // after it: input from that moment is not a return from idleness.
  const bool in_time = active_ && !locked_ && !asleep_ && at > last_input_ &&
                       at <= last_input_ + config_.idle_grace + kPollSlack;
  if (in_time) last_input_ = at;
  if (at > now_) step_to(at);
  if (locked_ || asleep_) return;  // typing a password is not work
  if (active_) {
    if (at > last_input_) last_input_ = at;
    credit_active(last_input_);
    return;
  }
  if (at <= idle_since_) return;  // before the idle run began: already accounted
  if (!candidate_start_ || at - candidate_last_ > config_.idle_grace) {
    candidate_start_ = at;
    candidate_last_ = at;
  } else {
    candidate_last_ = std::max(candidate_last_, at);
  }
  if (candidate_last_ - *candidate_start_ >= config_.noise_filter) {
    become_active(*candidate_start_, now_);
  }
}

void BreakEngine::session(SessionEvent event) {
  step_to(std::max(now_, clock_.mono()));
  switch (event) {
    case SessionEvent::kLock:
      locked_ = true;
      break;
    case SessionEvent::kSleep:
      asleep_ = true;
      break;
    case SessionEvent::kUnlock:
      locked_ = false;
      return;
    case SessionEvent::kWake:
      asleep_ = false;
      return;
  }
  // Lock and sleep end activity at once, without waiting for the grace.
  candidate_start_.reset();
  if (active_) go_idle(last_input_, now_);
}

void BreakEngine::become_active(MonoTime since, MonoTime now) {
  active_ = true;
  last_input_ = candidate_last_;
  credited_until_ = since;
  candidate_start_.reset();
  emit(EventKind::kBecameActive, now, BreakKind::kMicro, 0, Outcome::kNone, now - since);
  for (BreakKind k : kAllKinds) {
    Timer& t = timer(k);
    if (t.phase == Phase::kDue && t.started && !t.paused) {
      t.paused = true;
      emit(EventKind::kBreakPaused, now, k, t.id);
    }
  }
  credit_active(last_input_);
}

void BreakEngine::go_idle(MonoTime since, MonoTime now) {
  active_ = false;
  idle_since_ = since;
  emit(EventKind::kBecameIdle, now, BreakKind::kMicro, 0, Outcome::kNone, now - since);
  for (BreakKind k : kAllKinds) {
    Timer& t = timer(k);
    if (t.phase != Phase::kDue) continue;
    // The grace period already was idle time: count it toward the countdown.
    t.progress += now - std::max(since, t.prompted_at);
    if (!t.started) emit(EventKind::kBreakStarted, now, k, t.id);
    if (t.paused) emit(EventKind::kBreakResumed, now, k, t.id);
    t.started = true;
    t.paused = false;
  }
}

void BreakEngine::credit_active(MonoTime until) {
  if (until <= credited_until_) return;
  const Duration d = until - credited_until_;
  credited_until_ = until;
  add_active(d, std::max(until, now_));
}

void BreakEngine::add_active(Duration d, MonoTime at) {
  active_today_ += d;
  active_total_ += d;
  if (mode_ != Mode::kWorking && mode_ != Mode::kQuiet) return;  // timers rest
  for (BreakKind k : kAllKinds) {
    Timer& t = timer(k);
    if (!config_.rule(k).enabled || t.phase == Phase::kDone) continue;
    t.accrued += d;
    if (t.phase == Phase::kSnoozed) t.snooze_accrued += d;
    if (t.phase == Phase::kDue && !t.held) t.due_active += d;
  }
  for (BreakKind k : kAllKinds) {
    const Timer& t = timer(k);
    if (t.phase == Phase::kDue && !t.held && t.due_active >= config_.ignore_after) {
      end_break(k, Outcome::kIgnored, at);
    }
  }
  try_prompt(at);
}

// --- time -------------------------------------------------------------------

void BreakEngine::advance() {
  const Duration offset = wall_minus_mono(clock_);
  const Duration jump = offset - wall_offset_;
  if (jump > kClockJumpThreshold || jump < -kClockJumpThreshold) {
    // Durations run on the monotonic clock, so a jump changes nothing but
    // the local time used for work hours and the day boundary.
    wall_offset_ = offset;
    emit(EventKind::kClockChanged, now_, BreakKind::kMicro, 0, Outcome::kNone, jump);
    update_mode(now_);
    check_day(now_);
  }
  step_to(std::max(now_, clock_.mono()));
}

void BreakEngine::step_to(MonoTime target) {
  for (;;) {
    const std::optional<MonoTime> next = next_internal_event();
    if (!next || *next > target) break;
    const MonoTime t = std::max(*next, now_);
    accrue_progress(now_, t);
    now_ = t;
    handle_time_events(t);
  }
  accrue_progress(now_, target);
  now_ = target;
}

void BreakEngine::accrue_progress(MonoTime from, MonoTime to) {
  if (active_ || to <= from) return;
  for (BreakKind k : kAllKinds) {
    Timer& t = timer(k);
    if (t.phase == Phase::kDue) t.progress += to - from;
  }
}

std::optional<MonoTime> BreakEngine::next_internal_event() const {
  std::optional<MonoTime> next;
  if (active_) keep_earliest(&next, last_input_ + config_.idle_grace);
  if (candidate_start_) keep_earliest(&next, candidate_last_ + config_.idle_grace);
  if (!active_) {
    for (BreakKind k : {BreakKind::kMicro, BreakKind::kRest}) {
      if (due_break()) break;
      const Timer& t = timer(k);
      const bool has_time = t.accrued > Duration{0} || t.phase == Phase::kSnoozed;
      if (config_.rule(k).enabled && t.phase != Phase::kDue && has_time) {
        keep_earliest(&next, idle_since_ + config_.rule(k).duration);
      }
    }
    for (BreakKind k : kAllKinds) {
      const Timer& t = timer(k);
      if (t.phase == Phase::kDue) keep_earliest(&next, now_ + (config_.rule(k).duration - t.progress));
    }
  }
  if (pause_kind_ == PauseKind::kFor) keep_earliest(&next, pause_end_mono_);
  if (pause_kind_ == PauseKind::kUntil) {
    keep_earliest(&next, now_ + std::max(Duration{0}, pause_end_wall_ - wall_at(now_)));
  }
  const LocalTime local = clock_.local(wall_at(now_));
  if (auto change = config_.schedule.until_change(local)) keep_earliest(&next, now_ + *change);
  int to_day_start = config_.day_start_minute - local.minute_of_day;
  if (to_day_start <= 0) to_day_start += 24 * 60;
  keep_earliest(&next, now_ + minutes(to_day_start) - seconds(local.second));
  return next;
}

void BreakEngine::handle_time_events(MonoTime t) {
  if (active_ && t >= last_input_ + config_.idle_grace) go_idle(last_input_, t);
  if (candidate_start_ && t >= candidate_last_ + config_.idle_grace) candidate_start_.reset();

  if (!active_) {
    for (BreakKind k : kAllKinds) {
      const Timer& tm = timer(k);
      if (tm.phase == Phase::kDue && tm.progress >= config_.rule(k).duration) {
        end_break(k, Outcome::kTaken, t);
      }
    }
    // Natural breaks: away for at least a break's duration resets its timer.
    // The rest break is checked first because it also resets the micro-break.
    // While a break is due, its own countdown accounts for the time away.
    for (BreakKind k : {BreakKind::kRest, BreakKind::kMicro}) {
      if (due_break()) break;
      const Timer& tm = timer(k);
      const bool has_time = tm.accrued > Duration{0} || tm.phase == Phase::kSnoozed;
      if (config_.rule(k).enabled && tm.phase != Phase::kDue && has_time &&
          t - idle_since_ >= config_.rule(k).duration) {
        emit(EventKind::kNaturalBreak, t, k, 0, Outcome::kNone, t - idle_since_);
        reset_timer(k);
        if (k == BreakKind::kRest && timer(BreakKind::kMicro).phase != Phase::kDue) {
          reset_timer(BreakKind::kMicro);
        }
      }
    }
  }

  if (pause_kind_ == PauseKind::kFor && t >= pause_end_mono_) pause_kind_ = PauseKind::kNone;
  if (pause_kind_ == PauseKind::kUntil && wall_at(t) >= pause_end_wall_) {
    pause_kind_ = PauseKind::kNone;
  }
  check_day(t);
  update_mode(t);
}

std::optional<MonoTime> BreakEngine::next_deadline() const {
  std::optional<MonoTime> next = next_internal_event();
  // Moments at which fresh activity information could change something:
  // the daemon asks its source for the last input then. Each is asked once:
  // one already past was asked and found nothing new (a bumped key, a user
  // who stopped just short of a break), and arming it again would spin
  // until the internal events (the end of the grace) settle it.
  auto ask_at = [this, &next](MonoTime t) {
    if (t > now_) keep_earliest(&next, t);
  };
  if (candidate_start_) ask_at(*candidate_start_ + 2 * config_.noise_filter);
  if (active_ && (mode_ == Mode::kWorking || mode_ == Mode::kQuiet)) {
    for (BreakKind k : kAllKinds) {
      const Timer& t = timer(k);
      const BreakRule& rule = config_.rule(k);
      if (!rule.enabled) continue;
      Duration left{-1};
      if (t.phase == Phase::kWaiting) left = rule.interval - t.accrued;
      if (t.phase == Phase::kSnoozed) left = rule.snooze - t.snooze_accrued;
      if (t.phase == Phase::kDue && !t.held) left = config_.ignore_after - t.due_active;
      // Past when the last poll credited input just short of the break:
      // ask again a second later rather than at once.
      const MonoTime when = credited_until_ + left <= now_ ? now_ + kPollSlack : credited_until_ + left;
      if (left > Duration{0}) ask_at(when);
    }
  }
  if (next && *next <= now_) next = now_ + Duration{1};
  return next;
}

bool BreakEngine::wants_input_promptly() const { return !active_ && !candidate_start_; }

// --- modes ------------------------------------------------------------------

void BreakEngine::emit(EventKind kind, MonoTime t, BreakKind brk, uint64_t id, Outcome outcome,
                       Duration amount) {
  EngineEvent e;
  e.at = t;
  e.wall = wall_at(t);
  e.kind = kind;
  e.brk = brk;
  e.id = id;
  e.outcome = outcome;
  e.mode = mode_;
  e.amount = amount;
  if (id != 0) e.requested = timer(brk).requested;
  events_.push_back(e);
}

std::vector<EngineEvent> BreakEngine::take_events() {
  std::vector<EngineEvent> out;
  out.swap(events_);
  return out;
}

EngineStatus BreakEngine::status() const {
  EngineStatus s;
  s.mode = mode_;
  s.active = active_;
  s.locked = locked_ || asleep_;
  s.quiet = quiet_;
  if (pause_kind_ == PauseKind::kFor) s.paused_until = wall_at(pause_end_mono_);
  if (pause_kind_ == PauseKind::kUntil) s.paused_until = pause_end_wall_;
  s.active_today = active_today_;
  s.active_total = active_total_;
  for (BreakKind k : kAllKinds) {
    const Timer& t = timer(k);
    const BreakRule& rule = config_.rule(k);
    BreakStatus& b = s.breaks[static_cast<size_t>(k)];
    b.kind = k;
    b.enabled = rule.enabled;
    b.phase = static_cast<BreakStatus::Phase>(static_cast<int>(t.phase));
    b.accrued = t.accrued;
    if (t.phase == Phase::kWaiting) b.until_due = std::max(Duration{0}, rule.interval - t.accrued);
    if (t.phase == Phase::kSnoozed) b.until_due = std::max(Duration{0}, rule.snooze - t.snooze_accrued);
    b.id = t.id;
    b.started = t.started;
    b.held = t.held;
    b.progress = t.progress;
    b.postpones_left = std::max(0, rule.max_postpones - t.postpones);
  }
  return s;
}

}  // namespace limber
