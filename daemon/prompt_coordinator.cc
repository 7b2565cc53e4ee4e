#include "prompt_coordinator.h"

#include <algorithm>

#include "api_json.h"
#include "log.h"
#include "notify/reminder_text.h"
#include "routine/exercise_settings.h"

namespace limber {
namespace {

using namespace std::chrono_literals;

const BreakStatus* due_status(const EngineStatus& status, uint64_t id) {
  for (const BreakStatus& b : status.breaks) {
    if (b.phase == BreakStatus::Phase::kDue && b.id == id) return &b;
  }
  return nullptr;
}

}  // namespace

PromptCoordinator::PromptCoordinator(const Clock& clock, TimerFactory& timers, BreakLoop& loop,
                                     HistoryRecorder& history, Views& views, const Config& config,
                                     const ExerciseCatalog& catalog, BreakNotifier* notifier)
    : clock_(clock),
      loop_(loop),
      history_(history),
      views_(views),
      config_(config),
      catalog_(catalog),
      notifier_(notifier),
      progress_timer_(timers.make([this] { send_progress(); })),
      quiet_timer_(timers.make([this] {
        log_notice("quiet mode ends: the organisation's policy limits it (quiet.max)");
        set_user_quiet(false);
      })) {}

void PromptCoordinator::start() {
  // The engine's quiet, as restored with the timers, is the user's own.
  user_quiet_ = loop_.engine().status().quiet;
  configure();
}

void PromptCoordinator::configure() {
  if (!selector_) {
    selector_ = std::make_unique<ExerciseSelector>(catalog_, static_cast<uint64_t>(clock_.wall().time_since_epoch().count()));
    if (HistoryStore* store = history_.store()) {
      if (auto state = store->load_meta("exercise_rotation")) {
        std::string err;
        if (!selector_->restore_state(*state, &err)) log_warning("exercise rotation restarted: " + err);
      }
    }
  }
  // Exercises fit the breaks the engine runs (the demo's are shorter than
  // the configuration's).
  ExerciseSettings settings = exercise_settings(config_);
  const EngineConfig& rules = loop_.engine().config();
  settings.lengths = {static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(rules.micro.duration).count()),
                      static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(rules.rest.duration).count())};
  selector_->set_settings(settings);
}

void PromptCoordinator::choose_exercises(const EngineEvent& due, Prompt* prompt) {
  if (!selector_) return;
  // Each exercise as it fits the break: in full, or its short form.
  std::vector<ExercisePlan> plans;
  if (due.brk == BreakKind::kMicro) {
    if (auto plan = selector_->choose_micro_plan()) plans.push_back(*plan);
  } else if (due.brk == BreakKind::kRest) {
    plans = selector_->choose_rest().plans;
  }
  for (const ExercisePlan& plan : plans) {
    if (const Exercise* e = plan.exercise) {
      prompt->exercises.push_back({e->id, e->name, plan.duration_seconds, e->illustration});
    }
  }
  if (HistoryStore* store = history_.store()) {
    Status st = store->save_meta("exercise_rotation", selector_->save_state());
    if (!st) log_warning("exercise rotation not saved: " + st.message());
  }
}

void PromptCoordinator::prepare(const std::vector<EngineEvent>& events) {
  for (const EngineEvent& e : events) {
    if (e.kind != EventKind::kBreakDue) continue;
    auto [it, fresh] = prompts_.try_emplace(e.id);
    Prompt& p = it->second;
    if (fresh) {  // not a prompt shown again after quiet
      p.kind = e.brk;
      p.requested = e.requested;
      p.due_at = iso_local_time(e.wall, clock_);
      choose_exercises(e, &p);
    }
    // Window or notification, decided afresh (also for a held prompt that
    // returns) and said in break.due.
    summon_view_if_needed();
    p.way = way_now(std::nullopt);
  }
}

