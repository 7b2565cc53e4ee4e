// TrayMenu: the tray's menu as a list of items that follow limberd's state
// (resume only while paused, quiet as a check item, …), and the requests
// each item sends. The tray presences turn the list into a wxMenu or a
// GtkMenu (libayatana-appindicator wants GTK's own).
//
// Threading: the UI thread.
#pragma once

#include <wx/string.h>

#include <functional>
#include <vector>

#include "tray_status.h"

class wxMenu;

namespace limber::tray {

class DaemonLink;

struct TrayMenuItem {
  enum class Kind { kAction, kCheck, kSeparator };
  Kind kind = Kind::kAction;
  wxString label;
  bool checked = false;
  bool enabled = true;
  std::function<void()> run;
};

class TrayMenu {
 public:
  // `show_status_window` and `quit` are the app's; the daemon is asked
  // through `link`. `tell_user` shows why limberd refused a request (by
  // default a wxLogWarning, which the tray shows as a message).
  using TellUser = std::function<void(const wxString&)>;
  TrayMenu(DaemonLink& link, std::function<void()> show_status_window, std::function<void()> quit,
           TellUser tell_user = nullptr);

  std::vector<TrayMenuItem> items(const TrayStatus& status) const;

  // A wxMenu of `items`; the caller owns it. Each item runs its action
  // from a handler bound on the menu itself.
  static wxMenu* to_wx_menu(const std::vector<TrayMenuItem>& items);

 private:
  // Sends `method` and tells the user when limberd says no.
  void request(const char* method, const char* params_json) const;

  DaemonLink& link_;
  std::function<void()> show_status_window_;
  std::function<void()> quit_;
  TellUser tell_user_;
};

}  // namespace limber::tray
