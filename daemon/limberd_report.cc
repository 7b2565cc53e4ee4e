// Limberd's fleet reporting: when the organisation's policy (or site file)
// sets report.enabled, the daemon keeps `<report.spool_dir>/<uid>.json` up
// to date with the user's daily aggregate (report/daily_report.h): after a
// break ends (at most once a minute of the daemon's time, from a timer,
// never inside the event's handling), when a day begins, on reload and at
// shutdown. A spool that is missing or not writable is logged once per
// distinct problem and otherwise changes nothing. `report.get` shows the
// user exactly what is (or would be) written.
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "api_json.h"
#include "limberd.h"
#include "log.h"
#include "limber/atomic_file.h"
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

std::string spool_file(const Config& config) {
  return config.get_string("report.spool_dir") + "/" + std::to_string(::getuid()) + ".json";
}

}  // namespace

void Limberd::start_reporting() {
  uv_timer_init(&loop_, report_timer_.get());
  report_timer_.get()->data = this;
  reporting_started_ = true;
  if (config_.get_bool("report.enabled")) {
    log_info("fleet reporting is on (" + config_.explain("report.enabled").to_string() + "); writing " +
             spool_file(config_));
  }
  report_soon(true);
}

void Limberd::report_soon(bool at_once) {
  if (!reporting_started_ || stopping_ || !config_.get_bool("report.enabled")) return;
  Duration wait{0};
  if (!at_once && report_written_mono_) {
    wait = std::max(Duration{0}, *report_written_mono_ + kReportInterval - clock_.mono());
  }
  // A write already planned soon enough stays; an earlier one replaces it.
  const uint64_t wait_ms = static_cast<uint64_t>(clock_.to_real(wait).count());
  if (uv_is_active(report_timer_.base()) && uv_timer_get_due_in(report_timer_.get()) <= wait_ms) return;
  uv_timer_start(
      report_timer_.get(), [](uv_timer_t* t) { static_cast<Limberd*>(t->data)->write_report(); }, wait_ms, 0);
}

report::DailyReport Limberd::current_report() {
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
  if (history_) {
    // The same figures as the `stats` method: no query of its own.
    if (Status st = history_->day_stats(day_boundaries(yesterday, 2, day_start, now.utc_offset), &stats);
        st && stats.size() == 2) {
      r.last_complete_day = report::day_figures(stats[0], r.last_complete_day.date);
      r.today = report::day_figures(stats[1], r.today.date);
    } else if (!st) {
      log_warning("fleet report: cannot read the history: " + st.message());
    }
  }
  for (const Checklist& list : checklists_.checklists) {
    const Json j = checklist_json(list, false);
    if (!j["last_checked"].is_string()) continue;  // never answered
    r.checklists[list.id] = {j["score"]["percent"].get<int>(), j["last_checked"].get<std::string>().substr(0, 10),
                             j["recheck_due"].get<bool>()};
  }
  return r;
}

void Limberd::write_report() {
  if (!config_.get_bool("report.enabled")) return;
  const std::string path = spool_file(config_);
  const std::string text = report::to_json(current_report()).dump(2) + "\n";
  std::string err;
  // 0600: the exporter runs as root; other users have no business reading it.
  if (!report::write_file_atomically(path, text, 0600, &err)) {
    if (err != report_problem_) {
      log_error("fleet report not written (reminders are not affected): " + err +
                "; the spool directory comes with the limber package (systemd-tmpfiles) and must be "
                "writable by every user, mode 1733");
      report_problem_ = err;
    }
    return;
  }
  if (!report_problem_.empty()) log_notice("fleet report written again to " + path);
  report_problem_.clear();
  report_written_mono_ = clock_.mono();
  report_written_at_ = clock_.wall();
  log_debug("fleet report written to " + path);
}

void Limberd::stop_reporting() {
  if (!reporting_started_) return;
  if (config_.get_bool("report.enabled")) write_report();
  report_timer_.close();
  reporting_started_ = false;
}

void Limberd::register_report_methods() {
  dispatcher_.add("report.get", [this](const Params&, ClientContext&) {
    const ConfigExplanation enabled = config_.explain("report.enabled");
    const bool on = config_.get_bool("report.enabled");
    return RpcReply::ok(Json{
        {"enabled", on},
        {"enabled_by", enabled.file},
        {"layer", config_layer_name(enabled.layer)},
        {"spool_dir", config_.get_string("report.spool_dir")},
        {"file", spool_file(config_)},
        {"last_written",
         report_written_at_ == WallTime{} ? Json(nullptr) : Json(iso_local_time(report_written_at_, clock_))},
        {"problem", report_problem_},
        {"report", report::to_json(current_report())}});
  });
}

}  // namespace limber
