// limberd with its history on a troubled disk: a small tmpfs that fills up
// while the daemon runs, and a file system that is read-only from the start.
// The daemon keeps reminding (break.due still reaches a subscribed client),
// says what is wrong (a log line and status.history_health) and, once space
// returns or the disk is writable again, writes the breaks that ended
// meanwhile.
//
// Mounting needs root (CAP_SYS_ADMIN); elsewhere the tests skip and say so.
// They run `--demo --source=demo --time-scale=20`: a micro-break falls due
// about every 2 s and is taken while the pretend user is away.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <thread>

#include "history_db.h"
#include "limberd_test.h"
#include "rpc_test_client.h"

namespace limber::test {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kDemoArgs = {"--demo", "--source=demo", "--time-scale=20"};

// A tmpfs of `size` mounted at `dir` for the life of the object.
class SmallDisk {
 public:
  SmallDisk(const std::string& dir, const std::string& size, bool read_only = false) : dir_(dir) {
    fs::create_directories(dir);
    const std::string options = "size=" + size + ",mode=0700";
    if (::mount("tmpfs", dir.c_str(), "tmpfs", read_only ? MS_RDONLY : 0, options.c_str()) != 0) {
      error_ = std::string("cannot mount a tmpfs (needs root): ") + std::strerror(errno);
    } else {
      mounted_ = true;
    }
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;

  bool mounted() const { return mounted_; }
  const std::string& error() const { return error_; }
  bool remount(bool read_only) {
    return ::mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT | (read_only ? MS_RDONLY : 0), nullptr) == 0;
  }

  // Writes a filler file until the file system is full; returns its size.
  size_t fill() {
    std::ofstream out(dir_ + "/filler", std::ios::binary);
    const std::string block(4096, 'x');
    size_t written = 0;
    while (out.write(block.data(), static_cast<std::streamsize>(block.size())) && out.flush()) {
      written += block.size();
    }
    return written;
  }
  void free_space() { fs::remove(dir_ + "/filler"); }

 private:
  std::string dir_;
  std::string error_;
  bool mounted_ = false;
};

// "<kind> #<id>" of every "… ended: taken" line from index `from` on.
std::set<std::string> taken_breaks(const std::vector<std::string>& lines, size_t from) {
  static const std::regex ended("(micro-break|rest break) #([0-9]+) ended: taken");
  std::set<std::string> out;
  for (size_t i = from; i < lines.size(); ++i) {
    std::smatch m;
    if (std::regex_search(lines[i], m, ended)) {
      out.insert(std::string(m[1] == "micro-break" ? "micro" : "rest") + " #" + m[2].str());
    }
  }
  return out;
}

class DiskTrouble : public LimberdTest {
 protected:
  std::string state_dir() const { return home_.root() + "/state"; }

  ::testing::AssertionResult connect_and_subscribe() {
    std::string err;
    for (int i = 0; i < 100 && !client_.connected(); ++i) {
      if (!client_.connect(socket_path(home_.runtime_dir()), &err)) std::this_thread::sleep_for(50ms);
    }
    if (!client_.connected()) return ::testing::AssertionFailure() << "cannot connect: " << err;
    auto reply = client_.call("subscribe", Json{{"events", Json::array({"break.due"})}});
    if (!reply || error_code(*reply) != 0) return ::testing::AssertionFailure() << "subscribe failed";
    return ::testing::AssertionSuccess();
  }
  Json history_health() {
    auto reply = client_.call("status");
    if (!reply || !reply->contains("result")) return Json();
    return (*reply)["result"]["history_health"];
  }

