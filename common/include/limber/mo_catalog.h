// MoCatalog: one compiled gettext catalog (a .mo file) read by Limber
// itself, for when glibc will not translate.
//
// glibc reads $LANGUAGE only when the messages locale is not C; from glibc
// 2.39 (Debian 13) C.UTF-8 counts as C as well. A user whose locale is not
// generated (de_DE.UTF-8 on a fresh machine) or who sets LANGUAGE with
// LANG=C.UTF-8 would get English there, so start_i18n() loads the wanted
// language's catalog with this class instead (see i18n.h).
//
// Reads the whole file once; lookups are binary searches over its msgids.
// Plural forms follow the catalog's own "Plural-Forms" rule (a C
// expression in n). Immutable after load(): safe to read from any thread.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace limber {

class MoCatalog {
 public:
  // Reads the .mo file at `path`. False, with a one-line reason in *err,
  // when it cannot be read or is not a well-formed catalog.
  bool load(const std::string& path, std::string* err);

  // The translation of `msgid`, or nullptr when the catalog has none.
  const char* find(std::string_view msgid) const;
  // The plural form for `n` of the entry whose msgid is `singular`, or
  // nullptr when the catalog has none.
  const char* find_plural(std::string_view singular, unsigned long n) const;

  // The catalog's plural rule ("n != 1" when it names none).
  const std::string& plural_rule() const { return plural_rule_; }

 private:
  struct Entry {
    std::string_view msgid;        // up to the first NUL
    std::string_view translation;  // the forms, NUL-separated
  };
  const Entry* entry(std::string_view msgid) const;

  std::string data_;
  std::vector<Entry> entries_;  // sorted by msgid
  std::string plural_rule_ = "n != 1";
};

// The value of a gettext plural expression (C syntax: ?:, ||, &&, ==, !=,
// <, >, <=, >=, +, -, *, /, %, !, parentheses, integers and n) for `n`;
// 0 for an expression it cannot read.
unsigned long evaluate_plural_rule(std::string_view rule, unsigned long n);

}  // namespace limber
