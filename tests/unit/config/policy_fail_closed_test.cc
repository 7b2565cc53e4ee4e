// Policies fail closed: a policy that cannot be read, does not parse, or
// could have been written by the user never unlocks a key. Real files in a
// temporary directory; ownership is checked against an injected uid so that
// the test runs without root.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "limber/config.h"

namespace limber {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class PolicyFailClosed : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "limber-policy-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    paths_.site_file = dir_ + "/etc/limber.toml";
    paths_.user_file = dir_ + "/home/limber.toml";
    paths_.policy_dir = dir_ + "/etc/policy.d";
    paths_.policy_cache_dir = dir_ + "/state/policy-copies";
    paths_.policy_owners = {::getuid()};
    ::umask(022);
    fs::create_directories(paths_.policy_dir);
    fs::create_directories(dir_ + "/home");
    write(paths_.site_file, "[micro]\ninterval = \"25m\"\n");
    write(paths_.user_file, "[micro]\ninterval = \"40m\"\nduration = \"1m\"\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  static void write(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::trunc);
    out << text;
    ASSERT_TRUE(out.good()) << path;
  }
  std::string policy(const std::string& name) const { return paths_.policy_dir + "/" + name; }
  Config load(ConfigLoader& loader) {
    diags_.clear();
    return loader.load(&diags_);
  }
  Config load_fresh() {  // as at the daemon's start
    ConfigLoader loader(paths_);
    return load(loader);
  }
  // The error about `file`, or "" when there is none.
  std::string error_about(const std::string& file) const {
    for (const ConfigDiagnostic& d : diags_) {
      if (d.file == file && d.severity == ConfigDiagnostic::Severity::kError) return d.to_string();
    }
    return "";
  }
  std::string all_diags() const {
    std::string text;
    for (const ConfigDiagnostic& d : diags_) text += d.to_string() + "\n";
    return text;
  }
  // A good policy loaded once, so that a copy of it is kept.
  void load_good_policy_once() {
    write(policy("10-it.toml"), "[micro]\ninterval = \"15m\"\n");
    const Config c = load_fresh();
    ASSERT_TRUE(c.is_locked("micro.interval")) << all_diags();
    ASSERT_EQ(error_about(policy("10-it.toml")), "");
  }

  std::string dir_;
  ConfigPaths paths_;
  std::vector<ConfigDiagnostic> diags_;
};

TEST_F(PolicyFailClosed, BrokenPolicyAtStartKeepsTheLocksOfItsLastGoodCopy) {
  load_good_policy_once();
  write(policy("10-it.toml"), "[micro\ninterval = \"5m\"\n");
  const Config c = load_fresh();
  EXPECT_TRUE(c.is_locked("micro.interval"));
  EXPECT_EQ(c.get_duration("micro.interval"), 15min);
  EXPECT_EQ(c.explain("micro.interval").locked_by, policy("10-it.toml"));
  EXPECT_FALSE(c.is_locked("micro.duration")) << "only the keys the copy holds";
  EXPECT_NE(error_about(policy("10-it.toml")).find("last good copy"), std::string::npos)
      << all_diags();
}

TEST_F(PolicyFailClosed, BrokenPolicyWithNoCopyLocksEveryKeyAtTheSiteOrBuiltInValue) {
  write(policy("10-it.toml"), "[micro\ninterval = \"5m\"\n");
  const Config c = load_fresh();
  EXPECT_TRUE(c.is_locked("micro.interval"));
  EXPECT_EQ(c.get_duration("micro.interval"), 25min) << "the site value, not the user's 40m";
  EXPECT_TRUE(c.is_locked("micro.duration"));
  EXPECT_EQ(c.get_duration("micro.duration"), 30s) << "the built-in value, not the user's 1m";
  EXPECT_NE(error_about(policy("10-it.toml")).find("every setting is locked"), std::string::npos)
      << all_diags();
}

