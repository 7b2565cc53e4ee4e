#include "daemon_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <regex>

namespace limber::test {
namespace {

using SteadyClock = std::chrono::steady_clock;

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

DaemonProcess::~DaemonProcess() {
  if (pid_ > 0) kill_now();
  join_reader();
}

bool DaemonProcess::start(const std::string& executable, const std::vector<std::string>& args,
                          const std::vector<std::string>& env, std::string* err) {
  join_reader();
  {
    std::lock_guard lock(mutex_);
    err_lines_.clear();
    out_text_.clear();
    output_ended_ = false;
  }
  int out_pipe[2], err_pipe[2], wake_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0 ||
      pipe2(wake_pipe, O_CLOEXEC) != 0) {
    *err = std::string("pipe2: ") + std::strerror(errno);
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  std::vector<std::string> argv{executable};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<std::string> envp = env;
  auto c_argv = c_strings(argv);
  auto c_envp = c_strings(envp);
  const int rc = posix_spawn(&pid_, executable.c_str(), &actions, nullptr, c_argv.data(), c_envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    pid_ = -1;
    close(out_pipe[0]);
    close(err_pipe[0]);
    close(wake_pipe[0]);
    close(wake_pipe[1]);
    *err = "cannot start " + executable + ": " + std::strerror(rc);
    return false;
  }
  wake_write_ = wake_pipe[1];
  reader_ = std::thread([this, out = out_pipe[0], errfd = err_pipe[0], wake = wake_pipe[0]] {
    read_output(out, errfd, wake);
  });
  return true;
}

void DaemonProcess::read_output(int out_fd, int err_fd, int wake_fd) {
  std::string partial;  // stderr bytes not yet ending in a newline
  pollfd fds[3] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}, {wake_fd, POLLIN, 0}};
  int open_streams = 2;
  while (open_streams > 0) {
    if (poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[2].revents != 0) break;  // the owner stops reading
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      char buffer[4096];
      const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;  // poll ignores negative fds
        --open_streams;
        continue;
      }
      std::lock_guard lock(mutex_);
      if (i == 0) {
        out_text_.append(buffer, static_cast<size_t>(n));
      } else {
        partial.append(buffer, static_cast<size_t>(n));
        for (size_t end; (end = partial.find('\n')) != std::string::npos;) {
          err_lines_.push_back(partial.substr(0, end));
          partial.erase(0, end + 1);
        }
      }
      changed_.notify_all();
    }
  }
  for (const pollfd& p : fds) {
    if (p.fd >= 0) close(p.fd);
  }
  std::lock_guard lock(mutex_);
  if (!partial.empty()) err_lines_.push_back(partial);
  output_ended_ = true;
  changed_.notify_all();
}

void DaemonProcess::join_reader() {
  if (!reader_.joinable()) return;
  if (wake_write_ >= 0) close(wake_write_);
  wake_write_ = -1;
  reader_.join();
}

std::optional<size_t> DaemonProcess::wait_for_line(const std::string& pattern, milliseconds timeout,
                                                   size_t from) {
  const std::regex re(pattern);
  const auto deadline = SteadyClock::now() + timeout;
  std::unique_lock lock(mutex_);
  size_t next = from;
  while (true) {
    for (; next < err_lines_.size(); ++next) {
      if (std::regex_search(err_lines_[next], re)) return next;
    }
    if (output_ended_) return std::nullopt;
    if (changed_.wait_until(lock, deadline) == std::cv_status::timeout) {
      for (; next < err_lines_.size(); ++next) {
        if (std::regex_search(err_lines_[next], re)) return next;
      }
      return std::nullopt;
    }
  }
}

std::vector<std::string> DaemonProcess::lines() const {
  std::lock_guard lock(mutex_);
  return err_lines_;
}

size_t DaemonProcess::line_count() const {
  std::lock_guard lock(mutex_);
  return err_lines_.size();
}

size_t DaemonProcess::count_lines(const std::string& pattern) const {
  const std::regex re(pattern);
  std::lock_guard lock(mutex_);
  size_t n = 0;
  for (const std::string& line : err_lines_) if (std::regex_search(line, re)) ++n;
  return n;
}

std::string DaemonProcess::stdout_text() const {
  std::lock_guard lock(mutex_);
  return out_text_;
}

std::string DaemonProcess::stderr_text() const {
  std::lock_guard lock(mutex_);
  std::string all;
  for (const std::string& line : err_lines_) all += line + "\n";
  return all;
}

bool DaemonProcess::send_signal(int signo) { return pid_ > 0 && kill(pid_, signo) == 0; }

int DaemonProcess::reap(int wait_status) {
  pid_ = -1;
  {
    // The output ends once the process is gone; wait briefly for the reader
    // to take the last lines, then stop it.
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, std::chrono::seconds(2), [this] { return output_ended_; });
  }
  join_reader();
  if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
  if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
  return -1;
}

int DaemonProcess::wait_for_exit(milliseconds timeout) {
  if (pid_ <= 0) return -1;
  const auto deadline = SteadyClock::now() + timeout;
  while (true) {
    int status = 0;
    const pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) return reap(status);
    if (r < 0) {
      pid_ = -1;
      join_reader();
      return -1;
    }
    if (SteadyClock::now() >= deadline) return -1;
    std::this_thread::sleep_for(milliseconds(5));
  }
}

int DaemonProcess::kill_now() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  return reap(status);
}

}  // namespace limber::test
