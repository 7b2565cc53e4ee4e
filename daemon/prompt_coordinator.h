// PromptCoordinator: everything about the break that is due. It chooses the
// exercises a due break shows, decides whether the tray's window or a
// desktop notification prompts it (prompt.style, whether a tray runs,
// whether the user is typing), keeps the one model of the due break
// (protocol::DueBreak) that break.due, break.prompt and status.due carry,
// tells the views about breaks (due, prompt, started, progress, ended),
// shows and closes notifications, and turns the user's quiet and the
// do-not-disturb conditions into the engine's quiet mode.
//
// Threading: the loop thread.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "break_loop.h"
#include "daemon_timer.h"
#include "history_recorder.h"
#include "limber/catalog.h"
#include "limber/config.h"
#include "limber/protocol.h"
#include "notify/break_notifier.h"
#include "notify/prompt_style.h"
#include "routine/exercise_selector.h"
#include "views.h"

namespace limber {

class PromptCoordinator {
 public:
  // `notifier` may be null (no notifications: tests).
  PromptCoordinator(const Clock& clock, TimerFactory& timers, BreakLoop& loop, HistoryRecorder& history,
                    Views& views, const Config& config, const ExerciseCatalog& catalog, BreakNotifier* notifier);
  PromptCoordinator(const PromptCoordinator&) = delete;
  PromptCoordinator& operator=(const PromptCoordinator&) = delete;

  // Called when a prompt changed its way (the status changed).
  void set_state_changed(std::function<void()> fn) { state_changed_ = std::move(fn); }
  // Once the timers are restored: the user's quiet is the engine's.
  void start();
  // A new configuration: the exercise settings (and, first, the rotation).
  void configure();
  // Decides again how each prompt is shown (a tray came or went).
  void review();
  // Before the events are recorded: exercises and the way of each due break.
  void prepare(const std::vector<EngineEvent>& events);
  // After they are recorded: tells the views and shows notifications.
  void publish(const std::vector<EngineEvent>& events);
  // After each wake: the countdown's progress, and the way of each prompt
  // (the user paused, a tray came or went, the setting changed).
  void after_wake();

  // The due break as views see it; nullopt when `id` is not due.
  std::optional<protocol::DueBreak> due_break(uint64_t id) const;
  // The first exercise shown with break `id` ("" when none).
  std::string exercise_of(uint64_t id) const;

  // The user's quiet mode; it ends by itself after `limit` (a policy's
  // quiet.max) when that is above zero.
  void set_user_quiet(bool on, Duration limit = Duration{0});
  bool user_quiet() const { return user_quiet_; }
  // Do-not-disturb conditions changed (DoNotDisturb::any_active()).
  void set_dnd_active(bool on);
  // The tray started for a strict break (Views::summon_window_view) has
  // exited: the prompts are decided again.
  void summoned_view_ended();
  // Start, Postpone or Skip chosen on a notification.
  void on_prompt_action(uint64_t id, PromptAction action);
  void stop();

 private:
  struct Prompt {
    PromptWay way = PromptWay::kWindow;
    BreakKind kind = BreakKind::kMicro;
    bool requested = false;
    std::string due_at;
    std::vector<protocol::ExerciseRef> exercises;
  };

  void choose_exercises(const EngineEvent& due, Prompt* prompt);
  protocol::BreakEvent event_with_exercises(const EngineEvent& e) const;
  PromptWay way_now(std::optional<PromptWay> current) const;
  bool strict() const { return config_.get_bool("prompt.strict"); }
  // Strict mode with no tray: asks the views for one (once per due break).
  void summon_view_if_needed();
  void show_notification(uint64_t id);
  void apply_quiet();
  void update_progress_timer();
  void send_progress();

  const Clock& clock_;
  BreakLoop& loop_;
  HistoryRecorder& history_;
  Views& views_;
  const Config& config_;
  const ExerciseCatalog& catalog_;
  BreakNotifier* notifier_;
  std::unique_ptr<ExerciseSelector> selector_;
  std::map<uint64_t, Prompt> prompts_;  // due breaks that were prompted, by id
  bool user_quiet_ = false;
  bool dnd_active_ = false;
  bool view_summoned_ = false;  // a tray started for strict mode runs
  bool stopping_ = false;
  std::function<void()> state_changed_;
  std::unique_ptr<DaemonTimer> progress_timer_;
  std::unique_ptr<DaemonTimer> quiet_timer_;  // ends quiet mode at quiet.max
};

}  // namespace limber
