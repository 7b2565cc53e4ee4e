// TrayApp: the wx application that wires limber-tray together — the
// single-instance lock, the DaemonConnection, the tray presence and its
// menu, the status window and the break prompts — and keeps the shown
// state in step with limberd.
//
// Threading: everything on the UI thread (wx's GTK main loop).
#pragma once

#include <wx/app.h>
#include <wx/timer.h>

#include <memory>
#include <string>

#include "tray_status.h"

namespace limber::tray {

class BreakPrompts;
class DaemonConnection;
class SingleInstance;
class StatusWindow;
class TrayMenu;
class TrayPresence;

struct TrayOptions {
  bool debug = false;
  std::string presence = "auto";  // auto, appindicator, xembed, window
  std::string socket_path;        // empty: $XDG_RUNTIME_DIR/limber/limberd.sock
  std::string language;           // for the catalogs: "de", "pt_BR"; "" = English
  std::string locale_dir;         // where the catalogs are (limber_locale_dir())
};

// Set by main() before wxEntry.
void set_tray_options(TrayOptions options);
// The exit status TrayApp decided on (0 when a second instance only
// knocked on the first, 1 when it could not start), or -1 when it ran
// until quit and wx's own status stands.
int tray_exit_status();

class TrayApp final : public wxApp {
 public:
  TrayApp();
  ~TrayApp() override;

  bool OnInit() override;
  int OnExit() override;
 private:
  void on_link_event(const std::string& method, const rpc::Json& params);
  void refresh_status();
  void show_status(const TrayStatus& status);
  void quit();

  std::string runtime_dir_;
  std::unique_ptr<SingleInstance> instance_;
  std::unique_ptr<DaemonConnection> link_;
  std::unique_ptr<TrayMenu> menu_;
  StatusWindow* window_ = nullptr;  // owned by wx
  std::unique_ptr<TrayPresence> presence_;
  std::unique_ptr<BreakPrompts> prompts_;
  wxTimer refresh_timer_;
  TrayStatus status_;
};

}  // namespace limber::tray
