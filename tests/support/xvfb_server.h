// XvfbServer: a private, headless X server for one test, and xdotool runs
// against it.
//
// Xvfb picks a free display number itself (-displayfd) and writes it once it
// accepts connections, so parallel tests never collide and never race the
// server's start-up. The server is killed when the object goes away, also
// when a test fails half-way.
//
// Test-only; single-threaded.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace limber::test {

class XvfbServer {
 public:
  XvfbServer() = default;
  ~XvfbServer() { kill_now(); }
  XvfbServer(const XvfbServer&) = delete;
  XvfbServer& operator=(const XvfbServer&) = delete;

  // Starts Xvfb and waits (up to `timeout`) until it accepts connections.
  bool start(std::string* err, std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // ":N", valid after start().
  const std::string& display() const { return display_; }
  // SIGKILL, as a crash would: the server cannot say goodbye to clients.
  void kill_now();

 private:
  pid_t pid_ = -1;
  std::string display_;
};

// Starts `xdotool args…` with the current environment (so $DISPLAY) and
// returns its pid, or -1.
pid_t spawn_xdotool(const std::vector<std::string>& args);
// True when `pid` has exited with status 0 by `timeout`; kills it otherwise.
bool wait_for_exit(pid_t pid, std::chrono::milliseconds timeout);
// Runs xdotool to completion (up to 10 s); true if it succeeded.
bool run_xdotool(const std::vector<std::string>& args);

}  // namespace limber::test
