#include "break_loop.h"

#include <algorithm>

#include "limber/duration.h"
#include "log.h"

namespace limber {
namespace {

using namespace std::chrono_literals;

// How soon to look for an activity source again after losing one.
constexpr auto kSourceRetry = 10s;

std::string break_label(const EngineEvent& e) {
  return std::string(break_name(e.brk)) + " #" + std::to_string(e.id);
}

// Events that are not recorded are logged as they happen; the recorder logs
// the others once they are written.
void log_event(const EngineEvent& e) {
  switch (e.kind) {
    case EventKind::kBecameActive: log_debug("user active"); break;
    case EventKind::kBecameIdle: log_debug("user idle"); break;
    case EventKind::kBreakHeld: log_info(break_label(e) + " held until quiet mode ends"); break;
    case EventKind::kBreakStarted: log_info(break_label(e) + " started"); break;
    case EventKind::kBreakPaused: log_debug(break_label(e) + " paused by activity"); break;
    case EventKind::kBreakResumed: log_debug(break_label(e) + " resumed"); break;
    case EventKind::kModeChanged: log_info("mode: " + std::string(to_string(e.mode))); break;
    case EventKind::kDayStarted: log_info("a new day begins"); break;
    case EventKind::kClockChanged:
      log_notice("the wall clock jumped by " + std::string(e.amount.count() < 0 ? "-" : "+") +
                 format_duration(e.amount.count() < 0 ? -e.amount : e.amount) + "; break timers are unaffected");
      break;
    default: break;
  }
}

}  // namespace

Duration source_watch_timeout(const EngineConfig& rules) {
  // The noise filter needs the last input to within itself; the idle grace
  // to well within itself, so that an active user costs a wake about every
  // grace - P, not a spin. Without a noise filter one second is precise enough.
  const Duration wanted = rules.noise_filter > Duration{0} ? rules.noise_filter : Duration{1s};
  return std::clamp(wanted, Duration{100ms}, std::max(Duration{100ms}, rules.idle_grace / 2));
}

BreakLoop::BreakLoop(const Clock& clock, TimerFactory& timers, EngineConfig rules, double time_scale)
    : clock_(clock),
      time_scale_(time_scale),
      engine_(std::move(rules), clock),
      deadline_(timers.make([this] { wake(); })),
      source_retry_(timers.make([this] { start_source_again(); })) {}

bool BreakLoop::restore(const std::string& state, WallTime saved_at, std::string* err) {
  if (!engine_.restore(state, err)) return false;
  const auto away = std::chrono::duration_cast<std::chrono::seconds>(clock_.wall() - saved_at);
  log_info("break timers restored (saved " + format_duration(std::max(Duration{0}, Duration{away})) +
           " ago; that time counts as idle)");
  active_credited_ = engine_.status().active_total;
  return true;
}

bool BreakLoop::start(SourceStarter starter) {
  starter_ = std::move(starter);
  source_ = starter_(source_watch_timeout(engine_.config()), *this);
  return source_ != nullptr;
}

void BreakLoop::set_rules(const EngineConfig& rules) {
  const Duration old_timeout = source_watch_timeout(engine_.config());
  engine_.set_config(rules);
  if (source_ && source_watch_timeout(engine_.config()) != old_timeout) {
    // Sources that keep an idle notification or watch asked for the old
    // timeout: start them afresh with the new one.
    log_info("restarting the activity source for the new idle grace or noise filter");
    replace_source();
  }
}

std::string BreakLoop::source_name() const { return source_ ? std::string(source_->name()) : std::string(); }

void BreakLoop::on_input(MonoTime at) {
  watching_ = false;
  engine_.input(at);
  wake();
}

void BreakLoop::on_session(SessionEvent event) {
  static constexpr const char* kNames[] = {"screen locked", "screen unlocked", "going to sleep", "woke up"};
  log_info(kNames[static_cast<int>(event)]);
  engine_.session(event);
  wake();
}

void BreakLoop::on_source_lost(std::string_view source, std::string_view why) {
  log_error("lost the activity source " + std::string(source) + ": " + std::string(why));
  replace_source();
}

void BreakLoop::replace_source() {
  // Never from inside the source's own callback: from the loop, at once,
  // and again every kSourceRetry until a source starts.
  source_retry_->start(Duration{0});
}

void BreakLoop::start_source_again() {
  if (stopping_) return;
  if (source_) source_->stop();
  source_.reset();
  watching_ = false;
  source_ = starter_(source_watch_timeout(engine_.config()), *this);
  if (!source_) {
    log_notice("looking for an activity source again in " + format_duration(kSourceRetry));
    source_retry_->start(kSourceRetry);
    return;
  }
  wake();
}

void BreakLoop::wake() {
  if (stopping_) return;
  if (source_) {
    if (auto idle = source_->idle_time()) {
      engine_.input(clock_.mono() - Duration{static_cast<int64_t>(static_cast<double>(idle->count()) * time_scale_)});
    }
  }
  engine_.advance();
  publish(engine_.take_events());
  arm();
  if (observer_) observer_->after_wake();
}

void BreakLoop::publish(const std::vector<EngineEvent>& events) {
  for (const EngineEvent& e : events) log_event(e);
  // Active time first: a break recorded now sees the time that led to it.
  credit_active_time();
  if (!events.empty() && observer_) observer_->on_break_events(events);
}

void BreakLoop::credit_active_time() {
  const Duration total = engine_.status().active_total;
  if (total <= active_credited_) return;
  const Duration d = total - active_credited_;
  active_credited_ = total;
  if (observer_) observer_->on_active_time(clock_.wall() - d, d);
}

std::string BreakLoop::snapshot() {
  credit_active_time();
  return engine_.serialize();
}

void BreakLoop::arm() {
  if (stopping_) return;
  if (source_ && !watching_ && engine_.wants_input_promptly()) {
    watching_ = true;
    source_->watch_for_input();
  }
  if (const auto deadline = engine_.next_deadline()) {
    // One millisecond late rather than early: waking before the deadline
    // would find nothing to do and arm for the same moment again.
    deadline_->start(*deadline - clock_.mono() + 1ms);
  } else {
    deadline_->stop();
  }
}

void BreakLoop::stop() {
  if (stopping_) return;
  engine_.advance();
  publish(engine_.take_events());
  stopping_ = true;
  deadline_->stop();
  source_retry_->stop();
  if (source_) source_->stop();
}

}  // namespace limber
