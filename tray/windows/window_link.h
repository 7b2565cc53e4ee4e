// WindowLink: one window's use of the DaemonLink. Replies and notifications
// that arrive after the window is gone are dropped, and the window's
// listener is removed with it, so a window never sees a callback into a
// destroyed object.
//
// Owned by the window (a member); used on the UI thread only.
#pragma once

#include <memory>
#include <string>

#include "daemon_link.h"

namespace limber::tray {

class WindowLink {
 public:
  explicit WindowLink(DaemonLink& link) : link_(link), alive_(std::make_shared<bool>(true)) {}
  ~WindowLink();
  WindowLink(const WindowLink&) = delete;
  WindowLink& operator=(const WindowLink&) = delete;

  DaemonLink& daemon() { return link_; }
  bool connected() const { return link_.connected(); }

  // DaemonLink::call, with `reply` dropped if this WindowLink is gone.
  void call(const std::string& method, rpc::Json params, DaemonLink::Reply reply);
  // Listens for notifications until this WindowLink goes. One listener.
  void listen(DaemonLink::Listener listener);

 private:
  DaemonLink& link_;
  std::shared_ptr<bool> alive_;
  int listener_ = -1;
};

}  // namespace limber::tray
