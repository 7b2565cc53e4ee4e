// Views: what the daemon's parts know of the programs that show its state
// (the tray, limberctl watch): they can be told something, and the tray may
// be connected. limberd's IpcServer is the real one; the in-process tests
// keep what they were told.
#pragma once

#include <string>

#include "limber/jsonrpc.h"

namespace limber {

class Views {
 public:
  virtual ~Views() = default;
  // Sends a notification to every subscriber that wants `method`.
  virtual void notify(const std::string& method, const rpc::Json& params) = 0;
  // Whether a limber-tray is connected (it shows prompt windows).
  virtual bool tray_connected() const = 0;
  // No tray is connected and a break must be a window (strict mode): start
  // a view that can show it. False when none can start here (the reason is
  // logged); the prompt is then a notification.
  virtual bool summon_window_view() { return false; }
};

}  // namespace limber
