// DesktopNotification: the break reminder as a desktop notification
// (libnotify, org.freedesktop.Notifications), inside the limber-notify
// helper (limber_notify_main.cc), which the daemon runs while a reminder is
// up.
//
// One notification per due break: showing the same break again updates the
// same NotifyNotification object, so the server replaces it in place (same
// id) instead of stacking a second one; a prompt shown again by a new helper
// passes the earlier server id (BreakPrompt::replaces_id) for the same
// effect. The notification is quiet by design: urgency normal, no sound
// unless asked for (and then a freedesktop sound-theme event), Limber's icon
// (notification_icon.h) and desktop-entry hint, and the actions Start / Postpone / Skip only
// when the server supports actions.
//
// Everything that happens is handed to the ReportSink as a NotifyReport:
// shown (with the server's id and name) or failed after show(), an action
// the user clicked, and closed when the server took the notification away.
//
// Threading: the thread that runs GLib's default main context (action and
// closed callbacks arrive through it). Calls into libnotify block for the
// D-Bus round trip to the notification server.
#pragma once

#include <functional>
#include <string>

#include "notify/notify_messages.h"

typedef struct _NotifyNotification NotifyNotification;

namespace limber {

class DesktopNotification {
 public:
  using ReportSink = std::function<void(const NotifyReport& report)>;

  // `app_name` is what the server shows as the sender ("Limber"); `icon`
  // the notification's icon, a theme name or an absolute path.
  DesktopNotification(std::string app_name, std::string icon, ReportSink sink);
  ~DesktopNotification();
  DesktopNotification(const DesktopNotification&) = delete;
  DesktopNotification& operator=(const DesktopNotification&) = delete;

  // Shows the prompt, replacing the one shown for the same break (and
  // closing another break's). Reports kShown or kFailed.
  void show(const BreakPrompt& prompt);
  // Closes the notification of `break_id`, if it is the one shown.
  void close(uint64_t break_id);
  // A notification is up (shown and not closed by anyone).
  bool showing() const { return notification_ != nullptr && shown_; }
  uint64_t break_id() const { return break_id_; }

 private:
  void set_hints_and_actions(const BreakPrompt& prompt, bool actions);
  static void on_action(NotifyNotification* notification, char* action, void* self);
  static void on_closed(NotifyNotification* notification, void* self);
  void release();

  std::string app_name_;
  std::string icon_;
  ReportSink sink_;
  NotifyNotification* notification_ = nullptr;  // owned reference
  uint64_t break_id_ = 0;
  bool shown_ = false;
};

}  // namespace limber
