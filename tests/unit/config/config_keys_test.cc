#include "limber/config_keys.h"

#include <gtest/gtest.h>

#include <set>

#include "engine_config.h"
#include "limber/config.h"

namespace limber {
namespace {

TEST(ConfigKeys, EveryDefaultIsAValidValueOfItsKey) {
  for (const KeyDef& def : config_keys()) {
    ConfigValue value;
    std::string err;
    EXPECT_TRUE(parse_config_value(def, def.default_value, &value, &err))
        << def.name << ": " << err;
    EXPECT_EQ(config_value_text(value), def.default_value)
        << def.name << " default is not in canonical form";
  }
}

TEST(ConfigKeys, NamesAreUniqueSectionedAndDescribedInOneLine) {
  std::set<std::string_view> names;
  for (const KeyDef& def : config_keys()) {
    EXPECT_TRUE(names.insert(def.name).second) << "duplicate key " << def.name;
    EXPECT_NE(def.name.find('.'), std::string_view::npos) << def.name << " has no [section]";
    EXPECT_FALSE(def.description.empty()) << def.name;
    EXPECT_EQ(def.description.find('\n'), std::string_view::npos) << def.name;
    EXPECT_EQ(def.description.find('|'), std::string_view::npos)
        << def.name << " would break the docs table";
    EXPECT_EQ(find_config_key(def.name), &def);
  }
  EXPECT_EQ(find_config_key("micro.nonsense"), nullptr);
}

TEST(ConfigKeys, ValuesOutsideTheRangeAreRejectedAtBothEnds) {
  const KeyDef& interval = *find_config_key("micro.interval");
  ConfigValue v;
  std::string err;
  EXPECT_TRUE(parse_config_value(interval, "1m", &v, &err));
  EXPECT_TRUE(parse_config_value(interval, "4h", &v, &err));
  EXPECT_FALSE(parse_config_value(interval, "59s", &v, &err));
  EXPECT_FALSE(parse_config_value(interval, "4h1s", &v, &err));
  EXPECT_EQ(err, "expected a duration like \"20m\" from 1m to 4h, got \"4h1s\" (out of range)");
  const KeyDef& postpones = *find_config_key("rest.max_postpones");
  EXPECT_TRUE(parse_config_value(postpones, "0", &v, &err));
  EXPECT_FALSE(parse_config_value(postpones, "21", &v, &err));
  EXPECT_EQ(err, "expected an integer from 0 to 20, got 21");
}

// The engine's own defaults and the config defaults must not drift apart:
// both describe what Limber does when nobody configured anything.
TEST(ConfigKeys, DefaultsMatchTheBreakEngineDefaults) {
  const EngineConfig engine;
  const Config config;
  EXPECT_EQ(config.get_duration("activity.idle_grace"), engine.idle_grace);
  EXPECT_EQ(config.get_duration("activity.noise_filter"), engine.noise_filter);
  EXPECT_EQ(config.get_duration("breaks.ignore_after"), engine.ignore_after);
  EXPECT_EQ(config.get_duration("breaks.fold_window"), engine.fold_window);
  for (BreakKind kind : {BreakKind::kMicro, BreakKind::kRest, BreakKind::kDaily}) {
    const std::string s = kind == BreakKind::kMicro  ? "micro."
                          : kind == BreakKind::kRest ? "rest."
                                                     : "daily.";
    const BreakRule& rule = engine.rule(kind);
    EXPECT_EQ(config.get_bool(s + "enabled"), rule.enabled) << s;
    EXPECT_EQ(config.get_duration(s + "interval"), rule.interval) << s;
    EXPECT_EQ(config.get_duration(s + "duration"), rule.duration) << s;
    EXPECT_EQ(config.get_duration(s + "snooze"), rule.snooze) << s;
    EXPECT_EQ(config.get_int(s + "max_postpones"), rule.max_postpones) << s;
    EXPECT_EQ(config.get_bool(s + "allow_skip"), rule.allow_skip) << s;
  }
  EXPECT_EQ(config.get_schedule("schedule.work_hours"), engine.schedule);
  EXPECT_EQ(config.get_minute_of_day("schedule.day_starts_at"), engine.day_start_minute);
}

}  // namespace
}  // namespace limber
