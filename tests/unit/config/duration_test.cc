#include "limber/duration.h"

#include <gtest/gtest.h>

#include <chrono>

namespace limber {
namespace {

using namespace std::chrono_literals;

Duration parsed(std::string_view text) {
  Duration d{-1};
  std::string err;
  EXPECT_TRUE(parse_duration(text, &d, &err)) << text << ": " << err;
  return d;
}

std::string rejection(std::string_view text) {
  Duration d{1234};
  std::string err;
  EXPECT_FALSE(parse_duration(text, &d, &err)) << text;
  EXPECT_EQ(d, Duration{1234}) << "a failed parse must leave the output alone";
  return err;
}

TEST(Duration, ParsesEachUnitAndCombinations) {
  EXPECT_EQ(parsed("30s"), 30s);
  EXPECT_EQ(parsed("20m"), 20min);
  EXPECT_EQ(parsed("6h"), 6h);
  EXPECT_EQ(parsed("250ms"), 250ms);
  EXPECT_EQ(parsed("1h30m"), 90min);
  EXPECT_EQ(parsed("90s"), 90s);
  EXPECT_EQ(parsed("1h 30m 15s"), 1h + 30min + 15s);
  EXPECT_EQ(parsed(" 0s "), 0s);
}

TEST(Duration, RejectsGarbageWithAReason) {
  EXPECT_NE(rejection("").find("empty"), std::string::npos);
  EXPECT_NE(rejection("20").find("needs a unit"), std::string::npos);
  EXPECT_NE(rejection("20x").find("unknown unit \"x\""), std::string::npos);
  EXPECT_NE(rejection("m").find("expected a number"), std::string::npos);
  EXPECT_NE(rejection("-5m").find("negative"), std::string::npos);
  EXPECT_NE(rejection("1.5h").find("fraction"), std::string::npos);
  EXPECT_NE(rejection("30m1h").find("largest first"), std::string::npos);
  EXPECT_NE(rejection("5m5m").find("largest first"), std::string::npos);
  EXPECT_NE(rejection("99999999999h").find("too long"), std::string::npos);
  EXPECT_NE(rejection("1 h").find("needs a unit"), std::string::npos);
}

TEST(Duration, FormatsInTheShortestForm) {
  EXPECT_EQ(format_duration(0s), "0s");
  EXPECT_EQ(format_duration(90s), "1m30s");
  EXPECT_EQ(format_duration(5400s), "1h30m");
  EXPECT_EQ(format_duration(1500ms), "1s500ms");
  EXPECT_EQ(format_duration(16h), "16h");
  EXPECT_EQ(format_duration(36h), "1d12h");
}

// `limberctl pause 8d` said "unknown unit d" though its help speaks of days.
TEST(Duration, DaysAreAUnit) {
  EXPECT_EQ(parsed("8d"), 8 * 24h);
  EXPECT_EQ(parsed("1d12h"), 36h);
  EXPECT_NE(rejection("12h1d").find("largest first"), std::string::npos);
  EXPECT_NE(rejection("2w").find("use d, h, m, s or ms"), std::string::npos);
}

TEST(Duration, FormatAndParseRoundTrip) {
  for (Duration d : {Duration{0}, Duration{1}, Duration{999}, Duration{61'001}, Duration{3'600'000},
                     Duration{3'599'999}, Duration{86'400'000 * 3 + 1}}) {
    EXPECT_EQ(parsed(format_duration(d)), d) << format_duration(d);
  }
  for (std::string_view text : {"1h", "1h1m1s1ms", "59m59s", "30s"}) {
    EXPECT_EQ(format_duration(parsed(text)), text);
  }
}

TEST(Duration, NaturalFormIsWhatTheSettingsWindowShows) {
  EXPECT_EQ(format_duration_natural(5min), "5 min");
  EXPECT_EQ(format_duration_natural(6h), "6 h");
  EXPECT_EQ(format_duration_natural(90min), "1 h 30 min");
  EXPECT_EQ(format_duration_natural(45s), "45 s");
  EXPECT_EQ(format_duration_natural(48h), "2 d");
  EXPECT_EQ(format_duration_natural(0s), "0 s");
}

TEST(Duration, NaturalInputAcceptsWhatPeopleType) {
  const auto natural = [](std::string_view text) {
    Duration d{-1};
    std::string err;
    EXPECT_TRUE(parse_duration_natural(text, &d, &err)) << text << ": " << err;
    return d;
  };
  EXPECT_EQ(natural("5 min"), 5min);
  EXPECT_EQ(natural("1 h 30 min"), 90min);
  EXPECT_EQ(natural("20m"), 20min);
  EXPECT_EQ(natural("2 Hours"), 2h);
  EXPECT_EQ(natural("90 sec"), 90s);
  EXPECT_EQ(natural("1 day"), 24h);
  for (Duration d : {Duration{5min}, Duration{6h}, Duration{90min}, Duration{45s}}) {
    EXPECT_EQ(natural(format_duration_natural(d)), d);
  }
  Duration d{7s};
  std::string err;
  EXPECT_FALSE(parse_duration_natural("abc", &d, &err));
  EXPECT_EQ(d, 7s);
  EXPECT_NE(err.find("\"abc\" is not a duration"), std::string::npos) << err;
  EXPECT_FALSE(parse_duration_natural("5", &d, &err));
  EXPECT_FALSE(parse_duration_natural("", &d, &err));
}

}  // namespace
}  // namespace limber
