// Nothing recorded is lost on kill -9: a writer process records breaks in a
// loop and reports each completed one; it is killed with SIGKILL at random
// moments (fixed seed), and afterwards the database is intact and holds every
// break that was reported.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "store/sqlite_db.h"
#include "store_test_support.h"

namespace limber {
namespace {

struct WriterRun {
  std::string output;  // everything the writer printed before it died
  int wait_status = 0;
};

// Starts the writer, lets it run for `run_for` after its first report,
// kills it with SIGKILL.
WriterRun run_and_kill(const std::string& db, uint64_t first_id,
                       std::chrono::milliseconds run_for) {
  WriterRun run;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe2 failed";
    return run;
  }
  std::string first = std::to_string(first_id);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::execl(STORE_CRASH_WRITER, STORE_CRASH_WRITER, db.c_str(), first.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[1]);
  if (pid < 0) {
    ::close(fds[0]);
    ADD_FAILURE() << "fork failed";
    return run;
  }

  auto read_some = [&](int timeout_ms) {
    pollfd p{fds[0], POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return false;
    char buf[4096];
    ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n <= 0) return false;
    run.output.append(buf, static_cast<size_t>(n));
    return true;
  };
  // The random moment counts from the writer's first report, not from the
  // fork: under a loaded machine (or the sanitizers) starting the writer
  // alone can take longer than `run_for`, and such a run would test nothing.
  const auto started = std::chrono::steady_clock::now();
  while (run.output.find('\n') == std::string::npos &&
         std::chrono::steady_clock::now() - started < std::chrono::seconds(10)) {
    read_some(100);
  }
  auto deadline = std::chrono::steady_clock::now() + run_for;
  while (std::chrono::steady_clock::now() < deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    read_some(static_cast<int>(std::max<int64_t>(left.count(), 1)));
  }
  ::kill(pid, SIGKILL);
  // What it printed before it died still counts: drain the pipe to EOF.
  while (read_some(5000)) {
  }
  ::close(fds[0]);
  ::waitpid(pid, &run.wait_status, 0);
  return run;
}

TEST(StoreCrash, EveryReportedBreakSurvivesKillDashNine) {
  store_test::TempDir dir;
  std::string path = dir.file("history.sqlite3");
  std::mt19937 random(20240311);
  std::uniform_int_distribution<int> run_ms(5, 150);
  std::set<uint64_t> reported;

  for (uint64_t run = 0; run < 20; ++run) {
    WriterRun r =
        run_and_kill(path, (run + 1) * 1'000'000, std::chrono::milliseconds(run_ms(random)));
    ASSERT_TRUE(WIFSIGNALED(r.wait_status) && WTERMSIG(r.wait_status) == SIGKILL)
        << "the writer died on its own (status " << r.wait_status << ") in run " << run;
    std::istringstream lines(r.output);
    std::string line;
    while (std::getline(lines, line)) {
      if (lines.eof()) break;  // a line cut short by the kill has no newline
      reported.insert(std::stoull(line));
    }
  }
  // Otherwise the test would prove nothing: every run reported at least
  // one break before its kill, most of them many.
  ASSERT_GT(reported.size(), 50u);

  SqliteDb db;
  ASSERT_TRUE(db.open(path));
  EXPECT_EQ(store_test::query_text(db, "PRAGMA integrity_check"), "ok");
  SqliteStmt taken;
  ASSERT_TRUE(
      db.prepare("SELECT count(*) FROM breaks WHERE engine_id = ?1 AND outcome = 'taken'", &taken));
  size_t missing = 0;
  for (uint64_t id : reported) {
    Status status;
    taken.bind(1, static_cast<int64_t>(id));
    ASSERT_TRUE(taken.step(&status)) << status.message();
    if (taken.column_int64(0) != 1) ++missing;
    taken.reset();
  }
  EXPECT_EQ(missing, 0u) << "of " << reported.size() << " reported breaks";
}

}  // namespace
}  // namespace limber
