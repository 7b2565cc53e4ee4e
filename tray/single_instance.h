// SingleInstance: one limber-tray per user session. The first instance
// holds a wxSingleInstanceChecker lock in $XDG_RUNTIME_DIR/limber and
// listens on tray.sock there; a second one knocks on that socket ("show"),
// which brings the first one's status window forward, and exits.
//
// Threading: the UI (GLib main) thread.
#pragma once

#include <glib.h>

#include <functional>
#include <memory>
#include <string>

class wxSingleInstanceChecker;

namespace limber::tray {

class SingleInstance {
 public:
  explicit SingleInstance(std::string runtime_dir);  // $XDG_RUNTIME_DIR/limber
  ~SingleInstance();
  SingleInstance(const SingleInstance&) = delete;
  SingleInstance& operator=(const SingleInstance&) = delete;

  // True when this is the only limber-tray; false when another runs (or the
  // lock cannot be taken: then *err says why).
  bool acquire(std::string* err);
  // Asks the running instance to show its status window. False when it
  // could not be reached.
  bool knock();
  // Serves knocks: `on_show` runs on the UI thread for each one.
  bool listen(std::function<void()> on_show, std::string* err);

 private:
  static gboolean on_accept(gint fd, GIOCondition, gpointer self);
  std::string socket_path() const { return dir_ + "/tray.sock"; }

  std::string dir_;
  std::unique_ptr<wxSingleInstanceChecker> checker_;
  int listen_fd_ = -1;
  guint watch_ = 0;
  std::function<void()> on_show_;
};

}  // namespace limber::tray
