// Sample reports for the fleet-report unit tests.
#pragma once

#include <string>

#include "limber/daily_report.h"

namespace limber::report::test {

// A report with distinct, non-zero figures derived from `seed`.
inline DailyReport sample_report(int seed, std::string yesterday = "2026-11-20",
                                 std::string today = "2026-11-21") {
  DailyReport r;
  r.limber_version = "0.1.0";
  r.last_complete_day.date = std::move(yesterday);
  r.today.date = std::move(today);
  r.last_complete_day.active_s = 1000 * seed;
  r.today.active_s = 100 * seed;
  for (size_t k = 0; k < kKinds.size(); ++k) {
    for (size_t o = 0; o < kOutcomes.size(); ++o) {
      r.last_complete_day.breaks[k][o] = seed * 10 + static_cast<int64_t>(k * kOutcomes.size() + o);
      r.today.breaks[k][o] = seed + static_cast<int64_t>(o);
    }
  }
  return r;
}

}  // namespace limber::report::test
