// TrayPresence: how the tray is visible on this desktop — a
// StatusNotifierItem (libayatana-appindicator3) when a StatusNotifierWatcher
// owns its name on the session bus (KDE, GNOME with the AppIndicator
// extension, Xfce, waybar), else an XEmbed icon (wxTaskBarIcon) when an
// XEmbed tray is there, else only the status window.
//
// Threading: the UI thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "tray_menu.h"
#include "tray_status.h"

namespace limber::tray {

class StatusWindow;

class TrayPresence {
 public:
  virtual ~TrayPresence() = default;
  // Shows `status` (icon, tooltip or label) and the menu `items`.
  virtual void show(const TrayStatus& status, const std::vector<TrayMenuItem>& items) = 0;
  // "appindicator", "xembed" or "window".
  virtual std::string_view kind() const = 0;
};

// Which presence to use: "auto" picks as described above; "appindicator",
// "xembed" and "window" force one (for testing a desktop's behaviour).
// `icon_cache_dir` is where appindicator's icon files may be written.
// Never null: the status window is always possible.
std::unique_ptr<TrayPresence> make_tray_presence(std::string_view choice, StatusWindow& window,
                                                 const std::string& icon_cache_dir, std::string* why);

std::unique_ptr<TrayPresence> make_appindicator_presence(const std::string& icon_cache_dir);
std::unique_ptr<TrayPresence> make_taskbar_presence(StatusWindow& window);
std::unique_ptr<TrayPresence> make_window_presence(StatusWindow& window);

// True when the session bus has an owner for org.kde.StatusNotifierWatcher.
bool status_notifier_watcher_present();

}  // namespace limber::tray
