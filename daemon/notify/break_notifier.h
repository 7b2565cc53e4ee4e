// BreakNotifier: the desktop notification that reminds the user of a due
// break (libnotify, org.freedesktop.Notifications).
//
// One notification per due break: showing the same break again updates the
// same NotifyNotification object, so the server replaces it in place (same
// id) instead of stacking a second one; close() takes it away when the
// break ends or is held. The notification is quiet by design: urgency
// normal, no sound unless asked for (and then a freedesktop sound-theme
// event), the "limber" icon and desktop-entry hint, and the actions Start /
// Postpone / Skip only when the server supports actions.
//
// A missing notification server is not an error: show() logs once and keeps
// going, and a server that appears later is used from the next show() on.
//
// Action callbacks arrive through GLib's default main context, so a
// GlibLoopBridge must drive it (see glib_loop_bridge.h). They are handed to
// the owner from a libuv timer, outside GLib's dispatch, so the owner may
// show or close notifications from its callback.
//
// Threading: the loop thread only. Calls into libnotify block for the D-Bus
// round trip to the notification server.
#pragma once

#include <uv.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "uv/uv_handle.h"

typedef struct _NotifyNotification NotifyNotification;

namespace limber {

enum class PromptAction { kStart, kPostpone, kSkip };
std::string_view to_string(PromptAction action);

// What one break's notification says and offers.
struct BreakPrompt {
  uint64_t break_id = 0;
  std::string summary;  // "Time for a micro-break"
  std::string body;     // the exercise and one line of instructions
  bool offer_postpone = false;
  bool offer_skip = false;
  bool sound = false;   // play the "bell" sound-theme event
};

class BreakNotifier {
 public:
  using ActionCallback = std::function<void(uint64_t break_id, PromptAction action)>;

  // `app_name` is what the server shows as the sender ("Limber").
  BreakNotifier(uv_loop_t* loop, std::string app_name, ActionCallback on_action);
  ~BreakNotifier();
  BreakNotifier(const BreakNotifier&) = delete;
  BreakNotifier& operator=(const BreakNotifier&) = delete;

  // Shows the prompt, replacing the one shown for the same break. Returns
  // false when the server could not be reached (logged once per outage).
  bool show(const BreakPrompt& prompt);
  // Closes the notification of `break_id`, if one is shown.
  void close(uint64_t break_id);
  // The break whose notification is shown, if any.
  std::optional<uint64_t> shown_break() const;

 private:
  static void on_action(NotifyNotification* notification, char* action, void* self);
  void release();

  uv_loop_t* loop_;
  std::string app_name_;
  ActionCallback on_action_;
  NotifyNotification* notification_ = nullptr;  // owned reference
  uint64_t break_id_ = 0;
  int server_id_ = 0;  // the id the server gave the notification; 0: none yet
  bool shown_ = false;
  bool server_missing_logged_ = false;
  bool server_logged_ = false;
  // Actions clicked, handed to on_action_ from `deliver_` on the next loop turn.
  std::vector<std::pair<uint64_t, PromptAction>> pending_;
  UvHandle<uv_timer_t> deliver_;
};

}  // namespace limber
