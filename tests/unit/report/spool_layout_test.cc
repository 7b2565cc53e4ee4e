// The per-user spool: `<spool>/<uid>/report.json` read in preference to the
// old flat `<uid>.json`; a report for uid 0, one with more than one link,
// one in a directory of another uid's, and one with implausible figures or
// a far-future date are left out and counted, never by uid. And root's
// preparation: directories for users with a session, mode 0700 and owned
// by them; old files migrated; a squatter's file removed.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "fleet_output.h"
#include "limber/report_spool.h"
#include "report_samples.h"
#include "spool_prepare.h"
#include "spool_reader.h"

namespace limber::report {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class SpoolLayout : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "limber-spool-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }

  static bool root() { return ::getuid() == 0; }
  static uid_t user() { return root() ? 4242 : ::getuid(); }

  void give(const std::string& path, uid_t uid) {
    if (root()) {
      ASSERT_EQ(::lchown(path.c_str(), uid, static_cast<gid_t>(-1)), 0);
    }
  }
  // A report in the new layout, owned (as root can make it) by `uid`.
  std::string put_new(uid_t uid, const DailyReport& r) {
    const std::string d = report_dir(dir_, uid);
    fs::create_directory(d);
    give(d, uid);
    const std::string path = report_path(dir_, uid);
    std::ofstream(path) << to_json(r).dump();
    give(path, uid);
    return path;
  }
  std::string put_old(uid_t uid, const DailyReport& r) {
    const std::string path = legacy_report_path(dir_, uid);
    std::ofstream(path) << to_json(r).dump();
    give(path, uid);
    return path;
  }
  SpoolScan scan() {
    SpoolScan s;
    std::string err;
    EXPECT_TRUE(read_spool(dir_, std::chrono::system_clock::now(), 7 * 24h, &s, &err)) << err;
    return s;
  }

  std::string dir_;
};

TEST_F(SpoolLayout, ThePathsAreTheUsersDirectoryAndReportJson) {
  EXPECT_EQ(report_dir("/var/lib/limber/spool/", 1000), "/var/lib/limber/spool/1000");
  EXPECT_EQ(report_path("/var/lib/limber/spool", 1000), "/var/lib/limber/spool/1000/report.json");
  EXPECT_EQ(legacy_report_path("/var/lib/limber/spool", 1000), "/var/lib/limber/spool/1000.json");
}

TEST_F(SpoolLayout, WritesAreScheduledOnFixedQuarterHoursWhateverHappens) {
  using std::chrono::system_clock;
  const system_clock::time_point t{std::chrono::seconds{1'764'000'000}};  // 16:00:00 UTC
  EXPECT_EQ(next_report_write(t), t + 15min) << "strictly after now";
  EXPECT_EQ(next_report_write(t + 1s), t + 15min);
  EXPECT_EQ(next_report_write(t + 14min + 59s), t + 15min);
  EXPECT_EQ(next_report_write(t + 15min), t + 30min);
  EXPECT_EQ(next_report_write(t + 7min, 60min), t + 60min);
}

TEST_F(SpoolLayout, ReadsTheNewLayoutAndPrefersItOverTheOldFile) {
  put_new(user(), test::sample_report(3));
  put_old(user(), test::sample_report(9));
  const SpoolScan s = scan();
  ASSERT_EQ(s.reports.size(), 1u);
  EXPECT_EQ(s.reports[0], test::sample_report(3));
}

TEST_F(SpoolLayout, StillReadsTheOldFlatLayoutForOneRelease) {
  put_old(user(), test::sample_report(4));
  const SpoolScan s = scan();
  ASSERT_EQ(s.reports.size(), 1u);
  EXPECT_EQ(s.reports[0], test::sample_report(4));
}

TEST_F(SpoolLayout, AReportForUidZeroIsLeftOutAndCounted) {
  if (!root()) GTEST_SKIP() << "only root can make a file of uid 0's";
  put_new(0, test::sample_report(1));
  put_old(0, test::sample_report(1));
  const SpoolScan s = scan();
  EXPECT_TRUE(s.reports.empty());
  EXPECT_EQ(s.root, 2);
}

TEST_F(SpoolLayout, AFileWithASecondLinkIsLeftOutAndCounted) {
  const std::string path = put_new(user(), test::sample_report(1));
  ASSERT_EQ(::link(path.c_str(), (dir_ + "/elsewhere").c_str()), 0);
  const SpoolScan s = scan();
  EXPECT_TRUE(s.reports.empty());
  EXPECT_EQ(s.hard_link, 1);
}

TEST_F(SpoolLayout, ADirectoryOfAnotherUidsIsLeftOut) {
  const std::string d = report_dir(dir_, user() + 1);
  fs::create_directory(d);
  give(d, user());
  const SpoolScan s = scan();
  EXPECT_EQ(s.wrong_owner, 1);
}

TEST_F(SpoolLayout, ImplausibleReportsAreLeftOutAndShownAsAMetricWithoutUids) {
  DailyReport liar = test::sample_report(1);
  liar.last_complete_day.active_s = std::numeric_limits<int64_t>::max();
  put_new(user(), liar);
  put_new(user() + 1, test::sample_report(2, "9999-12-29", "9999-12-30"));
  const SpoolScan s = scan();
  EXPECT_TRUE(s.reports.empty());
  EXPECT_EQ(s.implausible, 2);
  const std::string text = prometheus_text(aggregate_reports(s.reports), spool_counts(s));
  EXPECT_NE(text.find("limber_spool_files{state=\"implausible\"} 2\n"), std::string::npos) << text;
  EXPECT_EQ(text.find(std::to_string(user())), std::string::npos) << "a uid in the metrics";
  EXPECT_EQ(text.find("-9223372036854"), std::string::npos);
}

TEST_F(SpoolLayout, AFarFutureReportDoesNotMoveTheFleetsDay) {
  put_new(user(), test::sample_report(1, "2026-11-20", "2026-11-21"));
  put_new(user() + 1, test::sample_report(2, "9999-12-29", "9999-12-30"));
  SpoolScan s;
  std::string err;
  // The exporter's clock on 2026-11-21 at noon UTC.
  const std::chrono::system_clock::time_point noon{std::chrono::seconds{20778LL * 86400 + 12 * 3600}};
  ASSERT_TRUE(read_spool(dir_, noon, 24h * 365 * 100, &s, &err)) << err;
  const FleetAggregate fleet = aggregate_reports(s.reports);
  EXPECT_EQ(fleet.day.date, "2026-11-20");
  EXPECT_EQ(fleet.day.users, 1);
}

}  // namespace
}  // namespace limber::report