void PromptCoordinator::publish(const std::vector<EngineEvent>& events) {
  for (const EngineEvent& e : events) {
    switch (e.kind) {
      case EventKind::kBreakDue:
        if (auto due = due_break(e.id)) {
          views_.notify("break.due", protocol::to_json(*due));
          if (due->prompt == "notification") {
            show_notification(e.id);
          } else {
            log_debug("break reminder left to the tray (prompt.style " + config_.get_string("prompt.style") + ")");
          }
        }
        break;
      case EventKind::kBreakStarted:
        views_.notify("break.started", protocol::to_json(event_with_exercises(e)));
        break;
      case EventKind::kBreakHeld:
        // Shown again, by the way decided then, when quiet ends.
        if (notifier_) notifier_->close(e.id);
        break;
      case EventKind::kBreakEnded:
        views_.notify("break.ended", protocol::to_json(event_with_exercises(e)));
        prompts_.erase(e.id);
        if (notifier_) notifier_->close(e.id);
        break;
      default: break;
    }
  }
}

protocol::BreakEvent PromptCoordinator::event_with_exercises(const EngineEvent& e) const {
  protocol::BreakEvent out = break_event(e, loop_.engine().config(), clock_);
  if (auto it = prompts_.find(e.id); it != prompts_.end()) out.exercises = it->second.exercises;
  return out;
}

std::optional<protocol::DueBreak> PromptCoordinator::due_break(uint64_t id) const {
  const EngineStatus status = loop_.engine().status();
  const BreakStatus* b = due_status(status, id);
  if (b == nullptr) return std::nullopt;
  const BreakRule& rule = loop_.engine().config().rule(b->kind);
  protocol::DueBreak due;
  due.state = break_state(*b, rule);
  due.id = id;
  due.started = b->started;
  due.held = b->held;
  due.progress_s = whole_seconds(b->progress);
  if (auto it = prompts_.find(id); it != prompts_.end()) {
    const Prompt& p = it->second;
    due.at = p.due_at;
    due.requested = p.requested;
    due.prompt = std::string(to_string(p.way));
    due.exercises = p.exercises;
  }
  due.strict = strict();
  // A break the user asked for can always be skipped and never postponed:
  // the prompt offers only what the engine will do.
  if (due.requested) {
    due.state.postpones_left = 0;
    due.state.can_skip = true;
  }
  return due;
}

std::string PromptCoordinator::exercise_of(uint64_t id) const {
  auto it = prompts_.find(id);
  return it == prompts_.end() || it->second.exercises.empty() ? std::string() : it->second.exercises.front().id;
}

PromptWay PromptCoordinator::way_now(std::optional<PromptWay> current) const {
  // Strict mode is the daemon's: a window whatever prompt.style says, when
  // a tray runs or was started for it.
  if (strict() && (views_.tray_connected() || view_summoned_)) return PromptWay::kWindow;
  return choose_prompt_way(parse_prompt_style(config_.get_string("prompt.style")), views_.tray_connected(),
                           loop_.engine().status().active, current);
}

void PromptCoordinator::summon_view_if_needed() {
  if (!strict() || views_.tray_connected() || view_summoned_) return;
  view_summoned_ = views_.summon_window_view();
  if (!view_summoned_) log_warning("strict mode: no tray can cover the screen here; the break is a notification");
}

void PromptCoordinator::summoned_view_ended() {
  view_summoned_ = false;
  review();
}

void PromptCoordinator::show_notification(uint64_t id) {
  auto due = due_break(id);
  auto it = prompts_.find(id);
  if (!notifier_ || !due || it == prompts_.end()) return;
  const BreakKind kind = it->second.kind;
  const Exercise* exercise = it->second.exercises.empty() ? nullptr : catalog_.find(it->second.exercises.front().id);
  const ReminderText text = reminder_text(kind, loop_.engine().config().rule(kind).duration, exercise);
  BreakPrompt prompt;
  prompt.break_id = id;
  prompt.summary = text.summary;
  prompt.body = text.body;
  prompt.offer_postpone = due->state.postpones_left > 0;
  prompt.offer_skip = due->state.can_skip;
  prompt.sound = config_.get_bool("prompt.sound");
  notifier_->show(std::move(prompt));  // logged once the helper shows it
}

