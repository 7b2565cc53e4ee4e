// The bounds a configuration puts on pause and quiet (policy_bounds.h),
// with the values coming from real files through the loader.
#include "limber/policy_bounds.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>

namespace limber {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class PolicyBounds : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "limber-bounds-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    paths_.user_file = dir_ + "/user.toml";
    paths_.policy_dir = dir_ + "/policy.d";
    paths_.policy_owners = {::getuid()};
    fs::create_directories(paths_.policy_dir);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& path, const std::string& text) {
    std::ofstream out(path);
    out << text;
  }
  Config load() {
    ConfigLoader loader(paths_);
    return loader.load(nullptr);
  }
  std::string dir_;
  ConfigPaths paths_;
};

TEST_F(PolicyBounds, DefaultsAllowAWeeksPauseAndQuietForTwelveHours) {
  const Config c = load();
  EXPECT_TRUE(check_pause_allowed(c, 7 * 24h));
  EXPECT_FALSE(check_pause_allowed(c, 7 * 24h + 1s));
  EXPECT_TRUE(check_quiet_allowed(c));
  EXPECT_EQ(quiet_limit(c), 12h);
}

TEST_F(PolicyBounds, APolicyLimitIsEnforcedAndNamedAsManaged) {
  write(paths_.policy_dir + "/20-no-skipping.toml",
        "[pause]\nmax = \"2h\"\n[quiet]\nallowed = false\nmax = \"1h\"\n");
  const Config c = load();
  EXPECT_TRUE(check_pause_allowed(c, 2h));
  const Status longer = check_pause_allowed(c, 168h);
  EXPECT_EQ(longer.code(), Status::Code::kManaged);
  EXPECT_NE(longer.message().find("a pause of 7d is longer than allowed (at most 2h)"),
            std::string::npos)
      << longer.message();
  EXPECT_NE(longer.message().find("managed by your organisation (" + paths_.policy_dir +
                                  "/20-no-skipping.toml)"),
            std::string::npos)
      << longer.message();
  const Status quiet = check_quiet_allowed(c);
  EXPECT_EQ(quiet.code(), Status::Code::kManaged);
  EXPECT_NE(quiet.message().find("quiet mode is not allowed: managed by your organisation"),
            std::string::npos)
      << quiet.message();
  EXPECT_EQ(quiet_limit(c), 1h);
}

TEST_F(PolicyBounds, ZeroMaximumForbidsEveryPause) {
  write(paths_.policy_dir + "/10.toml", "pause.max = \"0s\"\n");
  const Status st = check_pause_allowed(load(), 1min);
  EXPECT_EQ(st.code(), Status::Code::kManaged);
  EXPECT_NE(st.message().find("pausing is not allowed"), std::string::npos) << st.message();
}

TEST_F(PolicyBounds, TheUsersOwnLimitIsNamedAsTheirs) {
  write(paths_.user_file, "[pause]\nmax = \"1h\"\n");
  const Status st = check_pause_allowed(load(), 2h);
  EXPECT_EQ(st.code(), Status::Code::kPermissionDenied) << "the user's own limit is not managed";
  EXPECT_NE(st.message().find("pause.max is 1h in your user settings"), std::string::npos)
      << st.message();
}

TEST(PolicyExamples, NoSkippingLocksEveryWayOut) {
  ConfigPaths paths;
  paths.policy_dir = std::string(LIMBER_POLICY_EXAMPLES);
  paths.policy_owners = {};  // any owner: the examples are files in the source tree
  ConfigLoader loader(paths);
  std::vector<ConfigDiagnostic> diags;
  const Config c = loader.load(&diags);
  for (const ConfigDiagnostic& d : diags) ADD_FAILURE() << d.to_string();
  for (const char* key : {"micro.enabled", "rest.enabled", "micro.allow_skip", "rest.allow_skip",
                          "pause.max", "quiet.allowed", "quiet.max"}) {
    EXPECT_TRUE(c.is_locked(key)) << key;
  }
  EXPECT_TRUE(c.get_bool("micro.enabled"));
  EXPECT_EQ(quiet_limit(c), 2h);
  EXPECT_FALSE(check_pause_allowed(c, 8h));
}

}  // namespace
}  // namespace limber
