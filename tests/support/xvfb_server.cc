#include "xvfb_server.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace limber::test {
namespace {

using Clock = std::chrono::steady_clock;

// Replaces the child with `argv`; never returns.
[[noreturn]] void exec_or_die(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execvp(args[0], args.data());
  _exit(127);
}

void silence_output() {
  int null = open("/dev/null", O_WRONLY);
  if (null >= 0) {
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    close(null);
  }
}

int remaining_ms(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

}  // namespace

bool XvfbServer::start(std::string* err, std::chrono::milliseconds timeout) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    *err = std::string("pipe: ") + std::strerror(errno);
    return false;
  }
  pid_ = fork();
  if (pid_ < 0) {
    *err = std::string("fork: ") + std::strerror(errno);
    close(fds[0]);
    close(fds[1]);
    return false;
  }
  if (pid_ == 0) {
    fcntl(fds[1], F_SETFD, 0);  // the one fd Xvfb must inherit
    silence_output();
    exec_or_die({"Xvfb", "-displayfd", std::to_string(fds[1]), "-nolisten", "tcp", "-noreset",
                 "-screen", "0", "640x480x24"});
  }
  close(fds[1]);

  // Xvfb writes "N\n" once it accepts connections; EOF means it died.
  std::string number;
  const auto deadline = Clock::now() + timeout;
  while (number.find('\n') == std::string::npos) {
    pollfd p{fds[0], POLLIN, 0};
    if (poll(&p, 1, remaining_ms(deadline)) <= 0) {
      *err = "Xvfb did not report a display within the timeout";
      break;
    }
    char buf[32];
    ssize_t n = read(fds[0], buf, sizeof buf);
    if (n <= 0) {
      *err = "Xvfb exited before accepting connections";
      break;
    }
    number.append(buf, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  if (number.find('\n') == std::string::npos) {
    kill_now();
    return false;
  }
  display_ = ":" + number.substr(0, number.find('\n'));
  return true;
}

void XvfbServer::kill_now() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

pid_t spawn_xdotool(const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    silence_output();
    std::vector<std::string> argv{"xdotool"};
    argv.insert(argv.end(), args.begin(), args.end());
    exec_or_die(argv);
  }
  return pid;
}

bool wait_for_exit(pid_t pid, std::chrono::milliseconds timeout) {
  if (pid <= 0) return false;
  const auto deadline = Clock::now() + timeout;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool run_xdotool(const std::vector<std::string>& args) {
  return wait_for_exit(spawn_xdotool(args), std::chrono::seconds(10));
}

}  // namespace limber::test
