// StatusWindow: a small window with the state, the time to the next break
// and the common actions. It is the tray's whole face where no tray area
// exists (GNOME without the AppIndicator extension, bare X), and opens
// from the desktop launcher (a second limber-tray) or the tray icon.
// Closing it only hides it: the tray keeps running and keeps prompting.
//
// Its title carries the summary ("Limber — Micro-break in 12 min"), which
// is also what window lists and the tests read.
//
// Threading: the UI thread.
#pragma once

#include <wx/frame.h>

#include <functional>
#include <vector>

#include "tray_menu.h"
#include "tray_status.h"

class wxStaticBitmap;
class wxStaticText;
class wxButton;

namespace limber::tray {

class StatusWindow final : public wxFrame {
 public:
  // `menu_items` gives the current menu for the "More" button.
  explicit StatusWindow(std::function<std::vector<TrayMenuItem>()> menu_items);

  void show_status(const TrayStatus& status, const std::vector<TrayMenuItem>& items);
  // Shows, un-minimises and raises the window.
  void bring_forward();

 private:
  void on_more(wxCommandEvent&);
  // Sizes the window to its content (again after it is mapped).
  void fit_to_content();

  std::function<std::vector<TrayMenuItem>()> menu_items_;
  wxSize fitted_;  // the client size fit_to_content() last set
  wxStaticBitmap* icon_ = nullptr;
  wxStaticText* summary_ = nullptr;
  wxStaticText* detail_ = nullptr;
  wxButton* primary_ = nullptr;    // take a break now / resume
  wxButton* secondary_ = nullptr;  // pause 30 min
  std::function<void()> primary_run_;
  std::function<void()> secondary_run_;
  TrayIconState shown_icon_ = TrayIconState::kActive;
  bool icon_set_ = false;
};

}  // namespace limber::tray
