#include "window_style.h"

#include <wx/datetime.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/window.h>

namespace limber::tray {

namespace {

wxColour mix(const wxColour& a, const wxColour& b, double share_of_b) {
  auto channel = [share_of_b](unsigned char x, unsigned char y) {
    return static_cast<unsigned char>(x + (y - x) * share_of_b + 0.5);
  };
  return wxColour(channel(a.Red(), b.Red()), channel(a.Green(), b.Green()), channel(a.Blue(), b.Blue()));
}

wxColour window_text() { return wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT); }
wxColour window_background() { return wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW); }

}  // namespace

bool dark_theme() { return wxSystemSettings::GetAppearance().IsDark(); }

wxColour muted_text_colour() { return mix(window_text(), window_background(), 0.38); }

wxColour error_text_colour() { return dark_theme() ? wxColour(0xff, 0x7b, 0x72) : wxColour(0xc0, 0x1c, 0x28); }

wxColour success_text_colour() { return dark_theme() ? wxColour(0x8f, 0xf0, 0xa4) : wxColour(0x1a, 0x7f, 0x37); }

wxColour grid_line_colour() { return mix(window_background(), window_text(), 0.14); }

ChartPalette chart_palette() {
  if (dark_theme()) {
    return ChartPalette{wxColour(0x78, 0xae, 0xed), wxColour(0x57, 0xe3, 0x89), wxColour(0x5b, 0xc8, 0xaf),
                        wxColour(0xf8, 0xe4, 0x5c), wxColour(0xff, 0x7b, 0x63), wxColour(0x9a, 0x99, 0x96)};
  }
  return ChartPalette{wxColour(0x35, 0x84, 0xe4), wxColour(0x2e, 0xc2, 0x7e), wxColour(0x21, 0x90, 0x8f),
                      wxColour(0xe5, 0xa5, 0x0a), wxColour(0xe0, 0x1b, 0x24), wxColour(0x9a, 0x99, 0x96)};
}

wxFont scaled_font(const wxWindow* window, double factor, bool bold) {
  wxFont font = window->GetFont();
  font.SetFractionalPointSize(font.GetFractionalPointSize() * factor);
  if (bold) font.SetWeight(wxFONTWEIGHT_BOLD);
  return font;
}

wxStaticText* make_heading(wxWindow* parent, const wxString& text, double factor) {
  auto* heading = new wxStaticText(parent, wxID_ANY, text);
  heading->SetFont(scaled_font(parent, factor, true));
  return heading;
}

wxStaticText* make_paragraph(wxWindow* parent, const wxString& text, int width_dip) {
  auto* label = new wxStaticText(parent, wxID_ANY, wxString());
  set_wrapped_label(label, text, width_dip);
  return label;
}

wxStaticText* make_note(wxWindow* parent, const wxString& text, int width_dip) {
  wxStaticText* label = make_paragraph(parent, text, width_dip);
  label->SetForegroundColour(muted_text_colour());
  return label;
}

void set_wrapped_label(wxStaticText* text, const wxString& label, int width_dip) {
  text->SetLabel(label);
  text->Wrap(text->FromDIP(width_dip));
}

wxString format_active_time(long seconds) {
  const long minutes = (seconds + 30) / 60;
  if (minutes < 60) return wxString::Format(_("%ld min"), minutes);
  return wxString::Format(_("%ld h %02ld min"), minutes / 60, minutes % 60);
}

wxString format_day(const std::string& iso) {
  wxDateTime day;
  if (!day.ParseISODate(from_utf8(iso.substr(0, 10)))) return from_utf8(iso);
  return day.Format("%A, ") + wxString::Format("%d", day.GetDay()) + day.Format(" %B %Y");
}

}  // namespace limber::tray
