// WaylandDesktop: a Wayland session for one limberd — limber_test_compositor
// listening on "limber-test-0" in the DaemonHome's runtime directory, whose
// stdin plays the user ("idle", "resume").
//
// The test process's own XDG_RUNTIME_DIR points at that directory while the
// object lives (the compositor inherits it). Needs LIMBER_TEST_COMPOSITOR.
//
// Test-only; single-threaded.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "daemon_home.h"
#include "test_bus.h"
#include "test_compositor_process.h"

namespace limber::test {

class WaylandDesktop {
 public:
  explicit WaylandDesktop(const DaemonHome& home) : runtime_dir_("XDG_RUNTIME_DIR", home.runtime_dir().c_str()) {}

  // `flags`: "--ext-idle-notify" and/or "--kde-idle".
  ::testing::AssertionResult start(const std::vector<std::string>& flags) {
    return compositor_.start("limber-test-0", flags);
  }
  // What limberd needs in its environment to find this compositor.
  static std::string display_env() { return "WAYLAND_DISPLAY=limber-test-0"; }
  TestCompositor& compositor() { return compositor_; }

 private:
  ScopedEnv runtime_dir_;
  TestCompositor compositor_{LIMBER_TEST_COMPOSITOR, std::chrono::seconds(10)};
};

}  // namespace limber::test
