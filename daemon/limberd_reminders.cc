// Limberd's reminders: how each due break is prompted (the tray's window or
// a desktop notification, by prompt.style), the notification itself
// (through the limber-notify helper), and do not disturb, which holds
// prompts through the engine's quiet mode. See docs/notifications.md.
#include <algorithm>

#include "api_json.h"
#include "limberd.h"
#include "log.h"

namespace limber {

void Limberd::start_reminders() {
  // The engine's quiet, as restored with the timers, is the user's own.
  user_quiet_ = engine_->status().quiet;
  notifier_ = std::make_unique<BreakNotifier>(
      &loop_, [this](uint64_t id, PromptAction action) { prompt_action(id, action); });
  uv_timer_init(&loop_, prompt_review_timer_.get());
  prompt_review_timer_.get()->data = this;
  if (ipc_) {
    ipc_->on_disconnect = [this](const ClientContext& client) {
      // Not from inside the IPC server's own loops: on the next turn.
      if (stopping_ || client.name.rfind("limber-tray", 0) != 0) return;
      uv_timer_start(
          prompt_review_timer_.get(), [](uv_timer_t* t) { static_cast<Limberd*>(t->data)->review_prompts(); }, 0, 0);
    };
  }
  configure_dnd();
}

void Limberd::configure_dnd() {
  if (stopping_) return;
  const DndSettings settings{config_.get_bool("dnd.fullscreen"), config_.get_bool("dnd.inhibitors"),
                             config_.get_bool("dnd.desktop"), config_.get_bool("dnd.calls")};
  dnd_.configure(&loop_, settings, [this] { apply_quiet(); });
  apply_quiet();
}

void Limberd::apply_quiet() {
  if (stopping_ || !engine_) return;
  const bool quiet = user_quiet_ || dnd_.any_active();
  if (engine_->status().quiet == quiet) return;
  engine_->set_quiet(quiet);
  wake();
}

PromptWay Limberd::prompt_way_now(std::optional<PromptWay> current) const {
  const bool tray = ipc_ && ipc_->clients_named("limber-tray") > 0;
  return choose_prompt_way(parse_prompt_style(config_.get_string("prompt.style")), tray, engine_->status().active,
                           current);
}

void Limberd::remind(const EngineEvent& e) {
  switch (e.kind) {
    case EventKind::kBreakDue: {
      // Decided before break.due went out (handle()), which carries it.
      auto it = prompts_.find(e.id);
      if (it == prompts_.end()) return;
      if (it->second.way == PromptWay::kNotification) {
        show_reminder(e.id);
      } else {
        log_debug("break reminder left to the tray (prompt.style " + config_.get_string("prompt.style") + ")");
      }
      break;
    }
    case EventKind::kBreakHeld:
    case EventKind::kBreakEnded:
      prompts_.erase(e.id);
      if (notifier_) notifier_->close(e.id);
      break;
    default: break;
  }
}

void Limberd::show_reminder(uint64_t id) {
  auto shown = prompts_.find(id);
  if (!notifier_ || shown == prompts_.end()) return;
  const EngineStatus status = engine_->status();
  const BreakKind kind = shown->second.kind;
  const bool requested = shown->second.requested;
  const BreakStatus& b = status.breaks[static_cast<size_t>(kind)];
  const BreakRule& rule = engine_->config().rule(kind);
  const Exercise* exercise = nullptr;
  if (auto it = shown_exercises_.find(id); it != shown_exercises_.end() && !it->second.empty()) {
    exercise = catalog_.find(it->second.front()["id"].get<std::string>());
  }
  const ReminderText text = reminder_text(kind, rule.duration, exercise);
  BreakPrompt prompt;
  prompt.break_id = id;
  prompt.summary = text.summary;
  prompt.body = text.body;
  prompt.offer_postpone = !requested && b.postpones_left > 0;
  prompt.offer_skip = rule.allow_skip || requested;
  prompt.sound = config_.get_bool("prompt.sound");
  notifier_->show(std::move(prompt));  // logged once the helper shows it
}

void Limberd::review_prompts() {
  if (stopping_ || !engine_) return;
  bool changed = false;
  for (auto& [id, shown] : prompts_) {
    const PromptWay way = prompt_way_now(shown.way);
    if (way == shown.way) continue;
    shown.way = way;
    changed = true;
    log_info("break #" + std::to_string(id) + " now prompted by " + std::string(to_string(way)));
    if (way == PromptWay::kWindow) {
      if (notifier_) notifier_->close(id);
    } else {
      show_reminder(id);
    }
    if (ipc_) {
      rpc::Json params{{"id", id},
                       {"kind", to_string(shown.kind)},
                       {"duration_s", whole_seconds(engine_->config().rule(shown.kind).duration)},
                       {"prompt", to_string(way)}};
      if (auto it = shown_exercises_.find(id); it != shown_exercises_.end()) params["exercises"] = it->second;
      ipc_->notify("break.prompt", params);
    }
  }
  if (changed) notify_state();
}

void Limberd::prompt_action(uint64_t id, PromptAction action) {
  const EngineStatus status = engine_->status();
  const auto due = std::find_if(status.breaks.begin(), status.breaks.end(), [id](const BreakStatus& b) {
    return b.phase == BreakStatus::Phase::kDue && b.id == id;
  });
  if (due == status.breaks.end()) {
    log_info("notification: " + std::string(to_string(action)) + " for break #" + std::to_string(id) +
             ", which is no longer due: ignored");
    return;
  }
  log_info("notification: " + std::string(to_string(action)) + " asked for break #" + std::to_string(id));
  Status st;
  switch (action) {
    case PromptAction::kStart: st = engine_->start_break(); break;
    case PromptAction::kPostpone: st = engine_->postpone(); break;
    case PromptAction::kSkip: st = engine_->skip(); break;
  }
  if (!st) log_notice("notification: " + std::string(to_string(action)) + " not possible: " + st.message());
  wake();
}

void Limberd::stop_reminders() {
  dnd_.stop();
  prompts_.clear();
  prompt_review_timer_.close();
  // Its helpers close their notifications and exit while ~Limberd runs the
  // loop to its end.
  if (notifier_) notifier_->stop();
}

}  // namespace limber
