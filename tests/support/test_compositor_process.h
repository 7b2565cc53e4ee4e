// TestCompositor: one run of limber_test_compositor (the small
// libwayland-server compositor in tests/integration/wayland/) with pipes to
// its stdin and stdout, so a test can play the user ("idle", "resume") and
// read what clients asked for.
//
// The process is shut down (end of stdin, then SIGKILL if it lingers) when
// the object goes away, also when a test fails half-way. Every wait is
// bounded by the timeout given at construction.
//
// Test-only; single-threaded.
#pragma once

#include <gtest/gtest.h>
#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace limber::test {

class TestCompositor {
 public:
  // `executable`: the path of limber_test_compositor.
  explicit TestCompositor(std::string executable,
                          std::chrono::milliseconds timeout = std::chrono::seconds(5))
      : executable_(std::move(executable)), timeout_(timeout) {}
  TestCompositor(const TestCompositor&) = delete;
  TestCompositor& operator=(const TestCompositor&) = delete;
  ~TestCompositor() { shut_down(); }

  // Starts it on `socket` (under $XDG_RUNTIME_DIR) with `flags` such as
  // "--ext-idle-notify", with the current environment, and waits for "ready".
  ::testing::AssertionResult start(const std::string& socket, std::vector<std::string> flags);

  // One command line: "idle" or "resume".
  void send(const std::string& command);

  // Waits for `line` among the compositor's output; lines before it are
  // kept in seen().
  ::testing::AssertionResult expect_line(const std::string& line);
  const std::vector<std::string>& seen() const { return seen_; }

  // Ends its script: the compositor exits and disconnects its clients.
  void close_stdin();
  // True when it exited by itself, with status 0, within the timeout.
  bool wait_for_exit();
  void shut_down();

 private:
  std::string executable_;
  std::chrono::milliseconds timeout_;
  pid_t pid_ = -1;
  int stdin_ = -1;
  int stdout_ = -1;
  std::string pending_;
  std::vector<std::string> seen_;
};

}  // namespace limber::test
