// FleetReporter: when the organisation's policy (or site file) sets
// report.enabled, keeps `<report.spool_dir>/<uid>/report.json`
// (limber/report_spool.h) up to date with the user's daily aggregate
// (limber/daily_report.h): at start, every quarter hour of the wall clock
// (the same moments for every user, so a report's time says nothing about
// when a break ended), when a day begins, on reload and at shutdown. A spool
// that is missing or not writable is logged once per distinct problem and
// otherwise changes nothing. report.get shows the user exactly what is (or
// would be) written.
//
// Threading: the loop thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "daemon_timer.h"
#include "history_recorder.h"
#include "limber/catalog.h"
#include "limber/config.h"
#include "limber/daily_report.h"
#include "limber/jsonrpc.h"

namespace limber {

class FleetReporter {
 public:
  FleetReporter(const Clock& clock, TimerFactory& timers, const Config& config, HistoryRecorder& history,
                const ChecklistSet& checklists);

  void start();
  // After a wake's events: a break that ended, or a new day.
  void after(const std::vector<EngineEvent>& events);
  // Writes at once, or at the next quarter hour.
  void report_soon(bool at_once);
  // The last report, at shutdown.
  void stop();

  // What report.get answers.
  rpc::Json describe();
  report::DailyReport current_report();

 private:
  void write();
  void write_and_plan();
  std::string spool_file() const;

  const Clock& clock_;
  const Config& config_;
  HistoryRecorder& history_;
  const ChecklistSet& checklists_;
  std::unique_ptr<DaemonTimer> timer_;
  WallTime written_at_{};
  std::string problem_;  // the problem last logged
  bool started_ = false;
};

}  // namespace limber
