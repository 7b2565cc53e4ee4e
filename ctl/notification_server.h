// Whether a desktop notification server is there for limberd's reminders:
// a name owner of org.freedesktop.Notifications on the user's session bus
// (or a service D-Bus would start on demand). Used by `limberctl doctor`.
//
// Blocking (a few D-Bus round trips on a private connection); any thread.
#pragma once

#include <string>

namespace limber::ctl {

struct NotificationServer {
  bool bus_reachable = false;  // the session bus answered
  bool running = false;        // org.freedesktop.Notifications has an owner
  bool activatable = false;    // not running, but D-Bus would start it
  std::string server;          // "dunst 1.9.0 (knopwob)" when running and it said
  std::string error;           // why the bus could not be asked
};

NotificationServer find_notification_server();

}  // namespace limber::ctl
