// DaemonCore: limberd without its process. It wires the parts, each with
// one job, and routes what the break loop publishes:
//
//   BreakLoop ──events, active time──▶ DaemonCore ──▶ PromptCoordinator.prepare
//                                                 ──▶ HistoryRecorder.record
//                                                 ──▶ PromptCoordinator.publish ──▶ Views
//                                                 ──▶ FleetReporter.after
//   RpcDispatcher ◀── api/*.cc (one file per method area) ──▶ the parts
//
// Everything it needs from the outside is injected (DaemonDeps): the clock,
// the timers, the views, the activity source (SourceStarter), where the
// configuration, history and data live, and the notifier. limberd
// (limberd.h) gives it the real ones; tests/unit/daemon runs a whole
// simulated working day through it in-process.
//
// Threading: the loop thread.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "break_loop.h"
#include "fleet_reporter.h"
#include "history_recorder.h"
#include "ipc/rpc_dispatcher.h"
#include "limber/catalog.h"
#include "limber/config.h"
#include "limber/protocol.h"
#include "prompt_coordinator.h"
#include "views.h"

namespace limber {

struct DaemonDeps {
  const Clock& clock;
  TimerFactory& timers;
  Views& views;
  ConfigPaths config_paths;
  std::string history_path;
  std::string data_dir;       // exercises.toml, checklists.toml, health.toml
  bool demo = false;          // short break rules
  double time_scale = 1.0;    // how much faster than real time the clock runs
  BreakNotifier* notifier = nullptr;  // null: no desktop notifications
};

struct CatalogData {
  ExerciseCatalog exercises;
  ChecklistSet checklists;
  HealthNotice health;
};

class DaemonCore final : public BreakObserver {
 public:
  // Loads the configuration and the catalog (problems are logged).
  explicit DaemonCore(DaemonDeps deps);
  ~DaemonCore();
  DaemonCore(const DaemonCore&) = delete;
  DaemonCore& operator=(const DaemonCore&) = delete;

  // Opens the history, restores the timers, starts the activity source and
  // registers the API. False when no activity source works.
  bool start(SourceStarter starter);
  // Reads the configuration again (SIGHUP, config.set).
  void reload_config();
  // Runs the engine to now, records and reports the last of it.
  void stop();

  protocol::DaemonStatus status() const;
  // The status to every view (state.changed).
  void publish_state();
  // A tray said hello: it gets the state, and prompts may move to it.
  void tray_arrived();
  // Names of the do-not-disturb conditions that hold prompts now.
  std::function<std::vector<std::string>()> held_by;
  // Called after each configuration (re)load, once started.
  std::function<void()> on_config_loaded;

  RpcDispatcher& dispatcher() { return dispatcher_; }
  const Clock& clock() const { return deps_.clock; }
  const Config& config() const { return config_; }
  const ConfigLoader& config_loader() const { return loader_; }
  const CatalogData& catalog() const { return catalog_; }
  BreakLoop& loop() { return loop_; }
  HistoryRecorder& history() { return history_; }
  PromptCoordinator& prompts() { return prompts_; }
  FleetReporter& reporter() { return reporter_; }
  Views& views() { return deps_.views; }

 private:
  // BreakObserver.
  void on_active_time(WallTime start, Duration d) override;
  void on_break_events(const std::vector<EngineEvent>& events) override;
  void after_wake() override;

  EngineConfig engine_rules() const;
  void load_config();
  void load_catalog();
  void register_api();

  DaemonDeps deps_;
  ConfigLoader loader_;
  std::vector<std::string> config_errors_;  // from the last load, for status
  Config config_;
  CatalogData catalog_;
  BreakLoop loop_;
  HistoryRecorder history_;
  PromptCoordinator prompts_;
  FleetReporter reporter_;
  RpcDispatcher dispatcher_;
  bool started_ = false;
  bool stopped_ = false;
};

}  // namespace limber
