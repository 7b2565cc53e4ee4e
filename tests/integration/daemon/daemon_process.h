// DaemonProcess: one real limberd process for an integration test.
//
// It spawns the binary with exactly the arguments and environment the test
// gives (nothing inherited), reads its stdout and stderr on a thread of its
// own into line buffers, and lets the test wait, with a timeout, for a line
// matching a regular expression. The destructor kills (SIGKILL) and reaps a
// process that is still running, so a failing test leaves nothing behind.
//
// Threading: the object is used from the test's thread; only the reader
// thread it owns appends to the buffers, under a mutex.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace limber::test {

using std::chrono::milliseconds;

class DaemonProcess {
 public:
  DaemonProcess() = default;
  ~DaemonProcess();
  DaemonProcess(const DaemonProcess&) = delete;
  DaemonProcess& operator=(const DaemonProcess&) = delete;

  // Starts `executable` with `args` and the environment `env`
  // ("NAME=value", nothing else). False, with *err, when it cannot start.
  // REQUIRES: not running (a stopped process may be started again).
  bool start(const std::string& executable, const std::vector<std::string>& args,
             const std::vector<std::string>& env, std::string* err);

  // Waits until a stderr line with index >= `from` contains a match of the
  // ECMAScript regex `pattern`; returns that line's index, or nothing when
  // the timeout passed or stderr ended (the process exited) first.
  std::optional<size_t> wait_for_line(const std::string& pattern, milliseconds timeout,
                                      size_t from = 0);
  // Stderr lines so far, and how many of them match `pattern`.
  std::vector<std::string> lines() const;
  size_t line_count() const;
  size_t count_lines(const std::string& pattern) const;
  // Everything on stdout so far.
  std::string stdout_text() const;
  // Stderr as one text, for failure messages.
  std::string stderr_text() const;

  bool send_signal(int signo);
  // Waits for the process to exit and its output to end. Returns its exit
  // status, 128 + N when signal N killed it, or -1 when it is still running
  // after `timeout`.
  int wait_for_exit(milliseconds timeout);
  // SIGKILL now and reap, as a crash would. Returns the wait status code
  // like wait_for_exit() (normally 128 + SIGKILL).
  int kill_now();
  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }

 private:
  void read_output(int out_fd, int err_fd, int wake_fd);
  void join_reader();
  int reap(int wait_status);

  pid_t pid_ = -1;
  int wake_write_ = -1;  // closing it stops the reader early
  std::thread reader_;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> err_lines_;
  std::string out_text_;
  bool output_ended_ = false;
};

}  // namespace limber::test
