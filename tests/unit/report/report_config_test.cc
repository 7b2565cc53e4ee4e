// Reporting is the organisation's to turn on: report.* keys apply from the
// site file and policy files, never from the user's file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "limber/config.h"

namespace limber {
namespace {

namespace fs = std::filesystem;

class ReportConfig : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "limber-report-config-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    fs::create_directories(dir_ + "/policy.d");
    paths_.site_file = dir_ + "/site.toml";
    paths_.user_file = dir_ + "/user.toml";
    paths_.policy_dir = dir_ + "/policy.d";
    paths_.policy_owners = {::getuid()};  // the test's own policy.d
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

  std::string dir_;
  ConfigPaths paths_;
};

constexpr const char* kTurnOn = "[report]\nenabled = true\nspool_dir = \"/srv/spool\"\n";

TEST_F(ReportConfig, TheUsersFileCannotTurnReportingOn) {
  write(paths_.user_file, kTurnOn);
  ConfigLoader loader(paths_);
  std::vector<ConfigDiagnostic> diags;
  const Config c = loader.load(&diags);
  EXPECT_FALSE(c.get_bool("report.enabled"));
  EXPECT_EQ(c.get_string("report.spool_dir"), "/var/lib/limber/spool");
  ASSERT_EQ(diags.size(), 2u);
  for (const ConfigDiagnostic& d : diags) {
    EXPECT_EQ(d.severity, ConfigDiagnostic::Severity::kError);
    EXPECT_NE(d.message.find("set by your organisation's policy only"), std::string::npos) << d.to_string();
  }
}

TEST_F(ReportConfig, APolicyOrTheSiteFileTurnsItOn) {
  write(paths_.policy_dir + "/50-report.toml", kTurnOn);
  ConfigLoader loader(paths_);
  Config c = loader.load(nullptr);
  EXPECT_TRUE(c.get_bool("report.enabled"));
  EXPECT_TRUE(c.is_locked("report.enabled"));
  EXPECT_EQ(c.get_string("report.spool_dir"), "/srv/spool");

  fs::remove(paths_.policy_dir + "/50-report.toml");
  write(paths_.site_file, kTurnOn);
  c = loader.load(nullptr);
  EXPECT_TRUE(c.get_bool("report.enabled"));
  EXPECT_EQ(c.explain("report.enabled").layer, ConfigLayer::kSite);
}

TEST_F(ReportConfig, TheSpoolMustBeAnAbsolutePath) {
  const KeyDef* def = find_config_key("report.spool_dir");
  ASSERT_NE(def, nullptr);
  EXPECT_TRUE(def->system_only);
  ConfigValue v;
  std::string err;
  EXPECT_FALSE(parse_config_value(*def, "spool", &v, &err));
  EXPECT_NE(err.find("an absolute path"), std::string::npos) << err;
  EXPECT_TRUE(parse_config_value(*def, "/srv/spool", &v, &err));
}

}  // namespace
}  // namespace limber
