// The rules the break engine follows. Defaults follow the evidence summarised
// in docs/configuration.md (McLean et al. 2001 for micro-breaks, Galinsky et
// al. 2000/2007 and HSE guidance for rest breaks).
#pragma once

#include <chrono>

#include "limber/clock.h"
#include "limber/work_schedule.h"

namespace limber {

enum class BreakKind { kMicro = 0, kRest = 1, kDaily = 2 };
inline constexpr int kBreakKinds = 3;

struct BreakRule {
  bool enabled = true;
  Duration interval{};      // active time before the break is due
  Duration duration{};      // how long the break lasts
  Duration snooze{};        // active time before a postponed or ignored break returns
  int max_postpones = 3;    // postpones allowed per due break (0: none)
  bool allow_skip = true;   // may the user skip it
};

struct EngineConfig {
  // No input for this long makes the user idle.
  Duration idle_grace = std::chrono::seconds(5);
  // Input must go on for this long before the user counts as active, so a
  // bumped mouse or one stray key press is not activity. 0 turns it off.
  Duration noise_filter = std::chrono::seconds(1);
  // A prompted break the user works through for this much active time ends
  // as "ignored" and returns after its snooze.
  Duration ignore_after = std::chrono::seconds(60);
  // A micro-break that falls due when the rest break is this close (in active
  // time) is folded into the rest break instead of being prompted.
  Duration fold_window = std::chrono::minutes(3);

  BreakRule micro{true, std::chrono::minutes(20), std::chrono::seconds(30),
                  std::chrono::minutes(3), 3, true};
  BreakRule rest{true, std::chrono::minutes(55), std::chrono::minutes(5),
                 std::chrono::minutes(5), 3, true};
  // The daily limit: off by default; when on, due after `interval` of active
  // time in one day, then suggests stopping for `duration`.
  BreakRule daily{false, std::chrono::hours(6), std::chrono::minutes(10),
                  std::chrono::minutes(30), 3, true};

  WorkSchedule schedule = WorkSchedule::always();
  // Local time at which a new day starts for the daily limit and statistics
  // (a late-night session belongs to the day it started).
  int day_start_minute = 4 * 60;

  const BreakRule& rule(BreakKind k) const {
    return k == BreakKind::kMicro ? micro : k == BreakKind::kRest ? rest : daily;
  }
  BreakRule& rule(BreakKind k) {
    return k == BreakKind::kMicro ? micro : k == BreakKind::kRest ? rest : daily;
  }
};

}  // namespace limber
