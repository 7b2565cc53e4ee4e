// LimberdTest: the fixture every limberd integration test builds on — a
// fresh DaemonHome, one DaemonProcess, and assertions that print the
// daemon's whole log when they fail.
//
// Short rules: kShortRules with --time-scale 10 gives a 0.5 s idle grace, a
// micro-break after 6 s of activity that lasts 1 s, and no rest break, so a
// natural micro-break is 1 s of real idle time after some activity.
//
// Test-only; single-threaded.
#pragma once

#include <gtest/gtest.h>

#include <csignal>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "daemon_home.h"
#include "daemon_process.h"

namespace limber::test {

using namespace std::chrono_literals;

inline constexpr const char* kShortRules = R"toml([activity]
idle_grace = "5s"
noise_filter = "1s"

[micro]
interval = "1m"
duration = "10s"

[rest]
enabled = false
)toml";
inline constexpr const char* kShortScale = "--time-scale=10";
// The line limberd logs once it serves.
inline constexpr const char* kReady = "limberd: ready$";

// `text` as a regex that matches exactly it (for file paths in log lines).
inline std::string regex_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

class LimberdTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(home_.ok()) << "cannot create a temp dir"; }

  // Starts limberd -f with `args` in home_'s environment plus `extra_env`.
  ::testing::AssertionResult start(DaemonProcess& process, const std::vector<std::string>& args,
                                   const std::vector<std::string>& extra_env = {}) {
    std::vector<std::string> all{"-f"};
    all.insert(all.end(), args.begin(), args.end());
    std::string err;
    if (!process.start(limberd_path(), all, home_.environment(extra_env), &err)) {
      return ::testing::AssertionFailure() << err;
    }
    return ::testing::AssertionSuccess();
  }
  ::testing::AssertionResult start(const std::vector<std::string>& args,
                                   const std::vector<std::string>& extra_env = {}) {
    return start(daemon_, args, extra_env);
  }

  // A stderr line matching `pattern` (from line `from` on) within `timeout`.
  static ::testing::AssertionResult logged(DaemonProcess& process, const std::string& pattern,
                                           milliseconds timeout, size_t from = 0,
                                           size_t* index = nullptr) {
    if (auto at = process.wait_for_line(pattern, timeout, from)) {
      if (index != nullptr) *index = *at;
      return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "limberd logged no line matching /" << pattern << "/ within "
                                         << timeout.count() << " ms" << (from > 0 ? " after line " : "")
                                         << (from > 0 ? std::to_string(from) : "")
                                         << "; its log:\n" << process.stderr_text();
  }
  ::testing::AssertionResult logged(const std::string& pattern, milliseconds timeout, size_t from = 0,
                                    size_t* index = nullptr) {
    return logged(daemon_, pattern, timeout, from, index);
  }

  // SIGTERM, then a clean exit (status 0) within a few seconds.
  static ::testing::AssertionResult stops_cleanly(DaemonProcess& process) {
    if (!process.send_signal(SIGTERM)) return ::testing::AssertionFailure() << "limberd is not running";
    const int status = process.wait_for_exit(10s);
    if (status != 0) {
      return ::testing::AssertionFailure() << "limberd exited with " << status
                                           << " after SIGTERM (-1: still running); its log:\n"
                                           << process.stderr_text();
    }
    return ::testing::AssertionSuccess();
  }
  ::testing::AssertionResult stops_cleanly() { return stops_cleanly(daemon_); }

  DaemonHome home_;
  DaemonProcess daemon_;  // declared after home_: killed before the files go
};

}  // namespace limber::test
