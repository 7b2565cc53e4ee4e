#include "fleet_output.h"

#include <gtest/gtest.h>

#include "prometheus_parse.h"
#include "report_samples.h"

namespace limber::report {
namespace {

using test::parse_exposition;
using test::sample_report;

FleetAggregate sample_fleet() {
  DailyReport a = sample_report(1), b = sample_report(2);
  a.checklists["desk-setup"] = {60, "2026-11-01", false};
  b.checklists["desk-setup"] = {100, "2026-03-01", true};
  return aggregate_reports({a, b});
}

TEST(PrometheusText, IsStrictlyValidWithHelpAndTypeAndNoTimestamps) {
  const std::string text = prometheus_text(sample_fleet(), {2, 1, 1, 0});
  const test::Exposition e = parse_exposition(text);
  ASSERT_EQ(e.error, "") << text;
  EXPECT_EQ(e.types.at("limber_breaks"), "gauge");
  EXPECT_EQ(e.types.at("limber_today_breaks"), "gauge");
  EXPECT_EQ(e.types.at("limber_checklist_score_percent"), "histogram");
}

TEST(PrometheusText, CarriesTheSumsAndNoPersonalLabels) {
  const FleetAggregate fleet = sample_fleet();
  const test::Exposition e = parse_exposition(prometheus_text(fleet, {2, 1, 1, 0}));
  ASSERT_EQ(e.error, "");
  EXPECT_EQ(e.label_names, (std::set<std::string>{"checklist", "kind", "le", "outcome", "state"}));
  EXPECT_EQ(e.value("limber_users_reporting"), 2);
  EXPECT_EQ(e.value("limber_active_seconds"), 3000);
  EXPECT_EQ(e.value("limber_today_active_seconds"), 300);
  // micro/due: seeds 1 and 2 give 10 + 20 on the last complete day.
  EXPECT_EQ(e.value("limber_breaks{kind=\"micro\",outcome=\"due\"}"), 30);
  EXPECT_EQ(e.value("limber_today_breaks{kind=\"daily\",outcome=\"cancelled\"}"),
            fleet.today.breaks[2][*outcome_index("cancelled")]);
  EXPECT_EQ(e.value("limber_spool_files{state=\"wrong_owner\"}"), 1);
  EXPECT_EQ(e.value("limber_checklist_score_percent_bucket{checklist=\"desk-setup\",le=\"75\"}"), 1);
  EXPECT_EQ(e.value("limber_checklist_score_percent_bucket{checklist=\"desk-setup\",le=\"+Inf\"}"), 2);
  EXPECT_EQ(e.value("limber_checklist_score_percent_sum{checklist=\"desk-setup\"}"), 160);
  EXPECT_EQ(e.value("limber_checklist_recheck_due_users{checklist=\"desk-setup\"}"), 1);
  // One series per kind and outcome, for both days.
  size_t breaks = 0;
  for (const auto& [series, v] : e.samples) breaks += series.starts_with("limber_breaks{") ? 1u : 0u;
  EXPECT_EQ(breaks, kKinds.size() * kOutcomes.size());
}

TEST(PrometheusText, AnEmptySpoolStillSaysNoUsersReport) {
  const test::Exposition e = parse_exposition(prometheus_text(aggregate_reports({}), {}));
  ASSERT_EQ(e.error, "");
  EXPECT_EQ(e.value("limber_users_reporting"), 0);
  EXPECT_EQ(e.types.count("limber_checklist_score_percent"), 0u);
}

TEST(PrometheusParse, RejectsTimestampsMissingTypesAndRepeats) {
  EXPECT_NE(parse_exposition("# HELP a x\n# TYPE a gauge\na 1 1700000000\n").error, "");
  EXPECT_NE(parse_exposition("a 1\n").error, "");
  EXPECT_NE(parse_exposition("# HELP a x\n# TYPE a gauge\na 1\na 2\n").error, "");
  EXPECT_NE(parse_exposition("# HELP a x\n# TYPE a gauge\na{k=\"v} 1\n").error, "");
  EXPECT_EQ(parse_exposition("# HELP a x\n# TYPE a gauge\na{k=\"v\"} 1\n").error, "");
}

TEST(FleetJson, HoldsTheSameFiguresAsTheMetrics) {
  const FleetAggregate fleet = sample_fleet();
  const nlohmann::json j = fleet_json(fleet, {2, 0, 0, 0});
  EXPECT_EQ(j["last_complete_day"]["users_reporting"], 2);
  EXPECT_EQ(j["last_complete_day"]["date"], "2026-11-20");
  EXPECT_EQ(j["last_complete_day"]["active_s"], 3000);
  EXPECT_EQ(j["last_complete_day"]["breaks"]["micro"]["due"], 30);
  EXPECT_EQ(j["today"]["active_s"], 300);
  EXPECT_DOUBLE_EQ(j["checklists"]["desk-setup"]["average_percent"].get<double>(), 80.0);
  EXPECT_EQ(j["spool_files"]["used"], 2);
}

}  // namespace
}  // namespace limber::report
