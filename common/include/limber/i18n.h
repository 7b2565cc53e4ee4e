// Translations (gettext) for limberd, limberctl and the tray.
//
// All three programs share one text domain, "limber"; the catalogs live in
// <localedir>/<lang>/LC_MESSAGES/limber.mo. start_i18n() is called once at
// the start of main(), before any other thread exists and before GTK/wx
// start; afterwards tr()/trn() may be called from any thread.
//
// Machine output (JSON keys, CSV, protocol words) is never translated.
#pragma once

#include <libintl.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace limber {

inline constexpr const char* kTextDomain = "limber";

// Where the catalogs are: $LIMBER_LOCALEDIR, else the build tree's
// locale/ when it exists (a program run from the build tree), else the
// installed <prefix>/share/locale.
std::string limber_locale_dir();

// The locale set-up every Limber program does first:
// - setlocale(LC_ALL, ""), category by category when the whole fails (a
//   locale that is named but not generated, e.g. de_DE.UTF-8 on a fresh
//   machine, keeps the categories that do load);
// - when the character set is not UTF-8 (LANG=C, POSIX, an uninstalled
//   locale), LC_CTYPE becomes C.UTF-8, also in the environment, so that
//   GTK/wx, which set the locale again from it, and gettext's output agree
//   on UTF-8 ("…", "—" and every translation would vanish otherwise);
// - when the messages locale could not be loaded, its language is put in
//   $LANGUAGE (when unset) so the user still gets their translations;
// - binds the "limber" domain to limber_locale_dir() with UTF-8 output;
// - when a language is wanted and glibc loads no catalog for it although
//   one exists (glibc 2.39 and later ignore $LANGUAGE with C.UTF-8, the
//   fallback above), tr()/trn() read that catalog themselves.
// Returns the language for message catalogs ("de_DE", "pt_BR", "" for
// none/English), for toolkits that choose catalogs themselves (wx).
std::string start_i18n();

// The language gettext would use for messages, from LANGUAGE, LC_ALL,
// LC_MESSAGES and LANG as glibc reads them; "" for C/POSIX (English).
std::string ui_language();

// The translation of `msgid` (or `msgid` itself): through glibc's gettext,
// or, where glibc declines a language the user asked for (start_i18n()),
// from that language's catalog read by Limber itself (mo_catalog.h).
const char* tr(const char* msgid);
const char* trn(const char* singular, const char* plural, unsigned long n);

// A translated message with its named placeholders filled in, so that each
// language keeps its own word order:
//   fill_in(_("Breaks are paused until {time}."), {{"time", "14:00"}})
// One pass: a value is never searched for placeholders itself; a {name}
// not listed stays as it is written.
using Placeholder = std::pair<std::string_view, std::string_view>;
std::string fill_in(std::string_view message, std::initializer_list<Placeholder> values);

}  // namespace limber

// The usual gettext spellings, for code that has no toolkit macros of its
// own (the tray uses wx's _(); it defines LIMBER_NO_GETTEXT_MACROS).
// xgettext is run with --keyword=_ --keyword=N_ --keyword=P_:1,2.
#ifndef LIMBER_NO_GETTEXT_MACROS
#ifndef _
#define _(msgid) ::limber::tr(msgid)
#endif
#ifndef N_
#define N_(msgid) msgid
#endif
#ifndef P_
#define P_(singular, plural, n) ::limber::trn(singular, plural, static_cast<unsigned long>(n))
#endif
#endif
