// TrayTest: limberd and limber-tray on a private Xvfb, in one DaemonHome.
// limberd watches the same X server (x11 source), so the test's xdotool
// input is the user's activity, and clicks on the prompt are both.
//
// Short rules at --time-scale 10: 0.5 s idle grace, a micro-break after
// 6 s of activity lasting 2 s, two postpones, and ignore_after long enough
// (60 s) that a test never races it; prompts as the tray's window.
//
// Test-only; single-threaded except for the Typist's own thread.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <thread>

#include "daemon_process.h"
#include "limberd_test.h"
#include "test_bus.h"  // ScopedEnv
#include "xvfb_server.h"

namespace limber::test {

inline constexpr const char* kTrayRules = R"toml([activity]
idle_grace = "5s"
noise_filter = "1s"

[breaks]
ignore_after = "10m"

[micro]
interval = "1m"
duration = "20s"
max_postpones = 2

[rest]
enabled = false
)toml";

// The prompt as the tray's window whether the user types or not (the
// default, auto, would notify while the Typist types); the last table, so
// a test may add prompt keys after it.
inline constexpr const char* kWindowPrompt = "\n[prompt]\nstyle = \"window\"\n";

// Presses Shift every 150 ms on its own thread until stopped: a user who
// keeps typing (and, being Shift, types nothing into any window).
class Typist {
 public:
  Typist();
  ~Typist() { stop(); }
  Typist(const Typist&) = delete;
  Typist& operator=(const Typist&) = delete;
  void stop();

 private:
  std::atomic<bool> running_{true};
  std::thread thread_;
};

class TrayTest : public LimberdTest {
 protected:
  void SetUp() override;

  // limberd on the test's X server, ready.
  ::testing::AssertionResult start_daemon();
  // limber-tray --debug (status window: no tray exists on Xvfb).
  ::testing::AssertionResult start_tray(DaemonProcess& process);
  std::vector<std::string> tray_environment() const;

  // A tray log line matching `pattern` (from line `from`) within `timeout`.
  ::testing::AssertionResult tray_logged(const std::string& pattern, milliseconds timeout, size_t from = 0,
                                         size_t* index = nullptr);
  // limberd's status.tray_connected becomes `want` within `timeout`.
  ::testing::AssertionResult daemon_sees_tray(bool want, milliseconds timeout);
  // A top-level window whose title matches `regex` exists within `timeout`.
  static bool window_exists(const std::string& regex, milliseconds timeout);
  // No such window is left within `timeout`.
  static bool window_gone(const std::string& regex, milliseconds timeout);
  // Waits for the prompt's button `name` and clicks its centre.
  ::testing::AssertionResult click_prompt_button(const std::string& name, size_t from);
  // The outcome limberd recorded for its first due break ("" if none).
  std::string first_outcome();

  XvfbServer xvfb_;
  std::optional<ScopedEnv> display_;
  DaemonProcess tray_;  // declared after daemon_ (in LimberdTest): killed first
};

}  // namespace limber::test
