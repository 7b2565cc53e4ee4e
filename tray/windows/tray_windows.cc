#include "tray_windows.h"

#include <wx/frame.h>
#include <wx/weakref.h>

#include <map>

#include "about_window.h"
#include "checklist_wizard.h"
#include "settings_window.h"
#include "statistics_window.h"

namespace limber::tray {

namespace {

wxFrame* make_window(TrayWindow which, wxWindow* parent, DaemonLink& link) {
  switch (which) {
    case TrayWindow::kChecklist: return new ChecklistWizard(parent, link);
    case TrayWindow::kStatistics: return new StatisticsWindow(parent, link);
    case TrayWindow::kSettings: return new SettingsWindow(parent, link);
    case TrayWindow::kAbout: return new AboutWindow(parent, link);
  }
  return nullptr;
}

}  // namespace

void show_tray_window(TrayWindow which, wxWindow* parent, DaemonLink& link) {
  // One window of each kind: a weak reference forgets a window once it is
  // destroyed (closed by the user).
  static std::map<TrayWindow, wxWeakRef<wxFrame>> open;
  wxWeakRef<wxFrame>& window = open[which];
  if (!window) {
    window = make_window(which, parent, link);
    if (!window) return;
    window->CentreOnScreen();
  }
  if (window->IsIconized()) window->Iconize(false);
  window->Show();
  window->Raise();
}

}  // namespace limber::tray
