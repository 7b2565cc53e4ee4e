#include "fleet_reporter.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "api_json.h"
#include "checklist_view.h"
#include "limber/atomic_file.h"
#include "log.h"
#include "report/day_figures.h"

namespace limber {

using rpc::Json;

namespace {

using namespace std::chrono_literals;

// The shortest time between two writes, in the daemon's time.
constexpr Duration kReportInterval = 60s;

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
      timer_(timers.make([this] { write(); })) {}

std::string FleetReporter::spool_file() const {
  return config_.get_string("report.spool_dir") + "/" + std::to_string(::getuid()) + ".json";
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
  // The report follows what was just recorded; a new day writes the day
  // that ended at once.
  for (const EngineEvent& e : events) {
    if (e.kind == EventKind::kDayStarted) {
      report_soon(true);
    } else if (e.kind == EventKind::kBreakEnded || e.kind == EventKind::kNaturalBreak) {
      report_soon(false);
    }
  }
}

void FleetReporter::report_soon(bool at_once) {
  if (!started_ || !config_.get_bool("report.enabled")) return;
  Duration wait{0};
  if (!at_once && written_mono_) wait = std::max(Duration{0}, *written_mono_ + kReportInterval - clock_.mono());
  // A write already planned soon enough stays; an earlier one replaces it.
  if (timer_->active() && timer_->due_in() <= wait) return;
  timer_->start(wait);
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
                "; the spool directory comes with the limber package (systemd-tmpfiles) and must be "
                "writable by every user, mode 1733");
      problem_ = err;
    }
    return;
  }
  if (!problem_.empty()) log_notice("fleet report written again to " + path);
  problem_.clear();
  written_mono_ = clock_.mono();
  written_at_ = clock_.wall();
  log_debug("fleet report written to " + path);
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