void PromptCoordinator::after_wake() {
  update_progress_timer();
  review();
}

void PromptCoordinator::review() {
  if (stopping_) return;
  bool changed = false;
  for (auto& [id, p] : prompts_) {
    const EngineStatus status = loop_.engine().status();  // due_status points into it
    const BreakStatus* b = due_status(status, id);
    if (b == nullptr || b->held) continue;  // a held prompt is decided again when it returns
    const PromptWay way = way_now(p.way);
    if (way == p.way) continue;
    p.way = way;
    changed = true;
    log_info("break #" + std::to_string(id) + " now prompted by " + std::string(to_string(way)));
    if (way == PromptWay::kWindow) {
      if (notifier_) notifier_->close(id);
    } else {
      show_notification(id);
    }
    if (auto due = due_break(id)) views_.notify("break.prompt", protocol::to_json(*due));
  }
  if (changed && state_changed_) state_changed_();
}

void PromptCoordinator::update_progress_timer() {
  if (stopping_) return;
  // While a break's countdown runs, tell the views once a second.
  const EngineStatus status = loop_.engine().status();
  const bool counting = std::any_of(status.breaks.begin(), status.breaks.end(), [](const BreakStatus& b) {
    return b.phase == BreakStatus::Phase::kDue && b.started;
  });
  if (counting && !progress_timer_->active()) {
    progress_timer_->start(1s, 1s);
  } else if (!counting) {
    progress_timer_->stop();
  }
}

void PromptCoordinator::send_progress() {
  BreakEngine& engine = loop_.engine();
  engine.advance();
  const EngineStatus status = engine.status();
  for (const BreakStatus& b : status.breaks) {
    if (b.phase != BreakStatus::Phase::kDue || !b.started) continue;
    views_.notify("break.progress",
                  protocol::to_json(protocol::BreakProgress{b.id, std::string(to_string(b.kind)),
                                                            whole_seconds(b.progress),
                                                            whole_seconds(engine.config().rule(b.kind).duration),
                                                            !status.active}));
  }
  // Events the advance produced (a break that just ended) are handled by
  // the wake that follows at their deadline.
}

void PromptCoordinator::set_user_quiet(bool on, Duration limit) {
  user_quiet_ = on;
  if (on && limit > Duration{0}) {
    quiet_timer_->start(limit);
  } else if (!on) {
    quiet_timer_->stop();
  }
  apply_quiet();
}

void PromptCoordinator::set_dnd_active(bool on) {
  dnd_active_ = on;
  apply_quiet();
}

void PromptCoordinator::apply_quiet() {
  if (stopping_) return;
  const bool quiet = user_quiet_ || dnd_active_;
  if (loop_.engine().status().quiet == quiet) return;
  loop_.engine().set_quiet(quiet);
  loop_.wake();
}

void PromptCoordinator::on_prompt_action(uint64_t id, PromptAction action) {
  const EngineStatus status = loop_.engine().status();
  if (due_status(status, id) == nullptr) {
    log_info("notification: " + std::string(to_string(action)) + " for break #" + std::to_string(id) +
             ", which is no longer due: ignored");
    return;
  }
  log_info("notification: " + std::string(to_string(action)) + " asked for break #" + std::to_string(id));
  BreakEngine& engine = loop_.engine();
  Status st;
  switch (action) {
    case PromptAction::kStart: st = engine.start_break(); break;
    case PromptAction::kPostpone: st = engine.postpone(); break;
    case PromptAction::kSkip: st = engine.skip(); break;
  }
  if (!st) log_notice("notification: " + std::string(to_string(action)) + " not possible: " + st.message());
  loop_.wake();
}

void PromptCoordinator::stop() {
  stopping_ = true;
  progress_timer_->stop();
  quiet_timer_->stop();
  prompts_.clear();
}

}  // namespace limber
