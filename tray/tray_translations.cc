#include "tray_translations.h"

#include <wx/translation.h>

namespace limber::tray {

void load_tray_translations(const std::string& language, const std::string& locale_dir) {
  if (language.empty()) return;  // English: the msgids are the texts
  wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(locale_dir));
  auto* translations = new wxTranslations;  // owned by wx once set
  wxTranslations::Set(translations);
  translations->SetLanguage(wxString::FromUTF8(language));
  // The messages in the source are English (and UTF-8: "…", "—").
  translations->AddStdCatalog();
  translations->AddCatalog("limber", wxLANGUAGE_ENGLISH_US);
  translations->AddCatalog("limber-content", wxLANGUAGE_ENGLISH_US);
}

wxString content_text(const std::string& english) {
  return wxGetTranslation(wxString::FromUTF8(english), "limber-content");
}

}  // namespace limber::tray
