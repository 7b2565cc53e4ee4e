// The tray windows' pure parts: the stats reply as day rows, the compliance
// figure, the CSV export, and reading a setting's control from config.list
// metadata. No X server needed.
#include <gtest/gtest.h>

#include <sstream>

#include "day_stats.h"
#include "setting_kind.h"

namespace limber::tray {
namespace {

using rpc::Json;

Json day(const std::string& date, long active_s, long micro_due, long micro_taken, long rest_natural) {
  return Json{{"date", date},
              {"start", date + "T04:00:00+00:00"},
              {"active_s", active_s},
              {"breaks",
               {{"micro", {{"due", micro_due}, {"taken", micro_taken}, {"postponed", 1}, {"skipped", 0},
                           {"ignored", 0}, {"cancelled", 0}, {"natural", 0}}},
                {"rest", {{"due", 0}, {"taken", 0}, {"postponed", 0}, {"skipped", 0}, {"ignored", 0},
                          {"cancelled", 0}, {"natural", rest_natural}}},
                {"daily", {{"due", 0}, {"taken", 0}, {"postponed", 0}, {"skipped", 0}, {"ignored", 0},
                           {"cancelled", 0}, {"natural", 0}}}}}};
}

TEST(DayStats, ParseAddsUpEveryBreakKindPerDay) {
  std::vector<DayRow> rows;
  std::string err;
  ASSERT_TRUE(parse_day_rows(Json{{"days", {day("2026-11-20", 3600, 4, 3, 2)}}}, &rows, &err)) << err;
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].date, "2026-11-20");
  EXPECT_EQ(rows[0].active_s, 3600);
  EXPECT_EQ(rows[0].due, 4);
  EXPECT_EQ(rows[0].taken, 3);
  EXPECT_EQ(rows[0].natural, 2);
  EXPECT_EQ(rows[0].postponed, 1 + 0 + 0);
}

TEST(DayStats, ParseRejectsAReplyWithoutDays) {
  std::vector<DayRow> rows;
  std::string err;
  EXPECT_FALSE(parse_day_rows(Json{{"weeks", Json::array()}}, &rows, &err));
  EXPECT_FALSE(err.empty());
  EXPECT_FALSE(parse_day_rows(Json{{"days", {Json{{"active_s", 1}}}}}, &rows, &err));
}

TEST(DayStats, ComplianceCountsNaturalBreaksAsBothNeededAndHad) {
  EXPECT_DOUBLE_EQ(*compliance_percent(4, 3, 0), 75.0);
  EXPECT_DOUBLE_EQ(*compliance_percent(4, 2, 4), 75.0);  // (2 + 4) / (4 + 4)
  EXPECT_DOUBLE_EQ(*compliance_percent(0, 0, 3), 100.0);
  EXPECT_FALSE(compliance_percent(0, 0, 0).has_value());
}

TEST(DayStats, CsvHasTheHeaderAndOneRowPerDayWithData) {
  std::vector<DayRow> rows;
  std::string err;
  ASSERT_TRUE(parse_day_rows(Json{{"days", {day("2026-11-19", 0, 0, 0, 0), day("2026-11-20", 5430, 4, 2, 4)}}},
                             &rows, &err));
  std::ostringstream out;
  write_stats_csv(rows, out);
  EXPECT_EQ(out.str(),
            "date,active_minutes,breaks_due,taken,natural,postponed,skipped,ignored,cancelled,compliance_percent\n"
            "2026-11-20,90.5,4,2,4,1,0,0,0,75.0\n");
}

TEST(DayStats, CsvLeavesComplianceEmptyOnADayWithoutBreaks) {
  DayRow r;
  r.date = "2026-11-21";
  r.active_s = 600;
  std::ostringstream out;
  write_stats_csv({r}, out);
  EXPECT_NE(out.str().find("\n2026-11-21,10.0,0,0,0,0,0,0,0,\n"), std::string::npos) << out.str();
}

TEST(SettingKind, EachExpectedTextGetsItsControl) {
  EXPECT_EQ(setting_kind_from_expected("true or false").control, SettingControl::kCheckBox);
  const SettingKind choice = setting_kind_from_expected("one of \"gentle\", \"strict\"");
  EXPECT_EQ(choice.control, SettingControl::kChoice);
  EXPECT_EQ(choice.choices, (std::vector<std::string>{"gentle", "strict"}));
  const SettingKind words =
      setting_kind_from_expected("a comma-separated list of \"band\", \"dumbbells\" or \"\"");
  EXPECT_EQ(words.control, SettingControl::kWordChecks);
  EXPECT_EQ(words.choices, (std::vector<std::string>{"band", "dumbbells"}));
  EXPECT_EQ(setting_kind_from_expected("a comma-separated list of ids like \"a-id,b-id\" or \"\"").control,
            SettingControl::kIdList);
  EXPECT_EQ(setting_kind_from_expected("a duration like \"20m\" from 1m to 4h").control, SettingControl::kDuration);
  const SettingKind integer = setting_kind_from_expected("an integer from 0 to 20");
  EXPECT_EQ(integer.control, SettingControl::kInteger);
  EXPECT_EQ(integer.min_int, 0);
  EXPECT_EQ(integer.max_int, 20);
  EXPECT_EQ(setting_kind_from_expected("work hours like \"mon-fri 09:00-17:30\" or \"always\"").control,
            SettingControl::kText);
  EXPECT_EQ(setting_kind_from_expected("one of").control, SettingControl::kText);
}

TEST(SettingKind, WordListsSplitOnCommasAndTrimSpaces) {
  EXPECT_EQ(split_word_list(" band, dumbbells ,,"), (std::vector<std::string>{"band", "dumbbells"}));
  EXPECT_TRUE(split_word_list("").empty());
  EXPECT_EQ(join_word_list({"a", "b"}), "a,b");
}

}  // namespace
}  // namespace limber::tray
