// Limberd: the daemon. One libuv loop drives everything: the activity
// source's file descriptors, logind's bus, the break engine's next deadline
// as one uv_timer, the history store's batched writes, and the signals.
// Nothing ticks: when no deadline is near and no input arrives, the process
// sleeps in epoll.
//
// Life: run() loads the configuration, opens the history, restores the
// timers, picks an activity source, tells systemd READY=1 and serves until
// SIGTERM or SIGINT, then saves the timers and closes the database.
// SIGHUP reloads the configuration (and the time zone).
//
// Threading: one thread; every callback runs on the loop.
#pragma once

#include <uv.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "activity/activity_source.h"
#include "activity/logind_watch.h"
#include "dnd/do_not_disturb.h"
#include "engine/break_engine.h"
#include "ipc/ipc_server.h"
#include "ipc/rpc_dispatcher.h"
#include "limber/catalog.h"
#include "limber/config.h"
#include "notify/break_notifier.h"
#include "notify/prompt_style.h"
#include "notify/reminder_text.h"
#include "limber/daily_report.h"
#include "routine/exercise_selector.h"
#include "store/history_store.h"
#include "system_clock.h"
#include "uv/uv_handle.h"

namespace limber {

struct DaemonOptions {
  std::string runtime_dir;      // $XDG_RUNTIME_DIR/limber: the IPC socket goes here
  std::string config_file;      // replaces the user layer when set
  std::string source_override;  // replaces activity.source when set ("demo" with demo only)
  bool demo = false;            // short break rules, separate history file
  double time_scale = 1.0;      // see SystemClock
  // Called once the daemon serves (after READY=1).
  std::function<void()> on_ready;
};

class Limberd final : public ActivitySink {
 public:
  explicit Limberd(DaemonOptions options);
  ~Limberd();
  Limberd(const Limberd&) = delete;
  Limberd& operator=(const Limberd&) = delete;

  // Runs until asked to stop. Returns the process exit status: 0 after a
  // clean stop, 1 when start-up failed (the reason was logged).
  int run();

 private:
  // ActivitySink.
  void on_input(MonoTime at) override;
  void on_session(SessionEvent event) override;
  void on_source_lost(std::string_view source, std::string_view why) override;
  void replace_source();

  bool start();
  void reload_config();
  EngineConfig engine_rules() const;
  void open_history();
  // Tries again to open a history that could not be opened; on success
  // writes the breaks kept meanwhile. Retried every kHistoryRetry.
  void reopen_history();
  bool start_source();
  void wake();
  void handle(const EngineEvent& event);
  void account_active_time();
  void arm();
  void flush_history();
  void save_timers();
  void stop();

  // IPC (limberd_api.cc).
  void register_methods();
  rpc::Json status_now() const;
  rpc::Json checklist_json(const Checklist& list, bool with_items);
  void notify_state();
  void notify_progress();
  // Exercises: the catalog, and what was shown with each due break.
  void load_catalog();
  void choose_exercises(const EngineEvent& due);
  // Reminders by notification and do not disturb (limberd_reminders.cc).
  void start_reminders();
  void configure_dnd();
  void apply_quiet();  // engine quiet = the user's quiet or any DND condition
  void remind(const EngineEvent& e);
  PromptWay prompt_way_now(std::optional<PromptWay> current) const;
  void show_reminder(uint64_t break_id);
  void review_prompts();  // the user paused, a tray came or went, the setting changed
  void prompt_action(uint64_t break_id, PromptAction action);
  void stop_reminders();
  // Fleet reporting, when policy turns it on (limberd_report.cc).
  void start_reporting();
  void report_soon(bool at_once);  // at most once a minute unless at_once
  void write_report();
  report::DailyReport current_report();
  void register_report_methods();
  void stop_reporting();  // writes a last report

  DaemonOptions options_;
  uv_loop_t loop_{};
  SystemClock clock_;
  ConfigLoader loader_;
  Config config_;
  std::unique_ptr<BreakEngine> engine_;
  std::unique_ptr<HistoryStore> history_;
  // While the history cannot be opened (a read-only or missing disk), the
  // breaks that would have been recorded, oldest first, at most
  // kMaxUnrecorded; written when a retry opens the history.
  std::vector<EngineEvent> unrecorded_;
  std::string history_open_error_;
  std::unique_ptr<ActivitySource> source_;
  LogindWatch logind_;
  RpcDispatcher dispatcher_;
  std::unique_ptr<IpcServer> ipc_;
  ExerciseCatalog catalog_;
  ChecklistSet checklists_;
  HealthNotice health_;
  std::unique_ptr<ExerciseSelector> selector_;
  std::map<uint64_t, rpc::Json> shown_exercises_;  // due break id -> exercises shown
  // How each due, prompted (not held) break is presented, and what its
  // reminder needs when the way changes later.
  struct PromptShown {
    PromptWay way = PromptWay::kWindow;
    BreakKind kind = BreakKind::kMicro;
    bool requested = false;
  };
  std::map<uint64_t, PromptShown> prompts_;
  std::unique_ptr<BreakNotifier> notifier_;
  DoNotDisturb dnd_;
  bool user_quiet_ = false;  // asked for through IPC `quiet`; DND conditions add to it
  bool watching_ = false;
  bool stopping_ = false;
  bool serving_ = false;  // start() succeeded
  Duration active_recorded_{0};  // engine active time already given to the history

  UvHandle<uv_timer_t> deadline_timer_;
  UvHandle<uv_timer_t> flush_timer_;
  UvHandle<uv_timer_t> retry_timer_;
  UvHandle<uv_timer_t> history_retry_timer_;  // reopens a history that could not be opened
  UvHandle<uv_timer_t> progress_timer_;
  UvHandle<uv_timer_t> prompt_review_timer_;  // a tray's disconnect, reviewed outside the IPC code
  // Fleet reporting: the rate-limited write, when it last happened, and the
  // problem last logged (each distinct problem is logged once).
  UvHandle<uv_timer_t> report_timer_;
  std::optional<MonoTime> report_written_mono_;
  WallTime report_written_at_{};
  std::string report_problem_;
  bool reporting_started_ = false;
  UvHandle<uv_signal_t> sigterm_;
  UvHandle<uv_signal_t> sigint_;
  UvHandle<uv_signal_t> sighup_;
};

}  // namespace limber
