#include "break_cover_window.h"

#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace limber::tray {

BreakCoverWindow::BreakCoverWindow(const wxRect& area)
    : wxFrame(nullptr, wxID_ANY, _("Break — Limber"), area.GetPosition(), area.GetSize(),
              wxBORDER_NONE | wxSTAY_ON_TOP | wxFRAME_NO_TASKBAR) {
  auto* panel = new wxPanel(this);
  // The illustrations' figure colour: calm, and the same on any theme.
  panel->SetBackgroundColour(wxColour(0x2d, 0x5b, 0x88));
  auto* text = new wxStaticText(panel, wxID_ANY, _("Break in progress — the screen is back when it ends."));
  text->SetForegroundColour(*wxWHITE);
  text->SetFont(text->GetFont().Scaled(1.6f));
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->AddStretchSpacer();
  sizer->Add(text, 0, wxALIGN_CENTER_HORIZONTAL);
  sizer->AddStretchSpacer();
  panel->SetSizer(sizer);
  // Only BreakPrompts closes a cover, when the break ends.
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
    if (event.CanVeto()) {
      event.Veto();
    } else {
      Destroy();
    }
  });
}

}  // namespace limber::tray
