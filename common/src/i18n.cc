#include "limber/i18n.h"

#include <langinfo.h>
#include <sys/stat.h>

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "limber/mo_catalog.h"

namespace limber {
namespace {

bool is_dir(const char* path) {
  struct stat st {};
  return ::stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

// The catalog Limber reads itself when glibc declines (see start_i18n());
// set once before any other thread exists, read-only afterwards.
std::unique_ptr<MoCatalog> g_own_catalog;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

// "de_DE.UTF-8@euro" -> "de_DE"; "C", "POSIX", "C.UTF-8" -> "" (English).
std::string language_of(const std::string& locale_name) {
  std::string lang = locale_name.substr(0, locale_name.find_first_of(".@:"));
  if (lang == "C" || lang == "POSIX") return "";
  return lang;
}

// What the environment names for LC_MESSAGES, as setlocale reads it.
std::string messages_locale_name() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    if (std::string v = env(name); !v.empty()) return v;
  }
  return "C";
}

bool codeset_is_utf8() {
  const char* cs = nl_langinfo(CODESET);
  return cs != nullptr && (std::strcmp(cs, "UTF-8") == 0 || std::strcmp(cs, "utf8") == 0);
}

// setlocale(LC_ALL, "") fails as a whole when one category names a locale
// that is not generated; then load what loads, category by category.
void load_user_locale() {
  if (std::setlocale(LC_ALL, "") == nullptr) {
    for (int category : {LC_CTYPE, LC_TIME, LC_COLLATE, LC_MONETARY, LC_MESSAGES}) std::setlocale(category, "");
  }
  // Numbers stay C: command-line values, configuration and JSON, CSV and
  // logs are read and written the same way in every language.
  std::setlocale(LC_NUMERIC, "C");
}

// Make C.UTF-8 the character set in this process and in the environment
// that GTK/wx read when they set the locale again. LC_ALL would override
// LC_CTYPE, so its value moves to LANG (the same meaning for the others).
void force_utf8_ctype() {
  if (std::string all = env("LC_ALL"); !all.empty()) {
    ::setenv("LANG", all.c_str(), 1);
    ::unsetenv("LC_ALL");
  }
  ::setenv("LC_CTYPE", "C.UTF-8", 1);
  std::setlocale(LC_CTYPE, "C.UTF-8");
}

// The catalog for `language` ("de_DE" tries de_DE, then de), or nullptr.
std::unique_ptr<MoCatalog> load_own_catalog(const std::string& language);

}  // namespace

std::string limber_locale_dir() {
  if (std::string dir = env("LIMBER_LOCALEDIR"); !dir.empty()) return dir;
  if (is_dir(LIMBER_BUILD_LOCALEDIR)) return LIMBER_BUILD_LOCALEDIR;
  return LIMBER_INSTALLED_LOCALEDIR;
}

std::string ui_language() {
  const std::string name = messages_locale_name();
  // glibc ignores LANGUAGE when messages are in the C/POSIX locale. Newer
  // glibc (2.39+) ignores it with C.UTF-8 too; Limber does not (its own
  // catalog reader answers then, see start_i18n()).
  if (name == "C" || name == "POSIX") return "";
  if (std::string list = env("LANGUAGE"); !list.empty()) {
    return language_of(list.substr(0, list.find(':')));
  }
  return language_of(name);
}

std::string fill_in(std::string_view message, std::initializer_list<Placeholder> values) {
  std::string out;
  size_t at = 0;
  while (at < message.size()) {
    const size_t open = message.find('{', at);
    const size_t close = open == std::string_view::npos ? open : message.find('}', open);
    if (close == std::string_view::npos) break;
    out += message.substr(at, open - at);
    const std::string_view name = message.substr(open + 1, close - open - 1);
    const Placeholder* value = nullptr;
    for (const Placeholder& v : values) {
      if (v.first == name) value = &v;
    }
    out += value != nullptr ? value->second : message.substr(open, close - open + 1);
    at = close + 1;
  }
  if (at < message.size()) out += message.substr(at);
  return out;
}

std::string start_i18n() {
  load_user_locale();
  const char* messages_now = std::setlocale(LC_MESSAGES, nullptr);
  const bool messages_loaded = messages_now == nullptr || std::strcmp(messages_now, "C") != 0 ||
                               language_of(messages_locale_name()).empty();
  if (!codeset_is_utf8()) force_utf8_ctype();
  if (!messages_loaded) {
    // The named locale is not generated: keep its language for messages.
    ::setenv("LANGUAGE", language_of(messages_locale_name()).c_str(), 0);
    std::setlocale(LC_MESSAGES, "C.UTF-8");
  }
  ::bindtextdomain(kTextDomain, limber_locale_dir().c_str());
  ::bind_textdomain_codeset(kTextDomain, "UTF-8");
  const std::string language = ui_language();
  g_own_catalog.reset();
  // glibc answers the msgid "" with the catalog's header when it loaded one.
  if (!language.empty() && std::strcmp(::dgettext(kTextDomain, ""), "") == 0) {
    g_own_catalog = load_own_catalog(language);
  }
  return language;
}

const char* tr(const char* msgid) {
  if (g_own_catalog) {
    const char* t = g_own_catalog->find(msgid);
    return t != nullptr ? t : msgid;
  }
  return ::dgettext(kTextDomain, msgid);
}

const char* trn(const char* singular, const char* plural, unsigned long n) {
  if (g_own_catalog) {
    const char* t = g_own_catalog->find_plural(singular, n);
    return t != nullptr ? t : (n == 1 ? singular : plural);
  }
  return ::dngettext(kTextDomain, singular, plural, n);
}

}  // namespace limber

namespace limber {
namespace {

std::unique_ptr<MoCatalog> load_own_catalog(const std::string& language) {
  std::vector<std::string> candidates = {language};
  if (const size_t underscore = language.find('_'); underscore != std::string::npos) {
    candidates.push_back(language.substr(0, underscore));
  }
  for (const std::string& lang : candidates) {
    auto catalog = std::make_unique<MoCatalog>();
    std::string err;
    if (catalog->load(limber_locale_dir() + "/" + lang + "/LC_MESSAGES/" + kTextDomain + ".mo", &err)) return catalog;
  }
  return nullptr;
}

}  // namespace
}  // namespace limber
