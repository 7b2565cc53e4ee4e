// Limberd's reminders: the desktop notification for a due break (when
// prompt.style says the daemon shows one) and do not disturb, which holds
// prompts through the engine's quiet mode. See docs/notifications.md.
#include <algorithm>

#include "api_json.h"
#include "limberd.h"
#include "log.h"

namespace limber {

void Limberd::start_reminders() {
  // The engine's quiet, as restored with the timers, is the user's own.
  user_quiet_ = engine_->status().quiet;
  std::string why;
  if (glib_.start(&loop_, &why)) {
    notifier_ = std::make_unique<BreakNotifier>(
        &loop_, "Limber", [this](uint64_t id, PromptAction action) { prompt_action(id, action); });
  } else {
    log_warning("no desktop notifications: " + why);
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

void Limberd::remind(const EngineEvent& e) {
  if (!notifier_) return;
  switch (e.kind) {
    case EventKind::kBreakDue: {
      const bool tray = ipc_ && ipc_->clients_named("limber-tray") > 0;
      const EngineStatus status = engine_->status();
      if (!daemon_notifies(parse_prompt_style(config_.get_string("prompt.style")), tray, status.active)) {
        log_debug("break reminder left to the tray (prompt.style " + config_.get_string("prompt.style") + ")");
        return;
      }
      const BreakStatus& b = status.breaks[static_cast<size_t>(e.brk)];
      const BreakRule& rule = engine_->config().rule(e.brk);
      const Exercise* exercise = nullptr;
      if (auto it = shown_exercises_.find(e.id); it != shown_exercises_.end() && !it->second.empty()) {
        exercise = catalog_.find(it->second.front()["id"].get<std::string>());
      }
      const ReminderText text = reminder_text(e.brk, rule.duration, exercise);
      BreakPrompt prompt;
      prompt.break_id = e.id;
      prompt.summary = text.summary;
      prompt.body = text.body;
      prompt.offer_postpone = !e.requested && b.postpones_left > 0;
      prompt.offer_skip = rule.allow_skip || e.requested;
      prompt.sound = config_.get_bool("prompt.sound");
      if (notifier_->show(prompt)) log_info("break #" + std::to_string(e.id) + " reminder shown as a notification");
      break;
    }
    case EventKind::kBreakHeld:
    case EventKind::kBreakEnded: notifier_->close(e.id); break;
    default: break;
  }
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
  if (notifier_) {
    if (auto shown = notifier_->shown_break()) notifier_->close(*shown);
  }
  notifier_.reset();
  glib_.stop();
}

}  // namespace limber
