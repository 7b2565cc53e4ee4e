// ConfigWatch on a real temporary directory and a real libuv loop: a change
// to a config file is reported within 2 s, once per burst, whatever way an
// editor saves it; other files in the same directories are not.
#include "config_watch.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>
#include <uv.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>

namespace limber {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

class ConfigWatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "limber-watch-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    fs::create_directories(dir_ + "/home/limber");
    fs::create_directories(dir_ + "/etc/limber/policy.d");
    paths_.user_file = dir_ + "/home/limber/limber.toml";
    paths_.site_file = dir_ + "/etc/limber/limber.toml";
    paths_.policy_dir = dir_ + "/etc/limber/policy.d";
    uv_loop_init(&loop_);
    watch_ = std::make_unique<ConfigWatch>(&loop_, 300ms, [this] { ++calls_; });
    ASSERT_TRUE(watch_->start(paths_));
  }
  void TearDown() override {
    watch_.reset();
    uv_run(&loop_, UV_RUN_DEFAULT);  // let the closed handles go
    uv_loop_close(&loop_);
    fs::remove_all(dir_);
  }

  static void write(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::trunc);
    out << text;
  }
  // Runs the loop, doing `action` first, until the callback has run
  // `calls` times or `limit` has passed; returns how long that took.
  SteadyClock::duration run_until(int calls, SteadyClock::duration limit,
                                  const std::function<void()>& action = {}) {
    const auto begin = SteadyClock::now();
    if (action) action();
    while (calls_ < calls && SteadyClock::now() - begin < limit) {
      uv_run(&loop_, UV_RUN_NOWAIT);
      sleep_a_little();
    }
    return SteadyClock::now() - begin;
  }
  static void sleep_a_little() { ::usleep(10'000); }

  std::string dir_;
  ConfigPaths paths_;
  uv_loop_t loop_{};
  std::unique_ptr<ConfigWatch> watch_;
  int calls_ = 0;
};

TEST_F(ConfigWatchTest, AnInPlaceWriteOfTheUserFileIsReportedWithinTwoSeconds) {
  const auto took = run_until(1, 2s, [&] { write(paths_.user_file, "[micro]\n"); });
  EXPECT_EQ(calls_, 1);
  EXPECT_LT(took, 2s);
}

TEST_F(ConfigWatchTest, AnEditorsRenameOnSaveIsReported) {
  write(paths_.user_file, "[micro]\n");
  run_until(1, 1s);  // the first write's report
  calls_ = 0;
  run_until(1, 2s, [&] {
    write(paths_.user_file + ".swp", "[rest]\n");
    ASSERT_EQ(std::rename((paths_.user_file + ".swp").c_str(), paths_.user_file.c_str()), 0);
  });
  EXPECT_EQ(calls_, 1);
}

TEST_F(ConfigWatchTest, ABurstOfWritesIsReportedOnce) {
  run_until(2, 1s, [&] {
    for (int i = 0; i < 20; ++i) write(paths_.user_file, "# " + std::to_string(i) + "\n");
  });
  EXPECT_EQ(calls_, 1);
}

TEST_F(ConfigWatchTest, PolicyFilesAndTheSiteFileAreReportedButNotOtherFiles) {
  run_until(1, 700ms, [&] {
    write(dir_ + "/home/limber/notes.txt", "x");
    write(paths_.policy_dir + "/README", "x");
    write(paths_.policy_dir + "/.#10-it.toml", "x");
  });
  EXPECT_EQ(calls_, 0) << "files that are no config";
  run_until(1, 2s, [&] { write(paths_.policy_dir + "/10-it.toml", "[micro]\n"); });
  EXPECT_EQ(calls_, 1);
  run_until(2, 2s, [&] { write(paths_.site_file, "[micro]\n"); });
  EXPECT_EQ(calls_, 2);
}

TEST_F(ConfigWatchTest, AConfigDirectoryCreatedLaterIsFollowed) {
  fs::remove_all(dir_ + "/home/limber");
  watch_->stop();
  ASSERT_TRUE(watch_->start(paths_));
  run_until(1, 2s, [&] { fs::create_directories(dir_ + "/home/limber"); });
  ASSERT_EQ(calls_, 1) << "the directory's creation";
  run_until(2, 2s, [&] { write(paths_.user_file, "[micro]\n"); });
  EXPECT_EQ(calls_, 2) << "a file in the new directory";
}

TEST_F(ConfigWatchTest, AReplacedPolicyDirectoryIsFollowed) {
  run_until(1, 2s, [&] {
    fs::rename(paths_.policy_dir, dir_ + "/etc/limber/old-policy.d");
    fs::create_directories(paths_.policy_dir);
  });
  ASSERT_EQ(calls_, 1);
  run_until(2, 2s, [&] { write(paths_.policy_dir + "/20-x.toml", "[rest]\n"); });
  EXPECT_EQ(calls_, 2);
}

}  // namespace
}  // namespace limber
