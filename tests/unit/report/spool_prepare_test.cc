// Root's preparation of the per-user spool: a directory per user with a
// session (mode 0700, owned by them), the spool narrowed to 0711, old
// flat reports migrated into the users' directories, and a file one user
// made in another's name (to silence them) removed.
#include "spool_prepare.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "limber/report_spool.h"

namespace limber::report {
namespace {

namespace fs = std::filesystem;

class SpoolPrepare : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::getuid() != 0) GTEST_SKIP() << "preparing the spool gives directories away: root only";
    std::string tmpl = (fs::temp_directory_path() / "limber-prep-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
    spool_ = root_ + "/spool";
    run_ = root_ + "/run-user";
    fs::create_directory(spool_);
    ASSERT_EQ(::chmod(spool_.c_str(), 01733), 0);  // the old shared spool
    fs::create_directory(run_);
  }
  void TearDown() override {
    if (!root_.empty()) fs::remove_all(root_);
  }

  void session(uid_t uid) {
    const std::string d = run_ + "/" + std::to_string(uid);
    fs::create_directory(d);
    ASSERT_EQ(::chown(d.c_str(), uid, uid), 0);
  }
  void file(const std::string& path, uid_t owner, const std::string& text = "{}") {
    std::ofstream(path) << text;
    ASSERT_EQ(::chown(path.c_str(), owner, static_cast<gid_t>(-1)), 0);
  }
  static struct stat stat_of(const std::string& path) {
    struct stat st {};
    EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path;
    return st;
  }
  SpoolPreparation prepare() {
    SpoolPreparation p;
    std::string err;
    EXPECT_TRUE(prepare_spool(spool_, run_, &p, &err)) << err;
    return p;
  }

  std::string root_, spool_, run_;
};

TEST_F(SpoolPrepare, MakesAPrivateDirectoryForEachUserWithASession) {
  session(4242);
  session(4243);
  fs::create_directory(run_ + "/0");  // root's session: never a spool user
  const SpoolPreparation p = prepare();
  EXPECT_EQ(p.created, 2);
  for (const uid_t uid : {4242u, 4243u}) {
    const struct stat st = stat_of(report_dir(spool_, uid));
    EXPECT_TRUE(S_ISDIR(st.st_mode));
    EXPECT_EQ(st.st_uid, uid);
    EXPECT_EQ(st.st_mode & 07777, 0700u);
  }
  EXPECT_FALSE(fs::exists(spool_ + "/0"));
  EXPECT_EQ(stat_of(spool_).st_mode & 07777, 0711u) << "others could still create in the spool";
  EXPECT_EQ(prepare().created, 0) << "a second run changes nothing";
}

TEST_F(SpoolPrepare, ARunDirectoryNotOwnedByItsUidIsNoSession) {
  fs::create_directory(run_ + "/4242");  // root's, not 4242's
  EXPECT_EQ(prepare().created, 0);
}

TEST_F(SpoolPrepare, MovesAnOldFlatReportIntoItsUsersDirectory) {
  file(legacy_report_path(spool_, 4242), 4242, "{\"old\":1}");
  const SpoolPreparation p = prepare();
  EXPECT_EQ(p.migrated, 1);
  EXPECT_FALSE(fs::exists(legacy_report_path(spool_, 4242)));
  const struct stat st = stat_of(report_path(spool_, 4242));
  EXPECT_EQ(st.st_uid, 4242u);
  std::ifstream in(report_path(spool_, 4242));
  std::string text;
  std::getline(in, text);
  EXPECT_EQ(text, "{\"old\":1}");
}

TEST_F(SpoolPrepare, AFileMadeInAnotherUsersNameIsRemovedAndTheVictimGetsItsDirectory) {
  file(legacy_report_path(spool_, 4243), 4242);  // 4242 squats 4243's name
  session(4243);
  const SpoolPreparation p = prepare();
  EXPECT_EQ(p.removed, 1);
  EXPECT_FALSE(fs::exists(legacy_report_path(spool_, 4243)));
  EXPECT_EQ(stat_of(report_dir(spool_, 4243)).st_uid, 4243u);
}

TEST_F(SpoolPrepare, ADirectoryAnotherUserMadeInTheVictimsNameIsMovedAside) {
  const std::string squat = report_dir(spool_, 4243);
  fs::create_directory(squat);
  ASSERT_EQ(::chown(squat.c_str(), 4242, 4242), 0);
  session(4243);
  const SpoolPreparation p = prepare();
  EXPECT_EQ(p.removed, 1);
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_NE(p.problems[0].find("owned by uid 4242"), std::string::npos) << p.problems[0];
  const struct stat st = stat_of(squat);
  EXPECT_EQ(st.st_uid, 4243u);
  EXPECT_EQ(st.st_mode & 07777, 0700u);
}

TEST_F(SpoolPrepare, AMissingSpoolIsAnError) {
  SpoolPreparation p;
  std::string err;
  EXPECT_FALSE(prepare_spool(spool_ + "/nope", run_, &p, &err));
  EXPECT_NE(err.find("nope"), std::string::npos);
}

}  // namespace
}  // namespace limber::report
