// TrayWindowTest: the fixture of the tray-window tests — a real limberd
// (--demo --source demo) in a private DaemonHome, the tray's real
// DaemonConnection to it on wx's main loop, and a blocking IpcClient of the
// test's own to check what reached the daemon.
//
// Test-only; UI thread only.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "daemon_connection.h"
#include "daemon_home.h"
#include "daemon_process.h"
#include "limber/ipc_client.h"

class wxWindow;

namespace limber::test {

class TrayWindowTest : public ::testing::Test {
 protected:
  void TearDown() override;

  // Writes `policy` (TOML) as a policy file when not empty, starts limberd
  // with `args` and connects both the tray link and the test's client.
  ::testing::AssertionResult start_daemon(const std::vector<std::string>& args = {},
                                          const std::string& policy = std::string());
  // The test's own call to limberd; fails the test on an error.
  rpc::Json call(const std::string& method, const rpc::Json& params = rpc::Json::object());
  // Opens `which` through show_tray_window and waits until it is shown
  // and has had `settle` to load.
  wxWindow* open(int which, const std::string& frame_name);
  // Closes and destroys every top-level window the test opened.
  void close_windows();
  // Writes a PNG of `frame` to the build's screenshot directory (and to
  // $LIMBER_SCREENSHOT_DIR when set) and checks it is not blank.
  ::testing::AssertionResult screenshot(wxWindow* frame, const std::string& name);

  std::string policy_file() const { return home_.policy_dir() + "/x.toml"; }

  DaemonHome home_;
  DaemonProcess daemon_;
  std::unique_ptr<tray::DaemonConnection> link_;
  IpcClient client_;
};

}  // namespace limber::test
