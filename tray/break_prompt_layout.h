// What the break prompt window's files share (break_prompt_window.cc and
// break_prompt_layout.cc): its sizes, its heading and the illustration tile.
#pragma once

#include <wx/bmpbndl.h>
#include <wx/string.h>

#include <string>

namespace limber::tray {

inline constexpr int kIllustrationSize = 160;  // the catalog's illustrations are drawn for this
inline constexpr int kTextWidth = 330;         // wrap width of the steps, in DIPs

wxString break_heading(const std::string& kind);
// The catalog's illustration tile, empty, for an exercise without one.
wxBitmapBundle illustration_for(const std::string& path);

}  // namespace limber::tray
