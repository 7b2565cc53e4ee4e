// Tray icon art: the status icons (limber-active, limber-break-due, …) as
// drawn by packaging/icons when installed or in the source tree, and a
// simple drawn stand-in when they are not, so the tray never shows an empty
// square.
//
// Threading: the UI thread (wx bitmaps).
#pragma once

#include <wx/bmpbndl.h>
#include <wx/image.h>

#include <string>
#include <string_view>

#include "tray_status.h"

namespace limber::tray {

// The path of `<name>.svg` in the icon directories (the installed hicolor
// theme, $XDG_DATA_DIRS, the source tree's packaging/icons), or "" when
// none has it.
std::string find_status_icon_svg(std::string_view name);

// The icon for `state` at `size` device-independent pixels.
wxBitmapBundle status_icon(TrayIconState state, int size);

// A filled disc in the state's colour with its mark (bars for paused, a
// ring for disconnected), `px` pixels square with alpha.
wxImage drawn_status_icon(TrayIconState state, int px);

// A directory with one icon file per state (the SVG when found, else the
// drawn PNG), written under `cache_dir`, for libayatana-appindicator's
// icon theme path. "" when it cannot be written.
std::string prepare_icon_theme_dir(const std::string& cache_dir);

}  // namespace limber::tray
