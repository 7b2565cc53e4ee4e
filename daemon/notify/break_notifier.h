// BreakNotifier: limberd's side of the desktop notification that reminds
// the user of a due break. The notification itself is shown by the helper
// program limber-notify (desktop_notification.h, limber_notify_main.cc),
// which BreakNotifier starts with uv_spawn when a reminder is to be shown
// and which exits once its notification is gone; the two speak JSON lines
// over the helper's stdin and stdout (notify_messages.h). So the daemon
// links no GLib, gio or libnotify, and between reminders no helper runs.
//
// One notification per due break: showing the same break again goes to
// the same helper (updated in place) or, after a hold closed it, to a new
// helper that is told the server's earlier id so the server still
// replaces rather than stacks. close() asks the helper to close it and
// ends the helper's input; the helper exits.
//
// Failures never reach the daemon: a helper that cannot be found or
// started, a missing notification server, a helper that crashes — each is
// logged (once per outage) and the next reminder tries again. The exit is
// collected by libuv's SIGCHLD handling (no zombies); writes to a helper
// that is gone fail with EPIPE (SIGPIPE is ignored) and are dropped.
//
// Threading: the loop thread only. on_action is called from the loop (a
// pipe read), never re-entrantly from show() or close().
#pragma once

#include <uv.h>

#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <optional>
#include <string>

#include "notify/notify_messages.h"
#include "uv/uv_handle.h"

namespace limber {

class BreakNotifier {
 public:
  using ActionCallback = std::function<void(uint64_t break_id, PromptAction action)>;

  BreakNotifier(uv_loop_t* loop, ActionCallback on_action);
  // Call stop() first and let the loop run until the helpers are gone
  // (Limberd's destructor runs the loop to its end).
  ~BreakNotifier();
  BreakNotifier(const BreakNotifier&) = delete;
  BreakNotifier& operator=(const BreakNotifier&) = delete;

  // Shows the prompt (asynchronously), replacing the one shown for the same
  // break and closing another break's. prompt.replaces_id is filled in here.
  void show(BreakPrompt prompt);
  // Closes the notification of `break_id`, if one is shown or on its way.
  void close(uint64_t break_id);
  // The break whose notification is up or on its way, if any.
  std::optional<uint64_t> shown_break() const;
  // Closes every notification and ends every helper: politely (end of
  // input), then with SIGKILL after kStopGrace.
  void stop();

  struct Helper;  // one limber-notify process; public for the libuv callbacks

 private:
  Helper* spawn();
  void give_up(Helper* h, const std::string& path, int uv_error);
  void start_reading(Helper* h);
  void send(Helper* h, const NotifyRequest& request);
  void end_input(Helper* h);
  void on_report(Helper* h, const NotifyReport& report);
  void on_exit(Helper* h, int64_t status, int signal);
  void forget(Helper* h);  // all of h's handles are closed

  uv_loop_t* loop_;
  ActionCallback on_action_;
  std::list<std::unique_ptr<Helper>> helpers_;  // running or still closing
  Helper* current_ = nullptr;  // the one that shows the current break's reminder
  // The server's id of the last break's notification, so a prompt shown
  // again (after a hold) replaces it.
  uint64_t last_break_id_ = 0;
  uint32_t last_server_id_ = 0;
  bool stopping_ = false;
  bool start_failure_logged_ = false;
  bool server_missing_logged_ = false;
  bool server_logged_ = false;
  UvHandle<uv_timer_t> kill_timer_;
};

}  // namespace limber
