// The user's commands to the break engine: start, take now, postpone and
// skip a break, pause and resume, quiet, and new rules (break_engine.h).
#include "break_engine.h"
#include "engine_kinds.h"

namespace limber {

using engine_detail::kAllKinds;
using std::chrono::minutes;
using std::chrono::seconds;

Status BreakEngine::start_break() {
  advance();
  const auto k = due_break();
  if (!k) return Status::precondition("no break is due");
  Timer& t = timer(*k);
  t.due_active = Duration{0};
  if (!t.started) {
    t.started = true;
    emit(EventKind::kBreakStarted, now_, *k, t.id);
  }
  return Status::ok();
}

Status BreakEngine::take_break_now(BreakKind kind) {
  advance();
  if (const auto k = due_break()) {
    if (*k != kind) {
      return Status::precondition("a " + std::string(to_string(*k)) +
                                  " break is already due: start that one");
    }
    return start_break();
  }
  prompt(kind, now_, true);
  Timer& t = timer(kind);
  if (!t.started) {
    t.started = true;
    emit(EventKind::kBreakStarted, now_, kind, t.id);
  }
  return Status::ok();
}

Status BreakEngine::postpone() {
  advance();
  const auto k = due_break();
  if (!k) return Status::precondition("no break is due");
  const Timer& t = timer(*k);
  if (t.requested) return Status::precondition("a break you asked for cannot be postponed");
  const int allowed = config_.rule(*k).max_postpones;
  if (t.postpones >= allowed) {
    return Status::denied("this " + std::string(to_string(*k)) + " break cannot be postponed again (" +
                          std::to_string(allowed) + " postpones allowed)");
  }
  end_break(*k, Outcome::kPostponed, now_);
  return Status::ok();
}

Status BreakEngine::skip() {
  advance();
  const auto k = due_break();
  if (!k) return Status::precondition("no break is due");
  if (timer(*k).requested) {
    end_break(*k, Outcome::kCancelled, now_);
    return Status::ok();
  }
  if (!config_.rule(*k).allow_skip) {
    return Status::denied("skipping " + std::string(to_string(*k)) + " breaks is not allowed");
  }
  end_break(*k, Outcome::kSkipped, now_);
  return Status::ok();
}

void BreakEngine::pause_for(Duration d) {
  advance();
  pause_kind_ = PauseKind::kFor;
  pause_end_mono_ = now_ + std::max(d, Duration{0});
  update_mode(now_);
}

void BreakEngine::pause_until(WallTime t) {
  advance();
  pause_kind_ = PauseKind::kUntil;
  pause_end_wall_ = t;
  update_mode(now_);
}

void BreakEngine::pause_until_tomorrow() {
  advance();
  const LocalTime local = clock_.local(wall_at(now_));
  int to_day_start = config_.day_start_minute - local.minute_of_day;
  if (to_day_start <= 0) to_day_start += 24 * 60;
  pause_until(wall_at(now_) + minutes(to_day_start) - seconds(local.second));
}

void BreakEngine::resume() {
  advance();
  pause_kind_ = PauseKind::kNone;
  update_mode(now_);
}

void BreakEngine::set_quiet(bool quiet) {
  advance();
  quiet_ = quiet;
  update_mode(now_);
}

void BreakEngine::set_config(EngineConfig config) {
  advance();
  config_ = std::move(config);
  for (BreakKind k : kAllKinds) {
    if (!config_.rule(k).enabled && timer(k).phase == Phase::kDue) {
      end_break(k, Outcome::kCancelled, now_);
    }
  }
  day_ = day_number(now_);
  update_mode(now_);
  try_prompt(now_);
}

// --- output -----------------------------------------------------------------

}  // namespace limber
