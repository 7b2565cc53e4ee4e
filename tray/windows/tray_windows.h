// The tray's secondary windows: desk checklist, statistics, settings, and
// about & privacy. Each is opened from the tray menu (or raised if already
// open) and talks to limberd only through the DaemonLink.
#pragma once

class wxWindow;

namespace limber::tray {

class DaemonLink;

enum class TrayWindow { kChecklist, kStatistics, kSettings, kAbout };

// Opens `which`, or raises it when it is already open. `parent` may be null.
void show_tray_window(TrayWindow which, wxWindow* parent, DaemonLink& link);

}  // namespace limber::tray
