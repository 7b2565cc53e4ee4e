#include "fleet_reporter.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "api_json.h"
#include "checklist_view.h"
#include "limber/atomic_file.h"
#include "limber/report_spool.h"
#include "log.h"
#include "report/day_figures.h"

namespace limber {

using rpc::Json;

namespace {

std::string iso_date(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

}  // namespace

FleetReporter::FleetReporter(const Clock& clock, TimerFactory& timers, const Config& config,
                             HistoryRecorder& history, const ChecklistSet& checklists)
    : clock_(clock),
      config_(config),
      history_(history),
      checklists_(checklists),
      timer_(timers.make([this] { write_and_plan(); })) {}

std::string FleetReporter::spool_file() const {
  return report::report_path(config_.get_string("report.spool_dir"), ::getuid());
}

void FleetReporter::start() {
  started_ = true;
  if (config_.get_bool("report.enabled")) {
    log_info("fleet reporting is on (" + config_.explain("report.enabled").to_string() + "); writing " +
             spool_file());
  }
  report_soon(true);
}

void FleetReporter::after(const std::vector<EngineEvent>& events) {
  // The day that ended is written at once; breaks wait for the schedule,
  // so the report's time says nothing about when a break ended.
  for (const EngineEvent& e : events) {
    if (e.kind == EventKind::kDayStarted) report_soon(true);
  }
}

void FleetReporter::report_soon(bool at_once) {
  if (!started_ || !config_.get_bool("report.enabled")) return;
  if (at_once) {
    timer_->start(Duration{0});
    return;
  }
  // Every user writes at the same quarter hours of the wall clock.
  const auto now = std::chrono::system_clock::time_point{clock_.wall().time_since_epoch()};
  const Duration wait = std::chrono::duration_cast<Duration>(report::next_report_write(now) - now);
  timer_->start(std::max(wait, Duration{0}));
}

report::DailyReport FleetReporter::current_report() {
  report::DailyReport r;
  r.limber_version = LIMBER_VERSION;
  const int day_start = config_.get_minute_of_day("schedule.day_starts_at");
  const LocalTime now = clock_.local(clock_.wall());
  std::chrono::sys_days today{now.date};
  if (now.minute_of_day < day_start) today -= std::chrono::days{1};
  const std::chrono::sys_days yesterday = today - std::chrono::days{1};
  r.last_complete_day.date = iso_date(yesterday);
  r.today.date = iso_date(today);
  std::vector<DayStats> stats;
  if (HistoryStore* store = history_.store()) {
    // The same figures as the `stats` method: no query of its own.
    if (Status st = store->day_stats(day_boundaries(yesterday, 2, day_start, now.utc_offset), &stats);
        st && stats.size() == 2) {
      r.last_complete_day = report::day_figures(stats[0], r.last_complete_day.date);
      r.today = report::day_figures(stats[1], r.today.date);
    } else if (!st) {
      log_warning("fleet report: cannot read the history: " + st.message());
    }
  }
  for (const Checklist& list : checklists_.checklists) {
    const Json j = checklist_json(list, false, history_.store(), clock_, config_.get_int("checklist.recheck_days"));
    if (!j["last_checked"].is_string()) continue;  // never answered
    r.checklists[list.id] = {j["score"]["percent"].get<int>(), j["last_checked"].get<std::string>().substr(0, 10),
                             j["recheck_due"].get<bool>()};
  }
  return r;
}

void FleetReporter::write() {
  if (!config_.get_bool("report.enabled")) return;
  const std::string path = spool_file();
  const std::string text = report::to_json(current_report()).dump(2) + "\n";
  std::string err;
  // 0600: the exporter runs as root; other users have no business reading it.
  if (!report::write_file_atomically(path, text, 0600, &err)) {
    if (err != problem_) {
      log_error("fleet report not written (reminders are not affected): " + err +
                "; root makes each user's <spool>/<uid>/ at login (limber-spool.path runs "
                "limber-fleet-export --prepare-spool)");
      problem_ = err;
    }
    return;
  }
  if (!problem_.empty()) log_notice("fleet report written again to " + path);
  problem_.clear();
  written_at_ = clock_.wall();
  log_debug("fleet report written to " + path);
}

void FleetReporter::write_and_plan() {
  write();
  report_soon(false);  // the next quarter hour
}

void FleetReporter::stop() {
  if (!started_) return;
  if (config_.get_bool("report.enabled")) write();
  timer_->stop();
  started_ = false;
}

Json FleetReporter::describe() {
  const ConfigExplanation enabled = config_.explain("report.enabled");
  return Json{{"enabled", config_.get_bool("report.enabled")},
              {"enabled_by", enabled.file},
              {"layer", config_layer_name(enabled.layer)},
              {"spool_dir", config_.get_string("report.spool_dir")},
              {"file", spool_file()},
              {"last_written", written_at_ == WallTime{} ? Json(nullptr) : Json(iso_local_time(written_at_, clock_))},
              {"problem", problem_},
              {"report", report::to_json(current_report())}};
}

}  // namespace limber
