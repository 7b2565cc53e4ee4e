// start_i18n(): the locale set-up of every Limber program, and a reminder
// text through the real compiled catalogs (LIMBER_LOCALEDIR is the build
// tree's locale/). ctest runs each test in a process of its own, so each
// starts from the environment it sets.
#include "limber/i18n.h"

#include <gtest/gtest.h>
#include <langinfo.h>

#include <chrono>
#include <clocale>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "limber/mo_catalog.h"
#include "notify/reminder_text.h"

namespace limber {
namespace {

using namespace std::chrono_literals;

void use_environment(const char* lang, const char* language, const char* lc_all = nullptr) {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LANGUAGE", "LANG"}) ::unsetenv(name);
  if (lang != nullptr) ::setenv("LANG", lang, 1);
  if (language != nullptr) ::setenv("LANGUAGE", language, 1);
  if (lc_all != nullptr) ::setenv("LC_ALL", lc_all, 1);
}

std::string codeset() { return nl_langinfo(CODESET); }

TEST(I18n, LanguageVariableTranslatesTheReminderToGerman) {
  use_environment("C.UTF-8", "de");
  EXPECT_EQ(start_i18n(), "de");
  const ReminderText text = reminder_text(BreakKind::kMicro, 30s, nullptr);
  EXPECT_EQ(text.summary, "Zeit für eine Mikropause");
  EXPECT_NE(text.body.find("30 Sekunden"), std::string::npos) << text.body;
  EXPECT_EQ(reminder_text(BreakKind::kRest, 90s, nullptr).body.find("1 Minute 30 Sekunden") != std::string::npos, true)
      << reminder_text(BreakKind::kRest, 90s, nullptr).body;
}

TEST(I18n, WithoutALanguageTheTextStaysEnglish) {
  use_environment("C.UTF-8", nullptr);
  EXPECT_EQ(start_i18n(), "");
  EXPECT_EQ(reminder_text(BreakKind::kRest, 300s, nullptr).body,
            "Stand up and step away from the screen for 5 minutes.");
  EXPECT_EQ(reminder_text(BreakKind::kMicro, 61s, nullptr).body,
            "Look away from the screen and loosen up for 1 minute 1 second.");
}

TEST(I18n, CLocaleGetsAUtf8CharacterSet) {
  use_environment("C", nullptr);
  start_i18n();
  EXPECT_EQ(codeset(), "UTF-8");
  ASSERT_NE(std::getenv("LC_CTYPE"), nullptr);
  EXPECT_STREQ(std::getenv("LC_CTYPE"), "C.UTF-8");
  // GTK sets the locale again from the environment: still UTF-8.
  ASSERT_NE(std::setlocale(LC_ALL, ""), nullptr);
  EXPECT_EQ(codeset(), "UTF-8");
}

TEST(I18n, LcAllPosixNoLongerOverridesTheCharacterSet) {
  use_environment(nullptr, nullptr, "POSIX");
  start_i18n();
  EXPECT_EQ(std::getenv("LC_ALL"), nullptr);
  ASSERT_NE(std::getenv("LANG"), nullptr);
  EXPECT_STREQ(std::getenv("LANG"), "POSIX");
  ASSERT_NE(std::setlocale(LC_ALL, ""), nullptr);
  EXPECT_EQ(codeset(), "UTF-8");
  EXPECT_EQ(reminder_text(BreakKind::kMicro, 20s, nullptr).summary, "Time for a micro-break");
}

TEST(I18n, LocaleThatIsNotGeneratedStillGetsItsTranslations) {
  if (std::setlocale(LC_ALL, "de_DE.UTF-8") != nullptr) GTEST_SKIP() << "de_DE.UTF-8 is generated here";
  std::setlocale(LC_ALL, "C");
  use_environment("de_DE.UTF-8", nullptr);
  EXPECT_EQ(start_i18n(), "de_DE");
  EXPECT_EQ(codeset(), "UTF-8");
  EXPECT_EQ(reminder_text(BreakKind::kDaily, 600s, nullptr).summary, "Genug Bildschirmzeit für heute");
}

}  // namespace
}  // namespace limber

