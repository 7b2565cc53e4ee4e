#include "engine_settings.h"

#include <string>

namespace limber {
namespace {

BreakRule rule_from(const Config& c, const std::string& kind) {
  BreakRule r;
  r.enabled = c.get_bool(kind + ".enabled");
  r.interval = c.get_duration(kind + ".interval");
  r.duration = c.get_duration(kind + ".duration");
  r.snooze = c.get_duration(kind + ".snooze");
  r.max_postpones = static_cast<int>(c.get_int(kind + ".max_postpones"));
  r.allow_skip = c.get_bool(kind + ".allow_skip");
  return r;
}

}  // namespace

EngineConfig engine_config_from(const Config& c) {
  EngineConfig e;
  e.idle_grace = c.get_duration("activity.idle_grace");
  e.noise_filter = c.get_duration("activity.noise_filter");
  e.ignore_after = c.get_duration("breaks.ignore_after");
  e.fold_window = c.get_duration("breaks.fold_window");
  e.micro = rule_from(c, "micro");
  e.rest = rule_from(c, "rest");
  e.daily = rule_from(c, "daily");
  e.schedule = c.get_schedule("schedule.work_hours");
  e.day_start_minute = c.get_minute_of_day("schedule.day_starts_at");
  return e;
}

EngineConfig demo_engine_config(const Config& config) {
  using namespace std::chrono_literals;
  EngineConfig e = engine_config_from(config);
  e.idle_grace = 3s;
  e.noise_filter = 1s;
  e.ignore_after = 15s;
  e.fold_window = 10s;
  e.micro.interval = 20s;
  e.micro.duration = 10s;
  e.micro.snooze = 20s;
  e.rest.interval = 2min;
  e.rest.duration = 30s;
  e.rest.snooze = 30s;
  e.daily.enabled = false;
  e.schedule = WorkSchedule::always();  // the demo runs whenever it is started
  return e;
}

}  // namespace limber
