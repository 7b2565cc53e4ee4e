// The tray's translations: wx looks its _() strings up in the "limber"
// catalog (the same .mo files as limberctl and limberd) and its stock
// labels in wx's own catalog, when one is installed (wx3.2-i18n).
#pragma once

#include <wx/string.h>

#include <string>

namespace limber::tray {

// Installs a wxTranslations for `language` ("de", "pt_BR"; "" = English)
// with catalogs from `locale_dir` and the system's locale directories.
// Call after wx is initialised, before the first window is made.
void load_tray_translations(const std::string& language, const std::string& locale_dir);

// An exercise, checklist or health text (config/*.toml) in the user's
// language: looked up by its English text in the "limber-content" domain
// (tools/extract_content_pot.py); the English text when there is none.
wxString content_text(const std::string& english);

}  // namespace limber::tray