// Placeholders are found by name, so a translation may reorder them; a
// value that looks like a placeholder is not filled in again.
TEST(I18n, FillInReplacesNamedPlaceholdersInTheTranslationsOrder) {
  EXPECT_EQ(limber::fill_in("{b} nach {a}", {{"a", "x"}, {"b", "y"}}), "y nach x");
  EXPECT_EQ(limber::fill_in("{a} and {a}", {{"a", "{a}"}}), "{a} and {a}");
  EXPECT_EQ(limber::fill_in("{\"text\", {unknown}} {", {{"a", "x"}}), "{\"text\", {unknown}} {");
}

// The catalog reader start_i18n() falls back on where glibc declines a
// language (glibc 2.39+ with LANG=C.UTF-8, Debian 13): the real compiled
// catalogs of the build tree, read by Limber itself.
namespace limber {
namespace {

std::string catalog_path(const char* lang) {
  return std::string(std::getenv("LIMBER_LOCALEDIR")) + "/" + lang + "/LC_MESSAGES/limber.mo";
}

TEST(MoCatalog, FindsATranslationAndNothingForAnUnknownMessage) {
  MoCatalog de;
  std::string err;
  ASSERT_TRUE(de.load(catalog_path("de"), &err)) << err;
  ASSERT_NE(de.find("Time for a micro-break"), nullptr);
  EXPECT_STREQ(de.find("Time for a micro-break"), "Zeit für eine Mikropause");
  EXPECT_EQ(de.find("A message no catalog has"), nullptr);
  EXPECT_EQ(de.plural_rule(), "(n != 1)");
}

TEST(MoCatalog, PolishPluralsFollowTheCatalogsThreeFormRule) {
  MoCatalog pl;
  std::string err;
  ASSERT_TRUE(pl.load(catalog_path("pl"), &err)) << err;
  const char* singular = "{count} file problem, see `limberctl doctor`";
  auto form = [&](unsigned long n) { return std::string(pl.find_plural(singular, n)); };
  EXPECT_EQ(form(1), "{count} problem w plikach, zob. `limberctl doctor`");
  EXPECT_EQ(form(2), "{count} problemy w plikach, zob. `limberctl doctor`");
  EXPECT_EQ(form(22), "{count} problemy w plikach, zob. `limberctl doctor`");
  EXPECT_EQ(form(5), "{count} problemów w plikach, zob. `limberctl doctor`");
  EXPECT_EQ(form(12), "{count} problemów w plikach, zob. `limberctl doctor`");
  EXPECT_EQ(pl.find_plural("no such message", 2), nullptr);
}

TEST(MoCatalog, PluralRulesEvaluateAsInC) {
  const char* polish = "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2)";
  for (const auto& [n, want] : std::vector<std::pair<unsigned long, unsigned long>>{
           {0, 2}, {1, 0}, {2, 1}, {4, 1}, {5, 2}, {11, 2}, {12, 2}, {14, 2}, {21, 2}, {22, 1}, {112, 2}, {124, 1}}) {
    EXPECT_EQ(evaluate_plural_rule(polish, n), want) << "n = " << n;
  }
  EXPECT_EQ(evaluate_plural_rule("(n > 1)", 1), 0u);
  EXPECT_EQ(evaluate_plural_rule("(n > 1)", 2), 1u);
  EXPECT_EQ(evaluate_plural_rule("0", 7), 0u);
  EXPECT_EQ(evaluate_plural_rule("!(n != 1) + 2 * 3 - 6 / 2", 1), 4u);
  EXPECT_EQ(evaluate_plural_rule("n % 0", 5), 0u) << "a division by zero gives 0, no crash";
  EXPECT_EQ(evaluate_plural_rule("(n == 1", 1), 0u) << "an unfinished rule reads as form 0";
  EXPECT_EQ(evaluate_plural_rule("n ==", 1), 0u);
}

TEST(MoCatalog, ANonCatalogFileIsRefusedWithItsName) {
  MoCatalog c;
  std::string err;
  EXPECT_FALSE(c.load("/nonexistent/limber.mo", &err));
  EXPECT_NE(err.find("/nonexistent/limber.mo"), std::string::npos) << err;
  const std::string not_mo = std::string(std::getenv("LIMBER_LOCALEDIR")) + "/../CMakeCache.txt";
  EXPECT_FALSE(c.load(not_mo, &err));
  EXPECT_NE(err.find("not a .mo catalog"), std::string::npos) << err;
  EXPECT_EQ(c.find("Time for a micro-break"), nullptr);
}

}  // namespace
}  // namespace limber
