#include "output_format.h"

#include <gtest/gtest.h>

namespace limber::ctl {
namespace {

TEST(LimberctlFormat, DurationsReadLikeAPersonWritesThem) {
  EXPECT_EQ(human_duration(0), "0s");
  EXPECT_EQ(human_duration(45), "45s");
  EXPECT_EQ(human_duration(750), "12m 30s");
  EXPECT_EQ(human_duration(1200), "20m");
  EXPECT_EQ(human_duration(3600), "1h");
  EXPECT_EQ(human_duration(3959), "1h 5m");
}

TEST(LimberctlFormat, TimesTodayShowTheClockOtherDaysTheDateToo) {
  EXPECT_EQ(human_time("2026-11-21T14:05:00+01:00", "2026-11-21"), "14:05");
  EXPECT_EQ(human_time("2026-11-22T04:00:00+01:00", "2026-11-21"), "2026-11-22 04:00");
  EXPECT_EQ(human_time("soon", "2026-11-21"), "soon");
}

TEST(LimberctlFormat, TableColumnsAlignWithoutTrailingSpaces) {
  Table t({"KEY", "VALUE"});
  t.add({"micro.interval", "20m"});
  t.add({"rest", ""});
  EXPECT_EQ(t.render(), "KEY             VALUE\nmicro.interval  20m\nrest\n");
}

TEST(LimberctlFormat, TableAlignsByCharactersNotBytes) {
  Table t({"é", "x"});
  t.add({"ab", "y"});
  EXPECT_EQ(t.render(), "é   x\nab  y\n");
}

TEST(LimberctlFormat, ChineseAndJapaneseCharactersTakeTwoColumns) {
  EXPECT_EQ(display_width("休憩"), 4u);
  EXPECT_EQ(display_width("Mikropause"), 10u);
  EXPECT_EQ(display_width("Übungen:"), 8u);
  EXPECT_EQ(display_width("模式："), 6u);  // full-width colon too
  Table t({"休憩", "x"});
  t.add({"micro", "y"});
  EXPECT_EQ(t.render(), "休憩   x\nmicro  y\n");
}

TEST(LimberctlFormat, CsvFieldsAreQuotedOnlyWhenNeeded) {
  EXPECT_EQ(csv_field("2026-11-21"), "2026-11-21");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
}

TEST(LimberctlFormat, WrapKeepsLinesWithinTheWidthAndIndentsContinuations) {
  EXPECT_EQ(wrap_text("one two three four", "- ", "  ", 10), "- one two\n  three\n  four\n");
  EXPECT_EQ(wrap_text("", "Why: ", "     ", 10), "Why: \n");
}

}  // namespace
}  // namespace limber::ctl
