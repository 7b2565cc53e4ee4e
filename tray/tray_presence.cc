#include "tray_presence.h"

#include <wx/taskbar.h>

namespace limber::tray {

std::unique_ptr<TrayPresence> make_tray_presence(std::string_view choice, StatusWindow& window,
                                                 const std::string& icon_cache_dir, std::string* why) {
  if (choice == "appindicator" || (choice == "auto" && status_notifier_watcher_present())) {
    *why = choice == "auto" ? "a StatusNotifierWatcher is on the session bus" : "asked for";
    return make_appindicator_presence(icon_cache_dir);
  }
  // wxTaskBarIcon::IsAvailable() looks for an XEmbed tray manager
  // (_NET_SYSTEM_TRAY_S<n>); without one a GtkStatusIcon is invisible.
  if (choice == "xembed" || (choice == "auto" && wxTaskBarIcon::IsAvailable())) {
    *why = choice == "auto" ? "no StatusNotifierWatcher, but an XEmbed tray" : "asked for";
    return make_taskbar_presence(window);
  }
  *why = choice == "auto" ? "neither a StatusNotifierWatcher nor an XEmbed tray" : "asked for";
  return make_window_presence(window);
}

}  // namespace limber::tray
