// Limberd: the limberd process around a DaemonCore (daemon_core.h). It owns
// what only a real process has: the libuv loop, the real clocks and timers,
// the IPC socket (the views), the signals, logind, the activity source the
// desktop offers, the notification helper and the do-not-disturb
// conditions, and systemd's readiness protocol.
//
// Life: run() builds the core (configuration, catalog), which opens the
// history, restores the timers and starts the activity source; then the
// socket listens, systemd hears READY=1, and the loop serves until SIGTERM
// or SIGINT, when the core records the last of it and the history closes.
// SIGHUP reloads the configuration (and the time zone).
//
// Threading: one thread; every callback runs on the loop.
#pragma once

#include <uv.h>

#include <functional>
#include <memory>
#include <string>

#include "activity/logind_watch.h"
#include "config_watch.h"
#include "daemon_core.h"
#include "dnd/do_not_disturb.h"
#include "ipc/ipc_server.h"
#include "notify/break_notifier.h"
#include "system_clock.h"
#include "uv/uv_handle.h"
#include "uv/uv_timers.h"
#include "window_view_launcher.h"

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

class Limberd final : public Views {
 public:
  explicit Limberd(DaemonOptions options);
  ~Limberd() override;
  Limberd(const Limberd&) = delete;
  Limberd& operator=(const Limberd&) = delete;

  // Runs until asked to stop. Returns the process exit status: 0 after a
  // clean stop, 1 when start-up failed (the reason was logged).
  int run();

  // Views, through the IPC socket.
  void notify(const std::string& method, const rpc::Json& params) override;
  bool tray_connected() const override;
  bool summon_window_view() override;

 private:
  bool start();
  DaemonDeps deps();
  std::unique_ptr<ActivitySource> start_source(Duration watch_timeout, ActivitySink& sink);
  void listen();
  void watch_config();
  void configure_dnd();
  void start_signals();
  void stop();

  DaemonOptions options_;
  uv_loop_t loop_{};
  SystemClock clock_;
  UvTimers timers_;
  std::unique_ptr<BreakNotifier> notifier_;
  std::unique_ptr<DaemonCore> core_;
  std::unique_ptr<IpcServer> ipc_;
  LogindWatch logind_;
  DoNotDisturb dnd_;
  std::unique_ptr<ConfigWatch> config_watch_;  // hand edits apply without SIGHUP
  std::unique_ptr<DaemonTimer> prompt_review_;
  std::unique_ptr<WindowViewLauncher> tray_launcher_;  // strict mode without a tray  // a tray's disconnect, reviewed outside the IPC code
  bool stopping_ = false;
  bool serving_ = false;  // start() succeeded
  UvHandle<uv_signal_t> sigterm_;
  UvHandle<uv_signal_t> sigint_;
  UvHandle<uv_signal_t> sighup_;
};

}  // namespace limber
