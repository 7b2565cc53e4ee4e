// The daemon's side of a DailyReport: one day's figures from the history's
// DayStats (the same numbers `limberctl stats` shows for that day).
//
// Pure. Threading: none.
#pragma once

#include <string>

#include "limber/daily_report.h"
#include "store/day_stats.h"

namespace limber::report {

// `date` is the local date the day's bucket begins on ("2026-11-21").
DayFigures day_figures(const DayStats& day, std::string date);

}  // namespace limber::report
