#include "spool_reader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <filesystem>
#include <fstream>

#include "limber/atomic_file.h"
#include "report_samples.h"

namespace limber::report {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class SpoolReader : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "limber-spool-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The user whose reports the tests write: this process's uid, or (as
  // root, whose reports are refused) an unprivileged one the files are
  // given to.
  static uid_t user() { return ::getuid() != 0 ? ::getuid() : 4242; }

  std::string put(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path) << text;
    if (::getuid() == 0) {
      EXPECT_EQ(::chown(path.c_str(), user(), static_cast<gid_t>(-1)), 0);
    }
    return path;
  }
  std::string report_text(int seed) { return to_json(test::sample_report(seed)).dump(); }
  std::string own_name() const { return std::to_string(user()) + ".json"; }

  SpoolScan scan(std::chrono::seconds max_age = 7 * 24h) {
    SpoolScan s;
    std::string err;
    EXPECT_TRUE(read_spool(dir_, std::chrono::system_clock::now(), max_age, &s, &err)) << err;
    return s;
  }

  std::string dir_;
};

TEST_F(SpoolReader, ReadsAReportOwnedByTheUidInItsName) {
  put(own_name(), report_text(3));
  const SpoolScan s = scan();
  ASSERT_EQ(s.reports.size(), 1u);
  EXPECT_EQ(s.reports[0], test::sample_report(3));
  EXPECT_TRUE(s.problems.empty());
}

TEST_F(SpoolReader, IgnoresAndExplainsAFileNotOwnedByTheUidInItsName) {
  // Created by this process, so owned by our uid, but named for another.
  const std::string other = std::to_string(user() + 1) + ".json";
  put(other, report_text(5));
  const SpoolScan s = scan();
  EXPECT_TRUE(s.reports.empty());
  EXPECT_EQ(s.wrong_owner, 1);
  ASSERT_EQ(s.problems.size(), 1u);
  EXPECT_NE(s.problems[0].find("not the uid in its name"), std::string::npos) << s.problems[0];
}

TEST_F(SpoolReader, IgnoresSymlinksInvalidFilesAndTemporaryFiles) {
  const std::string target = put("elsewhere", report_text(1));
  ASSERT_EQ(::symlink(target.c_str(), (dir_ + "/" + std::to_string(user() + 3) + ".json").c_str()), 0);
  put(own_name(), "{not json");
  put("notes.txt", "hello");
  put("." + own_name() + ".Ab12Cd", report_text(2));  // a write in progress
  const SpoolScan s = scan();
  EXPECT_TRUE(s.reports.empty());
  EXPECT_EQ(s.wrong_owner, 1);  // the symlink
  EXPECT_EQ(s.invalid, 3);      // bad JSON, notes.txt, "elsewhere" (not named UID.json)
}

TEST_F(SpoolReader, LeavesOutReportsNotUpdatedWithinMaxAge) {
  const std::string path = put(own_name(), report_text(1));
  const utimbuf old{::time(nullptr) - 3 * 24 * 3600, ::time(nullptr) - 3 * 24 * 3600};
  ASSERT_EQ(::utime(path.c_str(), &old), 0);
  EXPECT_EQ(scan(2 * 24h).stale, 1);
  EXPECT_EQ(scan(4 * 24h).reports.size(), 1u);
}

TEST_F(SpoolReader, AMissingSpoolIsAnError) {
  SpoolScan s;
  std::string err;
  EXPECT_FALSE(read_spool(dir_ + "/nope", std::chrono::system_clock::now(), 24h, &s, &err));
  EXPECT_NE(err.find("nope"), std::string::npos);
}

TEST(AtomicFile, ReplacesTheFileWithTheModeAndLeavesNoTemporaryFile) {
  std::string tmpl = (fs::temp_directory_path() / "limber-atomic-XXXXXX").string();
  ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
  const std::string path = tmpl + "/out.prom";
  std::string err;
  ASSERT_TRUE(write_file_atomically(path, "first\n", 0644, &err)) << err;
  ASSERT_TRUE(write_file_atomically(path, "second\n", 0600, &err)) << err;
  std::ifstream in(path);
  std::string text;
  std::getline(in, text);
  EXPECT_EQ(text, "second");
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  EXPECT_EQ(std::distance(fs::directory_iterator(tmpl), fs::directory_iterator()), 1);
  EXPECT_FALSE(write_file_atomically(tmpl + "/missing/out.prom", "x", 0644, &err));
  EXPECT_NE(err.find("cannot create a file in"), std::string::npos) << err;
  fs::remove_all(tmpl);
}

}  // namespace
}  // namespace limber::report
