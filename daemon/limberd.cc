#include "limberd.h"

#include <systemd/sd-daemon.h>

#include "activity/demo_source.h"
#include "activity/source_selection.h"
#include "data_dir.h"
#include "log.h"
#include "store/history_path.h"

namespace limber {

Limberd::Limberd(DaemonOptions options)
    : options_(std::move(options)), clock_(options_.time_scale), timers_(&loop_, clock_) {
  uv_loop_init(&loop_);
}

Limberd::~Limberd() {
  // Every handle is closed by stop(); run the loop once more so libuv
  // releases them before the loop goes.
  uv_run(&loop_, UV_RUN_DEFAULT);
  uv_loop_close(&loop_);
}

int Limberd::run() {
  if (!start()) {
    stop();
    return 1;
  }
  uv_run(&loop_, UV_RUN_DEFAULT);
  return 0;
}

DaemonDeps Limberd::deps() {
  ConfigPaths paths = default_config_paths();
  if (!options_.config_file.empty()) paths.user_file = options_.config_file;
  std::string history = default_history_path();
  // Demo breaks are not the user's history.
  if (options_.demo) history = history.substr(0, history.rfind('/') + 1) + "demo-history.sqlite3";
  return DaemonDeps{clock_,          timers_,      *this, std::move(paths), std::move(history), limber_data_dir(),
                    options_.demo, clock_.scale(), notifier_.get()};
}

bool Limberd::start() {
  notifier_ = std::make_unique<BreakNotifier>(&loop_, [this](uint64_t id, PromptAction action) {
    if (core_) core_->prompts().on_prompt_action(id, action);
  });
  core_ = std::make_unique<DaemonCore>(deps());
  core_->held_by = [this] { return dnd_.active_names(); };
  core_->on_config_loaded = [this] { configure_dnd(); };
  prompt_review_ = timers_.make([this] {
    if (core_) core_->prompts().review();
  });
  start_signals();
  if (!core_->start([this](Duration grace, ActivitySink& sink) { return start_source(grace, sink); })) return false;
  listen();
  watch_config();
  std::string why;
  if (logind_.start(&loop_, core_->loop(), &why)) {
    log_info("watching screen lock and suspend through logind");
  } else {
    log_warning("no screen lock or suspend information: " + why);
  }
  sd_notifyf(0, "READY=1\nSTATUS=Watching activity through %s", core_->loop().source_name().c_str());
  log_info("ready");
  serving_ = true;
  if (options_.on_ready) options_.on_ready();
  return true;
}

void Limberd::start_signals() {
  for (auto* sig : {&sigterm_, &sigint_, &sighup_}) {
    uv_signal_init(&loop_, sig->get());
    sig->get()->data = this;
  }
  auto stop_on_signal = [](uv_signal_t* s, int signum) {
    log_notice(std::string("stopping (") + (signum == SIGTERM ? "SIGTERM" : "SIGINT") + ")");
    static_cast<Limberd*>(s->data)->stop();
  };
  uv_signal_start(sigterm_.get(), stop_on_signal, SIGTERM);
  uv_signal_start(sigint_.get(), stop_on_signal, SIGINT);
  uv_signal_start(
      sighup_.get(), [](uv_signal_t* s, int) { static_cast<Limberd*>(s->data)->core_->reload_config(); }, SIGHUP);
}

std::unique_ptr<ActivitySource> Limberd::start_source(Duration watch_timeout, ActivitySink& sink) {
  const std::string preference = !options_.source_override.empty() ? options_.source_override
                                                                   : core_->config().get_string("activity.source");
  const Duration grace = clock_.to_real(watch_timeout);  // sources measure real time
  if (preference == "demo") {
    auto source = std::make_unique<DemoSource>(clock_.scale());
    std::string ignored;
    source->start(&loop_, clock_, grace, sink, &ignored);
    log_notice("activity source: demo (a pretend user types for 27 s, then is away for 13 s)");
    return source;
  }
  std::vector<std::string> failures;
  if (auto source = start_activity_source(preference, &loop_, clock_, grace, sink, &failures)) {
    log_info("activity source: " + std::string(source->name()));
    return source;
  }
  std::string tried;
  for (const std::string& f : failures) tried += (tried.empty() ? "" : "; ") + f;
  if (options_.demo) {
    log_notice("no activity source works here (" + tried + "); the demo pretends the user types");
    options_.source_override = "demo";
    return start_source(watch_timeout, sink);
  }
  log_error("no activity source works here: " + tried);
  return nullptr;
}

void Limberd::listen() {
  ipc_ = std::make_unique<IpcServer>(&loop_, core_->dispatcher());
  ipc_->on_disconnect = [this](const ClientContext& client) {
    // Not from inside the IPC server's own loops: on the next turn.
    if (!stopping_ && client.name.rfind("limber-tray", 0) == 0) prompt_review_->start(Duration{0});
  };
  const std::string socket = options_.runtime_dir + "/limberd.sock";
  if (Status st = ipc_->listen(socket); st) {
    log_info("listening on " + socket);
  } else {
    // Reminders go on; only the views cannot reach the daemon.
    log_error("no IPC socket, limberctl and the tray cannot connect: " + st.message());
  }
}

void Limberd::watch_config() {
  config_watch_ = std::make_unique<ConfigWatch>(&loop_, std::chrono::milliseconds(300), [this] {
    if (stopping_ || !core_) return;
    log_info("configuration files changed: reloading");
    core_->reload_config();
  });
  if (Status st = config_watch_->start(core_->config_loader().paths()); !st) {
    log_warning("configuration changes apply only on SIGHUP: " + st.message());
  }
}

void Limberd::configure_dnd() {
  if (stopping_ || !core_) return;
  const Config& c = core_->config();
  const DndSettings settings{c.get_bool("dnd.fullscreen"), c.get_bool("dnd.inhibitors"), c.get_bool("dnd.desktop"),
                             c.get_bool("dnd.calls")};
  dnd_.configure(&loop_, settings, [this] {
    if (core_) core_->prompts().set_dnd_active(dnd_.any_active());
  });
  core_->prompts().set_dnd_active(dnd_.any_active());
}

void Limberd::notify(const std::string& method, const rpc::Json& params) {
  if (ipc_) ipc_->notify(method, params);
}

bool Limberd::tray_connected() const { return ipc_ && ipc_->clients_named("limber-tray") > 0; }

bool Limberd::summon_window_view() {
  if (!tray_launcher_) tray_launcher_ = std::make_unique<WindowViewLauncher>(&loop_);
  std::string why;
  const bool started = tray_launcher_->launch([this] {
    if (core_) core_->prompts().summoned_view_ended();
  }, &why);
  if (!started) log_error("strict mode: cannot start limber-tray to cover the screen: " + why);
  return started;
}

void Limberd::stop() {
  if (stopping_) return;
  stopping_ = true;
  sd_notify(0, "STOPPING=1");
  if (core_) core_->stop();  // records the last events, writes the last report, closes the history
  if (ipc_) ipc_->close();
  logind_.stop();
  dnd_.stop();
  config_watch_.reset();  // its handles close while the loop still runs
  // Its helpers close their notifications and exit while ~Limberd runs the
  // loop to its end.
  if (notifier_) notifier_->stop();
  prompt_review_.reset();
  tray_launcher_.reset();  // a tray it started keeps running
  core_.reset();  // its timers close on this loop
  for (auto* sig : {&sigterm_, &sigint_, &sighup_}) sig->close();
  // After a failed start there was nothing worth saving to report.
  log_info(serving_ ? "stopped; break timers saved" : "stopped");
}

}  // namespace limber