TEST_F(PolicyFailClosed, UnreadablePolicyFallsBackToItsCopy) {
  load_good_policy_once();
  // Root reads any mode, so a FIFO stands in for an unreadable file there.
  fs::remove(policy("10-it.toml"));
  if (::geteuid() == 0) {
    ASSERT_EQ(::mkfifo(policy("10-it.toml").c_str(), 0644), 0);
  } else {
    write(policy("10-it.toml"), "[micro]\ninterval = \"15m\"\n");
    ASSERT_EQ(::chmod(policy("10-it.toml").c_str(), 0), 0);
  }
  const Config c = load_fresh();
  EXPECT_TRUE(c.is_locked("micro.interval"));
  EXPECT_EQ(c.get_duration("micro.interval"), 15min);
  EXPECT_FALSE(error_about(policy("10-it.toml")).empty()) << all_diags();
}

TEST_F(PolicyFailClosed, PolicyOwnedBySomeoneElseIsRefusedAndItsKeysStayLockedBelow) {
  paths_.policy_owners = {::getuid() + 1};  // the file is not the trusted owner's
  paths_.policy_cache_dir.clear();
  write(policy("10-it.toml"), "[micro]\ninterval = \"1h\"\n");
  // policy.d itself is not the trusted owner's either: its own error.
  const Config c = load_fresh();
  EXPECT_TRUE(c.is_locked("micro.interval"));
  EXPECT_EQ(c.get_duration("micro.interval"), 25min) << "the file's 1h is not trusted";
  EXPECT_FALSE(c.is_locked("micro.duration"));
  EXPECT_NE(error_about(paths_.policy_dir).find("policy must be owned by root"), std::string::npos) << all_diags();
  EXPECT_NE(error_about(policy("10-it.toml")).find("refused"), std::string::npos) << all_diags();
}

TEST_F(PolicyFailClosed, WorldWritablePolicyFileIsRefused) {
  write(policy("10-it.toml"), "[micro]\ninterval = \"1h\"\n");
  ASSERT_EQ(::chmod(policy("10-it.toml").c_str(), 0666), 0);
  const Config c = load_fresh();
  EXPECT_EQ(c.get_duration("micro.interval"), 25min);
  EXPECT_TRUE(c.is_locked("micro.interval"));
  EXPECT_NE(error_about(policy("10-it.toml")).find("writable by others (mode 0666)"),
            std::string::npos)
      << all_diags();
}

TEST_F(PolicyFailClosed, GroupWritablePolicyDirectoryRefusesItsFilesButKeepsTheirCopies) {
  load_good_policy_once();
  ASSERT_EQ(::chmod(paths_.policy_dir.c_str(), 0775), 0);
  // Someone who can write the directory removed the policy.
  fs::remove(policy("10-it.toml"));
  const Config c = load_fresh();
  EXPECT_TRUE(c.is_locked("micro.interval"));
  EXPECT_EQ(c.get_duration("micro.interval"), 15min) << "the copy's value";
  EXPECT_NE(error_about(paths_.policy_dir).find("writable by its group"), std::string::npos)
      << all_diags();
}

TEST_F(PolicyFailClosed, UnlistablePolicyDirectoryWithNoCopiesLocksEverything) {
  fs::remove_all(paths_.policy_dir);
  write(paths_.policy_dir, "not a directory\n");  // listing it fails, even for root
  const Config c = load_fresh();
  EXPECT_TRUE(c.is_locked("micro.duration"));
  EXPECT_EQ(c.get_duration("micro.interval"), 25min);
  EXPECT_NE(error_about(paths_.policy_dir).find("every setting is locked"), std::string::npos)
      << all_diags();
}

TEST_F(PolicyFailClosed, RemovedPolicyFromASafeDirectoryReleasesItsLocksAndCopy) {
  load_good_policy_once();
  fs::remove(policy("10-it.toml"));
  Config c = load_fresh();
  EXPECT_FALSE(c.is_locked("micro.interval")) << all_diags();
  EXPECT_FALSE(fs::exists(paths_.policy_cache_dir + "/10-it.toml"));
  // And once forgotten, a later broken policy.d cannot bring it back.
  ASSERT_EQ(::chmod(paths_.policy_dir.c_str(), 0777), 0);
  c = load_fresh();
  EXPECT_FALSE(c.is_locked("micro.interval"));
}

TEST_F(PolicyFailClosed, CopiesArePrivate) {
  load_good_policy_once();
  struct stat st {};
  ASSERT_EQ(::stat((paths_.policy_cache_dir + "/10-it.toml").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

}  // namespace
}  // namespace limber
