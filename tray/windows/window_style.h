// Shared look of the tray's secondary windows: headings, wrapped and muted
// text, the error colour, and the chart palette, all derived from the
// desktop theme (wxSystemSettings) so each window reads well in light and
// dark themes. Also the UTF-8 <-> wxString conversions the windows use for
// the daemon's JSON.
//
// UI thread only.
#pragma once

#include <wx/colour.h>
#include <wx/font.h>
#include <wx/string.h>

#include <string>

class wxSizer;
class wxStaticText;
class wxWindow;

namespace limber::tray {

inline wxString from_utf8(const std::string& text) { return wxString::FromUTF8(text.c_str()); }
inline std::string to_utf8(const wxString& text) { return std::string(text.utf8_str()); }

// True when the desktop uses a dark theme.
bool dark_theme();

// The window text colour mixed toward the background: for secondary text
// (descriptions, axis labels) that must stay readable in both themes.
wxColour muted_text_colour();
// A red that reads on the theme's window background.
wxColour error_text_colour();
// A green for good news (a complete checklist).
wxColour success_text_colour();
// Subtle lines (chart grid, separators).
wxColour grid_line_colour();

// Colours for chart series, tuned per theme (saturated on light
// backgrounds, lighter on dark ones).
struct ChartPalette {
  wxColour active;
  wxColour taken;
  wxColour natural;
  wxColour postponed;
  wxColour skipped;
  wxColour ignored;
};
ChartPalette chart_palette();

// `window`'s font scaled by `factor` (and bold when asked).
wxFont scaled_font(const wxWindow* window, double factor, bool bold);

// A heading: bold, `factor` times the normal size.
wxStaticText* make_heading(wxWindow* parent, const wxString& text, double factor = 1.35);
// Text wrapped at `width_dip` device-independent pixels.
wxStaticText* make_paragraph(wxWindow* parent, const wxString& text, int width_dip);
// Secondary text, wrapped, in the muted colour.
wxStaticText* make_note(wxWindow* parent, const wxString& text, int width_dip);
// Re-labels and re-wraps a text made by the two functions above.
void set_wrapped_label(wxStaticText* text, const wxString& label, int width_dip);

// "3 h 25 min", "45 min", "0 min".
wxString format_active_time(long seconds);
// "2026-11-21" → the locale's long date ("Saturday, 21 November 2026");
// the text itself if it is not such a date. Accepts a full ISO time too.
wxString format_day(const std::string& iso);

}  // namespace limber::tray
