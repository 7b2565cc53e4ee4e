#include "daemon_core.h"

#include "api/api.h"
#include "api_json.h"
#include "engine_settings.h"
#include "log.h"
#include "routine/exercise_settings.h"
#include "system_clock.h"

namespace limber {

namespace {

// Reads every layer; each problem goes to the log with file, line and key,
// and each error (a file refused or kept at its last good copy) to *errors,
// which `status` reports until a reload finds the files good.
Config load_logged(ConfigLoader& loader, std::vector<std::string>* errors) {
  std::vector<ConfigDiagnostic> diags;
  Config config = loader.load(&diags);
  errors->clear();
  for (const ConfigDiagnostic& d : diags) {
    if (d.severity == ConfigDiagnostic::Severity::kError) {
      log_error(d.to_string());
      errors->push_back(d.to_string());
    } else {
      log_warning(d.to_string());
    }
  }
  const ConfigPaths& paths = loader.paths();
  log_info("configuration loaded (user file " + paths.user_file + ", policies in " + paths.policy_dir +
           (diags.empty() ? ")" : "; " + std::to_string(diags.size()) + " problem(s) reported)"));
  return config;
}

}  // namespace

DaemonCore::DaemonCore(DaemonDeps deps)
    : deps_(std::move(deps)),
      loader_(deps_.config_paths),
      config_(load_logged(loader_, &config_errors_)),
      loop_(deps_.clock, deps_.timers, engine_rules(), deps_.time_scale),
      history_(
          deps_.clock, deps_.timers, [this] { return loop_.snapshot(); },
          [this] { return static_cast<int>(config_.get_int("history.retention_days")); }),
      prompts_(deps_.clock, deps_.timers, loop_, history_, deps_.views, config_, catalog_.exercises, deps_.notifier),
      reporter_(deps_.clock, deps_.timers, config_, history_, catalog_.checklists) {
  loop_.set_observer(this);
  prompts_.set_state_changed([this] { publish_state(); });
  load_catalog();
}

DaemonCore::~DaemonCore() { stop(); }

void DaemonCore::load_config() {
  const Config previous = config_;
  config_ = load_logged(loader_, &config_errors_);
  if (!started_) return;
  const std::vector<std::string> changed = changed_keys(previous, config_);
  if (!changed.empty()) deps_.views.notify("config.changed", rpc::Json{{"keys", changed}});
}

EngineConfig DaemonCore::engine_rules() const {
  return deps_.demo ? demo_engine_config(config_) : engine_config_from(config_);
}

void DaemonCore::load_catalog() {
  const std::string& dir = deps_.data_dir;
  std::vector<CatalogProblem> problems;
  Status st = load_exercise_catalog(dir + "/exercises.toml", &catalog_.exercises, &problems);
  if (st) {
    for (const CatalogProblem& p : validate_catalog(catalog_.exercises, break_lengths(config_))) problems.push_back(p);
  }
  if (Status c = load_checklists(dir + "/checklists.toml", &catalog_.checklists, &problems); !c && st) st = c;
  if (Status h = load_health_notice(dir + "/health.toml", &catalog_.health, &problems); !h && st) st = h;
  for (const CatalogProblem& p : problems) log_warning("exercise data: " + p.to_string());
  if (!st) log_error("exercise data incomplete: " + st.message());
  log_info("exercise catalog: " + std::to_string(catalog_.exercises.exercises.size()) + " exercises, " +
           std::to_string(catalog_.checklists.checklists.size()) + " checklists from " + dir);
  for (const std::string& id : unknown_exercise_ids(exercise_settings(config_), catalog_.exercises)) {
    log_warning("exercises: no exercise '" + id + "' in the catalog (named in the configuration)");
  }
}

bool DaemonCore::start(SourceStarter starter) {
  WallTime saved_at{};
  if (auto state = history_.open(deps_.history_path, &saved_at)) {
    std::string err;
    if (!loop_.restore(*state, saved_at, &err)) log_warning("saved break timers not usable, starting afresh: " + err);
  }
  prompts_.start();
  if (!loop_.start(std::move(starter))) return false;
  register_api();
  started_ = true;
  reporter_.start();
  if (on_config_loaded) on_config_loaded();
  loop_.wake();
  return true;
}

void DaemonCore::reload_config() {
  SystemClock::reload_time_zone();
  load_config();
  if (!started_) {
    prompts_.configure();
    return;
  }
  loop_.set_rules(engine_rules());
  prompts_.configure();  // exercises fit the new rules
  if (on_config_loaded) on_config_loaded();  // do-not-disturb conditions
  loop_.wake();
  reporter_.report_soon(true);  // reporting may have been turned on, or the spool moved
}

void DaemonCore::stop() {
  if (stopped_ || !started_) return;
  stopped_ = true;
  loop_.stop();
  history_.flush();
  reporter_.stop();  // the last report, from the flushed history
  history_.close();
  prompts_.stop();
}

void DaemonCore::on_active_time(WallTime start, Duration d) { history_.add_active(start, d); }

void DaemonCore::on_break_events(const std::vector<EngineEvent>& events) {
  prompts_.prepare(events);
  history_.record(events, [this](uint64_t id) { return prompts_.exercise_of(id); });
  prompts_.publish(events);
  reporter_.after(events);
  publish_state();
}

void DaemonCore::after_wake() {
  history_.schedule_flush();
  prompts_.after_wake();
}

protocol::DaemonStatus DaemonCore::status() const {
  const BreakEngine& engine = loop_.engine();
  protocol::DaemonStatus s = engine_status(engine.status(), engine.config(), deps_.clock);
  for (const BreakStatus& b : engine.status().breaks) {
    if (b.phase == BreakStatus::Phase::kDue) s.due = prompts_.due_break(b.id);
  }
  s.source = loop_.source_name();
  s.tray_connected = deps_.views.tray_connected();
  s.history = history_.path();
  s.history_health = history_.health();
  s.quiet = prompts_.user_quiet();  // the engine's quiet also counts do-not-disturb
  if (held_by) s.held_by = held_by();
  s.config_errors = config_errors_;
  return s;
}

void DaemonCore::publish_state() {
  if (started_) deps_.views.notify("state.changed", protocol::to_json(status()));
}

void DaemonCore::tray_arrived() {
  publish_state();
  prompts_.review();  // a tray to show the window now
}

void DaemonCore::register_api() {
  api::register_session_methods(*this);
  api::register_break_methods(*this);
  api::register_config_methods(*this);
  api::register_stats_methods(*this);
  api::register_catalog_methods(*this);
  api::register_report_methods(*this);
}

}  // namespace limber
