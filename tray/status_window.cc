#include "status_window.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include "tray_icon_art.h"

namespace limber::tray {

namespace {

// The menu's action whose label is `label`, if it is there and enabled.
const TrayMenuItem* find_item(const std::vector<TrayMenuItem>& items, const wxString& label) {
  for (const TrayMenuItem& item : items) {
    if (item.label == label && item.enabled) return &item;
  }
  return nullptr;
}

}  // namespace

StatusWindow::StatusWindow(std::function<std::vector<TrayMenuItem>()> menu_items)
    // Resizable for GTK, held at its content's size by fit_to_content(): a
    // non-resizable GTK window with client-side decorations (GNOME) maps at
    // its toolkit-side natural size, which wx leaves empty — a title bar.
    : wxFrame(nullptr, wxID_ANY, _("Limber"), wxDefaultPosition, wxDefaultSize,
              wxDEFAULT_FRAME_STYLE & ~wxMAXIMIZE_BOX),
      menu_items_(std::move(menu_items)) {
  auto* panel = new wxPanel(this);
  auto* outer = new wxBoxSizer(wxVERTICAL);
  auto* top = new wxBoxSizer(wxHORIZONTAL);
  icon_ = new wxStaticBitmap(panel, wxID_ANY, status_icon(TrayIconState::kDisconnected, 48));
  top->Add(icon_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
  auto* text = new wxBoxSizer(wxVERTICAL);
  summary_ = new wxStaticText(panel, wxID_ANY, wxString());
  summary_->SetFont(summary_->GetFont().Scaled(1.3f).Bold());
  detail_ = new wxStaticText(panel, wxID_ANY, _("Limber reminds you to take breaks and move."));
  text->Add(summary_, 0, wxBOTTOM, FromDIP(4));
  text->Add(detail_);
  top->Add(text, 1, wxALIGN_CENTER_VERTICAL);
  outer->Add(top, 0, wxEXPAND | wxALL, FromDIP(16));

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  primary_ = new wxButton(panel, wxID_ANY, _("&Take a break now"));
  secondary_ = new wxButton(panel, wxID_ANY, _("&Pause for 30 minutes"));
  auto* more = new wxButton(panel, wxID_ANY, _("&More…"));
  buttons->Add(primary_, 0, wxRIGHT, FromDIP(8));
  buttons->Add(secondary_, 0, wxRIGHT, FromDIP(8));
  buttons->AddStretchSpacer();
  buttons->Add(more);
  outer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16));
  panel->SetSizer(outer);
  auto* frame_sizer = new wxBoxSizer(wxVERTICAL);
  frame_sizer->Add(panel, 1, wxEXPAND);
  SetSizer(frame_sizer);
  fit_to_content();
  // The decorations' size is known only once the window is mapped (GTK
  // draws them itself on GNOME): size it again then.
  Bind(wxEVT_SHOW, [this](wxShowEvent& event) {
    event.Skip();
    if (event.IsShown()) CallAfter([this] { fit_to_content(); });
  });

  primary_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (primary_run_) primary_run_();
  });
  secondary_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (secondary_run_) secondary_run_();
  });
  more->Bind(wxEVT_BUTTON, &StatusWindow::on_more, this);
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
    // Only hide: the tray lives on (Quit is in the menu).
    if (event.CanVeto()) {
      event.Veto();
      Hide();
    } else {
      event.Skip();
    }
  });
}

void StatusWindow::show_status(const TrayStatus& status, const std::vector<TrayMenuItem>& items) {
  SetTitle(wxString::Format(_("Limber — %s"), status.summary));
  summary_->SetLabel(status.summary);
  detail_->SetLabel(!status.connected ? _("Waiting for limberd, the Limber daemon, to start…")
                    : status.break_due ? _("Time to stand up and move for a moment.")
                                       : _("Limber reminds you to take breaks and move."));
  if (!icon_set_ || shown_icon_ != status.icon) {
    icon_->SetBitmap(status_icon(status.icon, 48));
    shown_icon_ = status.icon;
    icon_set_ = true;
  }
  const TrayMenuItem* resume = find_item(items, _("Resume reminders"));
  const TrayMenuItem* now = find_item(items, _("Take a break now"));
  const TrayMenuItem* pause = find_item(items, _("Pause for 30 minutes"));
  primary_->SetLabel(resume != nullptr ? _("&Resume reminders") : _("&Take a break now"));
  primary_run_ = resume != nullptr ? resume->run : now != nullptr ? now->run : std::function<void()>();
  primary_->Enable(static_cast<bool>(primary_run_));
  secondary_run_ = pause != nullptr ? pause->run : std::function<void()>();
  secondary_->Enable(static_cast<bool>(secondary_run_));
  fit_to_content();
}

void StatusWindow::fit_to_content() {
  // The sizer's size for the current texts, at least 440 DIP wide; min and
  // max alike, so the window manager neither shrinks nor stretches it.
  wxSize size = GetSizer()->ComputeFittingClientSize(this);
  size.IncTo(FromDIP(wxSize(440, 0)));
  // Status updates come often; ask the window manager only for a change.
  if (size == fitted_ && GetClientSize() == size) {
    Layout();
    return;
  }
  fitted_ = size;
  SetMinClientSize(wxDefaultSize);
  SetMaxClientSize(wxDefaultSize);
  SetClientSize(size);
  SetMinClientSize(size);
  SetMaxClientSize(size);
  Layout();
}

void StatusWindow::bring_forward() {
  if (IsIconized()) Iconize(false);
  Show();
  Raise();
}

void StatusWindow::on_more(wxCommandEvent&) {
  std::unique_ptr<wxMenu> menu(TrayMenu::to_wx_menu(menu_items_()));
  PopupMenu(menu.get());
}

}  // namespace limber::tray
