#include "test_compositor_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

extern char** environ;

namespace limber::test {

using SteadyClock = std::chrono::steady_clock;

::testing::AssertionResult TestCompositor::start(const std::string& socket,
                                                 std::vector<std::string> flags) {
  int to_child[2], from_child[2];
  if (pipe2(to_child, O_CLOEXEC) != 0 || pipe2(from_child, O_CLOEXEC) != 0) {
    return ::testing::AssertionFailure() << "pipe2 failed";
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
  std::vector<std::string> args{executable_, socket};
  args.insert(args.end(), flags.begin(), flags.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int err = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(to_child[0]);
  close(from_child[1]);
  stdin_ = to_child[1];
  stdout_ = from_child[0];
  if (err != 0) {
    pid_ = -1;
    return ::testing::AssertionFailure() << "cannot start " << executable_;
  }
  return expect_line("ready");
}

void TestCompositor::send(const std::string& command) {
  const std::string line = command + "\n";
  ASSERT_EQ(write(stdin_, line.data(), line.size()), static_cast<ssize_t>(line.size()));
}

::testing::AssertionResult TestCompositor::expect_line(const std::string& line) {
  const auto deadline = SteadyClock::now() + timeout_;
  while (true) {
    for (size_t end; (end = pending_.find('\n')) != std::string::npos;) {
      std::string got = pending_.substr(0, end);
      pending_.erase(0, end + 1);
      seen_.push_back(got);
      if (got == line) return ::testing::AssertionSuccess();
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
    pollfd p{stdout_, POLLIN, 0};
    if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    char buffer[256];
    const ssize_t n = read(stdout_, buffer, sizeof buffer);
    if (n <= 0) break;
    pending_.append(buffer, static_cast<size_t>(n));
  }
  std::string all;
  for (const auto& s : seen_) all += "\n  " + s;
  return ::testing::AssertionFailure() << "compositor did not print \"" << line
                                       << "\"; it printed:" << all;
}

void TestCompositor::close_stdin() {
  if (stdin_ >= 0) close(stdin_);
  stdin_ = -1;
}

bool TestCompositor::wait_for_exit() {
  const auto deadline = SteadyClock::now() + timeout_;
  while (pid_ > 0 && SteadyClock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

void TestCompositor::shut_down() {
  close_stdin();
  // wait_for_exit() reaps a compositor that exits on its own, whatever its
  // status, and then pid_ is -1: kill only one that is still running
  // (kill(-1, ...) would signal every process we may signal).
  if (pid_ > 0 && !wait_for_exit() && pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  if (stdout_ >= 0) close(stdout_);
  stdout_ = -1;
}

}  // namespace limber::test
