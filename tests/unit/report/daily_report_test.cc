#include "limber/daily_report.h"

#include <gtest/gtest.h>

#include "report_samples.h"

namespace limber::report {
namespace {

using nlohmann::json;
using test::sample_report;

TEST(DailyReport, JsonRoundTripKeepsEveryFigure) {
  DailyReport r = sample_report(3);
  r.checklists["desk-setup"] = {80, "2026-10-02", false};
  DailyReport back;
  std::string err;
  ASSERT_TRUE(from_json(to_json(r), &back, &err)) << err;
  EXPECT_EQ(back, r);
}

TEST(DailyReport, JsonHoldsOnlyTheDocumentedFields) {
  const json j = to_json(sample_report(1));
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"checklists", "last_complete_day", "limber_version", "schema", "today"}));
  std::vector<std::string> day_keys;
  for (const auto& [k, v] : j["today"].items()) day_keys.push_back(k);
  EXPECT_EQ(day_keys, (std::vector<std::string>{"active_s", "breaks", "date"}));
  EXPECT_EQ(j["today"]["breaks"]["rest"].size(), kOutcomes.size());
}

TEST(DailyReport, RefusesNegativeCountsBadDatesOtherSchemasAndOddChecklistIds) {
  const json good = to_json(sample_report(1));
  DailyReport out;
  std::string err;

  json j = good;
  j["today"]["breaks"]["micro"]["taken"] = -1;
  EXPECT_FALSE(from_json(j, &out, &err));
  EXPECT_NE(err.find("today.breaks.micro.taken"), std::string::npos) << err;

  j = good;
  j["last_complete_day"]["date"] = "2026-11-20T10:00";
  EXPECT_FALSE(from_json(j, &out, &err));
  EXPECT_NE(err.find("last_complete_day.date"), std::string::npos) << err;

  j = good;
  j["schema"] = 2;
  EXPECT_FALSE(from_json(j, &out, &err));
  EXPECT_NE(err.find("schema 2"), std::string::npos) << err;

  j = good;
  j["checklists"]["Bad Label\"}"] = json{{"percent", 50}, {"checked_on", "2026-11-01"}, {"recheck_due", false}};
  EXPECT_FALSE(from_json(j, &out, &err));

  j = good;
  j["checklists"]["desk-setup"] = json{{"percent", 101}, {"checked_on", "2026-11-01"}, {"recheck_due", false}};
  EXPECT_FALSE(from_json(j, &out, &err));

  j = good;
  j.erase("today");
  EXPECT_FALSE(from_json(j, &out, &err));
  EXPECT_EQ(err, "today is missing");
}

TEST(DailyReport, IgnoresFieldsANewerDaemonAdds) {
  json j = to_json(sample_report(2));
  j["something_new"] = 1;
  DailyReport out;
  std::string err;
  EXPECT_TRUE(from_json(j, &out, &err)) << err;
}

}  // namespace
}  // namespace limber::report
