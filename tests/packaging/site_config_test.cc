// config/limber.toml, the default /etc/limber/limber.toml the package
// installs, must list every key at its built-in default and stay valid.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "limber/config.h"
#include "limber/config_keys.h"
#include "site_config_template.h"

namespace limber {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(SiteConfig, FileMatchesTheKeyDefinitions) {
  const std::string file = read_file(LIMBER_SITE_CONFIG);
  ASSERT_FALSE(file.empty()) << "cannot read " << LIMBER_SITE_CONFIG;
  EXPECT_EQ(file, render_site_config())
      << "config/limber.toml is out of date with config_keys() in common/src/config_keys.cc.\n"
      << "Regenerate it with:\n  " << LIMBER_SITE_CONFIG_TOOL << " --update "
      << LIMBER_SITE_CONFIG;
}

TEST(SiteConfig, NamesEveryKeyCommentedOut) {
  const std::string text = render_site_config();
  for (const KeyDef& def : config_keys()) {
    const std::string key(def.name.substr(def.name.find('.') + 1));
    const std::string table(def.name.substr(0, def.name.find('.')));
    const size_t table_at = text.find("\n[" + table + "]\n");
    ASSERT_NE(table_at, std::string::npos) << def.name;
    EXPECT_NE(text.find("\n#" + key + " = ", table_at), std::string::npos) << def.name;
  }
}

TEST(SiteConfig, ValidatesWithoutErrorsOrWarnings) {
  std::vector<ConfigDiagnostic> diags;
  EXPECT_TRUE(validate_config_file(LIMBER_SITE_CONFIG, &diags).ok());
  for (const ConfigDiagnostic& d : diags) ADD_FAILURE() << d.to_string();
}

// Uncommenting every key must give a valid file whose values are exactly the
// built-in defaults: the commented values are the real defaults, correctly
// typed and quoted.
TEST(SiteConfig, UncommentedKeysLoadAsTheBuiltInDefaults) {
  const std::regex commented_key(R"(^#([a-z_]+ = ))");
  std::istringstream in(render_site_config());
  std::string uncommented;
  int keys = 0;
  for (std::string line; std::getline(in, line);) {
    if (std::regex_search(line, commented_key)) {
      line.erase(0, 1);
      ++keys;
    }
    uncommented += line + "\n";
  }
  EXPECT_EQ(keys, static_cast<int>(config_keys().size()));

  char dir_template[] = "/tmp/limber-site-config-XXXXXX";
  ASSERT_NE(::mkdtemp(dir_template), nullptr);
  const std::string path = std::string(dir_template) + "/limber.toml";
  std::ofstream(path) << uncommented;

  ConfigPaths paths;
  paths.site_file = path;
  ConfigLoader loader(paths);
  std::vector<ConfigDiagnostic> diags;
  const Config loaded = loader.load(&diags);
  for (const ConfigDiagnostic& d : diags) ADD_FAILURE() << d.to_string();
  const Config defaults;
  for (const KeyDef& def : config_keys()) {
    const ConfigExplanation why = loaded.explain(def.name);
    EXPECT_EQ(why.layer, ConfigLayer::kSite) << def.name << " was not set by the site file";
    EXPECT_EQ(loaded.value_text(def.name), defaults.value_text(def.name)) << def.name;
  }
  std::remove(path.c_str());
  ::rmdir(dir_template);
}

}  // namespace
}  // namespace limber