  RpcTestClient client_;
};

TEST_F(DiskTrouble, FullDiskKeepsRemindingSaysWhyAndCatchesUpWhenSpaceReturns) {
  SmallDisk disk(state_dir(), "2m");
  if (!disk.mounted()) GTEST_SKIP() << disk.error();
  ASSERT_TRUE(start(kDemoArgs));
  ASSERT_TRUE(connect_and_subscribe());
  ASSERT_TRUE(logged("micro-break #[0-9]+ ended: taken", 15s));
  EXPECT_EQ(history_health()["ok"], true);

  ASSERT_GT(disk.fill(), 0u);
  const size_t full_from = daemon_.line_count();
  ASSERT_TRUE(logged("error: history write failed \\(kept in memory, retried\\): .*full", 15s, full_from));
  // Reminders go on: two more breaks fall due over IPC while the disk is full.
  client_.clear_notifications();
  ASSERT_TRUE(client_.wait_notification("break.due", 10s)) << daemon_.stderr_text();
  ASSERT_TRUE(logged("micro-break #[0-9]+ ended: taken", 10s, daemon_.line_count()));
  const Json health = history_health();
  EXPECT_EQ(health["ok"], false) << health.dump();
  EXPECT_NE(health.value("problem", "").find("full"), std::string::npos) << health.dump();
  EXPECT_GT(health.value("unwritten", 0), 0) << health.dump();
  const std::set<std::string> taken_while_full = taken_breaks(daemon_.lines(), full_from);
  ASSERT_FALSE(taken_while_full.empty());

  disk.free_space();
  const size_t freed_at = daemon_.line_count();
  // The next break written also writes what was kept in memory.
  ASSERT_TRUE(logged("history writes work again: caught up on [0-9]+ records", 15s, freed_at));
  EXPECT_EQ(history_health()["ok"], true);
  ASSERT_TRUE(stops_cleanly());

  HistoryDb db;
  std::string err;
  ASSERT_TRUE(db.open(home_.history_path(true), &err)) << err;
  EXPECT_EQ(db.text("PRAGMA integrity_check").value_or(db.last_error()), "ok");
  for (const std::string& brk : taken_while_full) {
    const std::string kind = brk.substr(0, brk.find(' '));
    const std::string id = brk.substr(brk.find('#') + 1);
    EXPECT_EQ(db.integer("SELECT count(*) FROM breaks WHERE kind = '" + kind + "' AND engine_id = " + id +
                         " AND outcome = 'taken'"),
              1)
        << brk << " ended while the disk was full and is not in the history";
  }
}

TEST_F(DiskTrouble, ReadOnlyHistoryKeepsRemindingSaysWhyAndIsWrittenWhenTheDiskIsWritableAgain) {
  // A history written earlier, then the file system is read-only.
  SmallDisk disk(state_dir(), "2m");
  if (!disk.mounted()) GTEST_SKIP() << disk.error();
  ASSERT_TRUE(start(kDemoArgs));
  ASSERT_TRUE(logged("micro-break #[0-9]+ ended: taken", 15s));
  ASSERT_TRUE(stops_cleanly());
  int64_t taken_before = 0;
  {
    HistoryDb db;
    std::string err;
    ASSERT_TRUE(db.open(home_.history_path(true), &err)) << err;
    taken_before = db.integer("SELECT count(*) FROM breaks WHERE outcome = 'taken'").value_or(-1);
    ASSERT_GT(taken_before, 0);
  }
  ASSERT_TRUE(disk.remount(true)) << std::strerror(errno);

  ASSERT_TRUE(start(kDemoArgs));
  EXPECT_TRUE(logged("error: history is not recorded: .*(read-?only|readonly|unable to open)", 10s));
  ASSERT_TRUE(connect_and_subscribe());
  EXPECT_TRUE(client_.wait_notification("break.due", 10s)) << daemon_.stderr_text();
  const size_t ro_from = daemon_.line_count();
  ASSERT_TRUE(logged("micro-break #[0-9]+ ended: taken", 10s, ro_from));
  const Json health = history_health();
  EXPECT_EQ(health["ok"], false) << health.dump();
  EXPECT_FALSE(health.value("problem", "").empty()) << health.dump();
  EXPECT_GT(health.value("unwritten", 0), 0) << "breaks kept for later: " << health.dump();

  // The disk becomes writable again: the daemon's retry (every minute of
  // daemon time, 3 s here) opens the history and writes what it kept.
  ASSERT_TRUE(disk.remount(false)) << std::strerror(errno);
  ASSERT_TRUE(logged("can be written again: caught up on [1-9][0-9]* break records", 15s, ro_from));
  EXPECT_EQ(history_health()["ok"], true);
  ASSERT_TRUE(stops_cleanly());
  // Every break taken since the read-only start (while read-only and after
  // the reopen) is in the history once, next to the earlier ones. (Counted
  // by log line: the timers could not be restored from the read-only
  // history, so break ids began again at 1.)
  static const std::regex taken("(micro-break|rest break) #[0-9]+ ended: taken");
  int64_t taken_since = 0;
  const std::vector<std::string> lines = daemon_.lines();
  for (size_t i = ro_from; i < lines.size(); ++i) taken_since += std::regex_search(lines[i], taken) ? 1 : 0;
  ASSERT_GT(taken_since, 0);

  HistoryDb db;
  std::string err;
  ASSERT_TRUE(db.open(home_.history_path(true), &err)) << err;
  EXPECT_EQ(db.text("PRAGMA integrity_check").value_or(db.last_error()), "ok");
  EXPECT_EQ(db.integer("SELECT count(*) FROM breaks WHERE outcome = 'taken'").value_or(-1), taken_before + taken_since)
      << "breaks that ended while the disk was read-only are missing from the history";
}

}  // namespace
}  // namespace limber::test
