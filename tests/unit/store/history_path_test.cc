// Where the history lives and how its directory and file are created.
#include "store/history_path.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <fstream>
#include <optional>
#include <string>

#include "store/history_store.h"
#include "store_test_support.h"

namespace limber {
namespace {

// Sets an environment variable for one test and restores it afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value != nullptr) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

mode_t mode_of(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 0777;
}

TEST(HistoryPath, UsesXdgStateHome) {
  ScopedEnv state("XDG_STATE_HOME", "/srv/state");
  EXPECT_EQ(default_history_path(), "/srv/state/limber/history.sqlite3");
}

TEST(HistoryPath, FallsBackToLocalStateUnderHomeWhenXdgStateHomeIsUnsetOrRelative) {
  ScopedEnv home("HOME", "/home/ada");
  {
    ScopedEnv state("XDG_STATE_HOME", nullptr);
    EXPECT_EQ(default_history_path(), "/home/ada/.local/state/limber/history.sqlite3");
  }
  ScopedEnv state("XDG_STATE_HOME", "relative/state");
  EXPECT_EQ(default_history_path(), "/home/ada/.local/state/limber/history.sqlite3");
}

TEST(HistoryPath, EmptyWithoutAnyAbsoluteBase) {
  ScopedEnv home("HOME", nullptr);
  ScopedEnv state("XDG_STATE_HOME", nullptr);
  EXPECT_EQ(default_history_path(), "");
  Status status;
  EXPECT_EQ(HistoryStore::open(default_history_path(), &status), nullptr);
  EXPECT_EQ(status.code(), Status::Code::kInvalidArgument);
}

TEST(HistoryPath, OpenCreatesPrivateDirectoriesAndFile) {
  store_test::TempDir dir;
  std::string state = dir.file("state");
  ScopedEnv env("XDG_STATE_HOME", state.c_str());
  mode_t old_umask = ::umask(022);  // the usual one: would leave 0755 and 0644

  Status status;
  auto store = HistoryStore::open(default_history_path(), &status);
  ::umask(old_umask);
  ASSERT_TRUE(store) << status.message();

  EXPECT_EQ(mode_of(state), 0700u);
  EXPECT_EQ(mode_of(state + "/limber"), 0700u);
  EXPECT_EQ(mode_of(state + "/limber/history.sqlite3"), 0600u);
}

TEST(HistoryPath, PathThroughAFileIsAnError) {
  store_test::TempDir dir;
  std::string file = dir.file("plain");
  { std::ofstream(file) << "x"; }

  Status status;
  auto store = HistoryStore::open(file + "/limber/history.sqlite3", &status);

  EXPECT_EQ(store, nullptr);
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  EXPECT_NE(status.message().find(file), std::string::npos) << status.message();
}

}  // namespace
}  // namespace limber
