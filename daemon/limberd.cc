#include "limberd.h"

#include <systemd/sd-daemon.h>

#include <algorithm>
#include <cstdlib>

#include "activity/demo_source.h"
#include "activity/source_selection.h"
#include "api_json.h"
#include "data_dir.h"
#include "engine_settings.h"
#include "limber/duration.h"
#include "log.h"
#include "store/history_path.h"

namespace limber {
namespace {

using namespace std::chrono_literals;

// Buffered history (active time, natural breaks) is written at most this
// long after it was recorded; break outcomes are written at once.
constexpr auto kFlushDelay = 60s;
// How often a history that could not be opened is tried again (daemon
// time), and how many break records are kept for it meanwhile (a month of
// breaks; each is a few dozen bytes).
constexpr auto kHistoryRetry = 60s;
constexpr size_t kMaxUnrecorded = 2000;
// How soon to look for an activity source again after losing one.
constexpr auto kSourceRetry = 10s;

std::string break_name(BreakKind k) {
  switch (k) {
    case BreakKind::kMicro: return "micro-break";
    case BreakKind::kRest: return "rest break";
    case BreakKind::kDaily: return "daily limit";
  }
  return "break";
}

uint64_t to_timer_ms(Duration d) {
  return d.count() <= 0 ? 0 : static_cast<uint64_t>(d.count());
}

}  // namespace

Limberd::Limberd(DaemonOptions options)
    : options_(std::move(options)),
      clock_(options_.time_scale),
      loader_([this] {
        ConfigPaths paths = default_config_paths();
        if (!options_.config_file.empty()) paths.user_file = options_.config_file;
        return paths;
      }()) {
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

bool Limberd::start() {
  reload_config();
  engine_ = std::make_unique<BreakEngine>(engine_rules(), clock_);
  open_history();
  load_catalog();

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
      sighup_.get(), [](uv_signal_t* s, int) { static_cast<Limberd*>(s->data)->reload_config(); },
      SIGHUP);
  for (auto* timer : {&deadline_timer_, &flush_timer_, &retry_timer_, &progress_timer_, &history_retry_timer_}) {
    uv_timer_init(&loop_, timer->get());
    timer->get()->data = this;
  }
  if (!history_) {
    const uint64_t every = to_timer_ms(clock_.to_real(kHistoryRetry));
    uv_timer_start(
        history_retry_timer_.get(), [](uv_timer_t* t) { static_cast<Limberd*>(t->data)->reopen_history(); },
        every, every);
  }

  if (!start_source()) return false;

  register_methods();
  ipc_ = std::make_unique<IpcServer>(&loop_, dispatcher_);
  const std::string socket = options_.runtime_dir + "/limberd.sock";
  if (Status st = ipc_->listen(socket); st) {
    log_info("listening on " + socket);
  } else {
    // Reminders go on; only the views cannot reach the daemon.
    log_error("no IPC socket, limberctl and the tray cannot connect: " + st.message());
  }
  std::string why;
  if (logind_.start(&loop_, *this, &why)) {
    log_info("watching screen lock and suspend through logind");
  } else {
    log_warning("no screen lock or suspend information: " + why);
  }
  start_reminders();
  start_reporting();

  wake();
  sd_notifyf(0, "READY=1\nSTATUS=Watching activity through %s",
             source_ ? std::string(source_->name()).c_str() : "nothing");
  log_info("ready");
  serving_ = true;
  if (options_.on_ready) options_.on_ready();
  return true;
}

void Limberd::reload_config() {
  SystemClock::reload_time_zone();
  std::vector<ConfigDiagnostic> diags;
  const Config previous = config_;
  config_ = loader_.load(&diags);
  for (const ConfigDiagnostic& d : diags) {
    if (d.severity == ConfigDiagnostic::Severity::kError) {
      log_error(d.to_string());
    } else {
      log_warning(d.to_string());
    }
  }
  const ConfigPaths& paths = loader_.paths();
  log_info("configuration loaded (user file " + paths.user_file + ", policies in " + paths.policy_dir +
           (diags.empty() ? ")" : "; " + std::to_string(diags.size()) + " problem(s) reported)"));
  if (selector_) selector_->set_settings(exercise_settings(config_));
  if (engine_) {
    const Duration old_grace = engine_->config().idle_grace;
    engine_->set_config(engine_rules());
    if (source_ && engine_->config().idle_grace != old_grace) {
      // Sources that keep an idle notification or watch asked for the old
      // grace: start them afresh with the new one.
      log_info("restarting the activity source for the new idle grace");
      replace_source();
    }
    wake();
    configure_dnd();
    report_soon(true);  // reporting may have been turned on, or the spool moved
  }
  if (ipc_) {
    const std::vector<std::string> changed = changed_keys(previous, config_);
    if (!changed.empty()) ipc_->notify("config.changed", rpc::Json{{"keys", changed}});
  }
}

void Limberd::load_catalog() {
  const std::string dir = limber_data_dir();
  std::vector<CatalogProblem> problems;
  Status st = load_exercise_catalog(dir + "/exercises.toml", &catalog_, &problems);
  if (st) {
    for (const CatalogProblem& p : validate_catalog(catalog_, break_lengths(config_))) problems.push_back(p);
  }
  if (Status c = load_checklists(dir + "/checklists.toml", &checklists_, &problems); !c && st) st = c;
  if (Status h = load_health_notice(dir + "/health.toml", &health_, &problems); !h && st) st = h;
  for (const CatalogProblem& p : problems) log_warning("exercise data: " + p.to_string());
  if (!st) log_error("exercise data incomplete: " + st.message());
  log_info("exercise catalog: " + std::to_string(catalog_.exercises.size()) + " exercises, " +
           std::to_string(checklists_.checklists.size()) + " checklists from " + dir);
  selector_ = std::make_unique<ExerciseSelector>(catalog_, static_cast<uint64_t>(clock_.wall().time_since_epoch().count()));
  selector_->set_settings(exercise_settings(config_));
  for (const std::string& id : unknown_exercise_ids(selector_->settings(), catalog_)) {
    log_warning("exercises: no exercise '" + id + "' in the catalog (named in the configuration)");
  }
  if (history_) {
    if (auto state = history_->load_meta("exercise_rotation")) {
      std::string err;
      if (!selector_->restore_state(*state, &err)) log_warning("exercise rotation restarted: " + err);
    }
  }
}

void Limberd::choose_exercises(const EngineEvent& due) {
  if (shown_exercises_.count(due.id) || !selector_) return;  // a prompt shown again after quiet
  rpc::Json shown = rpc::Json::array();
  std::vector<std::string> ids;
  if (due.brk == BreakKind::kMicro) {
    if (auto id = selector_->choose_micro()) ids.push_back(*id);
  } else if (due.brk == BreakKind::kRest) {
    ids = selector_->choose_rest().exercise_ids;
  }
  for (const std::string& id : ids) {
    if (const Exercise* e = catalog_.find(id)) {
      shown.push_back(rpc::Json{{"id", e->id}, {"name", e->name}, {"duration_s", e->duration_seconds},
                                {"illustration", e->illustration}});
    }
  }
  shown_exercises_[due.id] = shown;
  if (history_) {
    Status st = history_->save_meta("exercise_rotation", selector_->save_state());
    if (!st) log_warning("exercise rotation not saved: " + st.message());
  }
}

EngineConfig Limberd::engine_rules() const {
  return options_.demo ? demo_engine_config(config_) : engine_config_from(config_);
}

void Limberd::open_history() {
  std::string path = default_history_path();
  if (options_.demo) {
    // Demo breaks are not the user's history.
    path = path.substr(0, path.rfind('/') + 1) + "demo-history.sqlite3";
  }
  Status st;
  history_ = HistoryStore::open(path, &st);
  if (!history_) {
    history_open_error_ = st.message();
    log_error("history is not recorded: " + st.message() + "; trying again every " +
              format_duration(kHistoryRetry));
    return;
  }
  log_info("history in " + path);
  WallTime saved_at{};
  if (auto state = history_->load_timer_state(&saved_at)) {
    std::string err;
    if (engine_->restore(*state, &err)) {
      const auto away = std::chrono::duration_cast<std::chrono::seconds>(clock_.wall() - saved_at);
      log_info("break timers restored (saved " + format_duration(std::max(Duration{0}, Duration{away})) +
               " ago; that time counts as idle)");
      active_recorded_ = engine_->status().active_total;
    } else {
      log_warning("saved break timers not usable, starting afresh: " + err);
    }
  }
  bool pruned = false;
  Status pst = history_->prune(clock_.wall(), static_cast<int>(config_.get_int("history.retention_days")),
                               &pruned);
  if (!pst) log_warning("history pruning failed: " + pst.message());
}

void Limberd::reopen_history() {
  if (history_ || stopping_) return;
  std::string path = default_history_path();
  if (options_.demo) path = path.substr(0, path.rfind('/') + 1) + "demo-history.sqlite3";
  Status st;
  history_ = HistoryStore::open(path, &st);
  if (!history_) {
    if (st.message() != history_open_error_) {
      history_open_error_ = st.message();
      log_error("history is still not recorded: " + st.message());
    }
    return;
  }
  uv_timer_stop(history_retry_timer_.get());
  history_open_error_.clear();
  // The timers running now are the truth; the saved ones are older.
  size_t written = 0;
  for (const EngineEvent& e : unrecorded_) {
    if (history_->record(e)) ++written;
  }
  unrecorded_.clear();
  account_active_time();
  save_timers();
  Status fst = history_->flush();
  log_notice("history in " + path + " can be written again: caught up on " + std::to_string(written) +
             " break records" + (fst ? "" : " (kept in memory for now: " + fst.message() + ")"));
  arm();
}

bool Limberd::start_source() {
  const std::string preference =
      !options_.source_override.empty() ? options_.source_override : config_.get_string("activity.source");
  const Duration grace = clock_.to_real(engine_->config().idle_grace);
  if (preference == "demo") {
    source_ = std::make_unique<DemoSource>(clock_.scale());
    std::string ignored;
    source_->start(&loop_, clock_, grace, *this, &ignored);
    log_notice("activity source: demo (a pretend user types for 27 s, then is away for 13 s)");
    return true;
  }
  std::vector<std::string> failures;
  source_ = start_activity_source(preference, &loop_, clock_, grace, *this, &failures);
  if (source_) {
    log_info("activity source: " + std::string(source_->name()));
    return true;
  }
  std::string tried;
  for (const std::string& f : failures) tried += (tried.empty() ? "" : "; ") + f;
  if (options_.demo) {
    log_notice("no activity source works here (" + tried + "); the demo pretends the user types");
    options_.source_override = "demo";
    return start_source();
  }
  log_error("no activity source works here: " + tried);
  return false;
}

void Limberd::on_input(MonoTime at) {
  watching_ = false;
  engine_->input(at);
  wake();
}

void Limberd::on_session(SessionEvent event) {
  static constexpr const char* kNames[] = {"screen locked", "screen unlocked", "going to sleep",
                                           "woke up"};
  log_info(kNames[static_cast<int>(event)]);
  engine_->session(event);
  wake();
}

void Limberd::on_source_lost(std::string_view source, std::string_view why) {
  log_error("lost the activity source " + std::string(source) + ": " + std::string(why));
  replace_source();
}

void Limberd::replace_source() {
  // Never from inside the source's own callback: from the loop, at once,
  // and again every kSourceRetry until a source starts.
  uv_timer_start(
      retry_timer_.get(),
      [](uv_timer_t* t) {
        auto* self = static_cast<Limberd*>(t->data);
        if (self->source_) self->source_->stop();
        self->source_.reset();
        self->watching_ = false;
        if (!self->start_source()) {
          log_notice("looking for an activity source again in " + format_duration(kSourceRetry));
          uv_timer_start(t, t->timer_cb, to_timer_ms(kSourceRetry), 0);
          return;
        }
        self->wake();
      },
      0, 0);
}

void Limberd::wake() {
  if (stopping_) return;
  if (source_) {
    if (auto idle = source_->idle_time()) engine_->input(clock_.mono() - clock_.from_real(*idle));
  }
  engine_->advance();
  const std::vector<EngineEvent> events = engine_->take_events();
  for (const EngineEvent& e : events) handle(e);
  account_active_time();
  arm();
  if (!events.empty()) notify_state();
  review_prompts();  // e.g. the user paused: auto turns a notification into the window
}

void Limberd::handle(const EngineEvent& e) {
  const std::string what = break_name(e.brk) + " #" + std::to_string(e.id);
  // Lines about recorded events are logged once the record is written: a
  // line seen in the log must never name a break a kill -9 can still lose.
  std::string recorded_line;
  switch (e.kind) {
    case EventKind::kBecameActive: log_debug("user active"); break;
    case EventKind::kBecameIdle: log_debug("user idle"); break;
    case EventKind::kNaturalBreak:
      recorded_line = "natural " + break_name(e.brk) + ": away for " + format_duration(e.amount);
      break;
    case EventKind::kBreakDue:
      recorded_line = what + " due" + (e.requested ? " (asked for)" : "");
      choose_exercises(e);
      // Window or notification, decided afresh (also for a held prompt
      // that returns) and said in break.due.
      prompts_[e.id] = PromptShown{prompt_way_now(std::nullopt), e.brk, e.requested};
      break;
    case EventKind::kBreakHeld: log_info(what + " held until quiet mode ends"); break;
    case EventKind::kBreakStarted: log_info(what + " started"); break;
    case EventKind::kBreakPaused: log_debug(what + " paused by activity"); break;
    case EventKind::kBreakResumed: log_debug(what + " resumed"); break;
    case EventKind::kBreakEnded:
      recorded_line = what + " ended: " + std::string(to_string(e.outcome));
      break;
    case EventKind::kModeChanged: log_info("mode: " + std::string(to_string(e.mode))); break;
    case EventKind::kDayStarted:
      log_info("a new day begins");
      if (history_) {
        Status st = history_->prune(e.wall, static_cast<int>(config_.get_int("history.retention_days")));
        if (!st) log_warning("history pruning failed: " + st.message());
      }
      break;
    case EventKind::kClockChanged:
      log_notice("the wall clock jumped by " + std::string(e.amount.count() < 0 ? "-" : "+") +
                 format_duration(e.amount.count() < 0 ? -e.amount : e.amount) +
                 "; break timers are unaffected");
      break;
  }
  if (ipc_) {
    const char* method = e.kind == EventKind::kBreakDue       ? "break.due"
                         : e.kind == EventKind::kBreakStarted ? "break.started"
                         : e.kind == EventKind::kBreakEnded   ? "break.ended"
                                                              : nullptr;
    if (method != nullptr) {
      rpc::Json params = break_event_json(e, engine_->config(), clock_);
      if (auto it = shown_exercises_.find(e.id); it != shown_exercises_.end()) params["exercises"] = it->second;
      if (auto it = prompts_.find(e.id); e.kind == EventKind::kBreakDue && it != prompts_.end()) {
        params["prompt"] = to_string(it->second.way);
      }
      ipc_->notify(method, params);
    }
  }
  remind(e);
  if (e.kind == EventKind::kBreakEnded) shown_exercises_.erase(e.id);
  const bool lasting = e.kind == EventKind::kBreakDue || e.kind == EventKind::kBreakEnded ||
                       e.kind == EventKind::kNaturalBreak;
  if (!history_ && lasting && e.kind != EventKind::kBreakDue) {
    // Kept for a history that opens later; the oldest go first when a very
    // long outage fills the backlog.
    if (unrecorded_.size() >= kMaxUnrecorded) unrecorded_.erase(unrecorded_.begin());
    unrecorded_.push_back(e);
  }
  if (history_ && lasting) {
    // A break's due and end are written at once, together with the timers,
    // so a kill -9 right after loses neither.
    account_active_time();
    history_->save_timer_state(clock_.wall(), engine_->serialize());
    Status st = history_->record(e);
    if (e.kind == EventKind::kBreakDue) {
      // Recorded with the break's row, which record() has just written.
      auto shown = shown_exercises_.find(e.id);
      if (shown != shown_exercises_.end() && !shown->second.empty()) {
        history_->set_exercise(e.id, shown->second.front()["id"].get<std::string>());
      }
    }
    // Natural breaks and the exercise shown are buffered by the store; write
    // them now too, so a kill -9 loses no recorded break.
    if (st && (e.kind == EventKind::kNaturalBreak || e.kind == EventKind::kBreakDue)) {
      st = history_->flush();
    }
    if (!st) log_error("history write failed (kept in memory, retried): " + st.message());
  }
  if (!recorded_line.empty()) log_info(recorded_line);
  // The fleet report follows what was just recorded; a new day writes the
  // day that ended at once.
  if (e.kind == EventKind::kBreakEnded || e.kind == EventKind::kNaturalBreak) report_soon(false);
  if (e.kind == EventKind::kDayStarted) report_soon(true);
}

void Limberd::account_active_time() {
  if (!history_) return;
  const Duration total = engine_->status().active_total;
  if (total > active_recorded_) {
    const Duration d = total - active_recorded_;
    history_->add_active(clock_.wall() - d, d);
    active_recorded_ = total;
  }
}

void Limberd::arm() {
  if (stopping_) return;
  if (source_ && !watching_ && engine_->wants_input_promptly()) {
    watching_ = true;
    source_->watch_for_input();
  }
  if (const auto deadline = engine_->next_deadline()) {
    // One millisecond late rather than early: waking before the deadline
    // would find nothing to do and re-arm for the same moment.
    const Duration wait = clock_.to_real(*deadline - clock_.mono()) + 1ms;
    uv_timer_start(
        deadline_timer_.get(), [](uv_timer_t* t) { static_cast<Limberd*>(t->data)->wake(); },
        to_timer_ms(wait), 0);
  } else {
    uv_timer_stop(deadline_timer_.get());
  }
  // While a break's countdown runs, tell subscribers once a second.
  const EngineStatus status = engine_->status();
  const bool counting = std::any_of(status.breaks.begin(), status.breaks.end(), [](const BreakStatus& b) {
    return b.phase == BreakStatus::Phase::kDue && b.started;
  });
  if (counting && !uv_is_active(progress_timer_.base())) {
    uv_timer_start(
        progress_timer_.get(), [](uv_timer_t* t) { static_cast<Limberd*>(t->data)->notify_progress(); },
        1000, 1000);
  } else if (!counting) {
    uv_timer_stop(progress_timer_.get());
  }
  if (history_ && history_->has_pending() && !uv_is_active(flush_timer_.base())) {
    uv_timer_start(
        flush_timer_.get(), [](uv_timer_t* t) { static_cast<Limberd*>(t->data)->flush_history(); },
        to_timer_ms(kFlushDelay), 0);
  }
}

void Limberd::notify_state() {
  if (ipc_) ipc_->notify("state.changed", status_now());
}

void Limberd::notify_progress() {
  if (!ipc_) return;
  engine_->advance();
  for (const BreakStatus& b : engine_->status().breaks) {
    if (b.phase != BreakStatus::Phase::kDue || !b.started) continue;
    ipc_->notify("break.progress",
                 rpc::Json{{"id", b.id},
                           {"kind", to_string(b.kind)},
                           {"progress_s", whole_seconds(b.progress)},
                           {"duration_s", whole_seconds(engine_->config().rule(b.kind).duration)},
                           {"counting", !engine_->status().active}});
  }
  // Events the advance produced (a break that just ended) are handled by
  // the wake that follows at their deadline.
}

void Limberd::save_timers() {
  if (!history_) return;
  account_active_time();
  history_->save_timer_state(clock_.wall(), engine_->serialize());
}

void Limberd::flush_history() {
  if (!history_) return;
  save_timers();
  Status st = history_->flush();
  if (!st) {
    log_error("history write failed (kept in memory, retried): " + st.message());
    arm();
  }
}

void Limberd::stop() {
  if (stopping_) return;
  stopping_ = true;
  sd_notify(0, "STOPPING=1");
  if (engine_) engine_->advance();
  if (engine_) {
    for (const EngineEvent& e : engine_->take_events()) handle(e);
  }
  flush_history();
  stop_reporting();  // the last report, from the flushed history
  history_.reset();  // closes the database
  if (ipc_) ipc_->close();
  if (source_) source_->stop();
  logind_.stop();
  stop_reminders();
  for (auto* timer : {&deadline_timer_, &flush_timer_, &retry_timer_, &progress_timer_, &history_retry_timer_})
    timer->close();
  for (auto* sig : {&sigterm_, &sigint_, &sighup_}) sig->close();
  // After a failed start there was nothing worth saving to report.
  log_info(serving_ ? "stopped; break timers saved" : "stopped");
}

}  // namespace limber
