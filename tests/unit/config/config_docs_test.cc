// docs/configuration.md carries a reference table of every key; it must be
// exactly what render_config_reference() produces from config_keys().
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "config_doc_section.h"
#include "limber/config_keys.h"

namespace limber {
namespace {

TEST(ConfigDocs, ReferenceTableMatchesTheKeyDefinitions) {
  std::ifstream in(LIMBER_CONFIG_DOC);
  ASSERT_TRUE(in) << "cannot read " << LIMBER_CONFIG_DOC;
  std::stringstream doc;
  doc << in.rdbuf();
  std::string section;
  ASSERT_TRUE(extract_keys_section(doc.str(), &section))
      << LIMBER_CONFIG_DOC << " lacks the <!-- keys:begin --> / <!-- keys:end --> markers";
  EXPECT_EQ(section, render_config_reference())
      << "docs/configuration.md is out of date with config_keys() in common/src/config_keys.cc.\n"
      << "Regenerate the table with:\n  " << LIMBER_CONFIG_DOC_TOOL << " --update "
      << LIMBER_CONFIG_DOC;
}

TEST(ConfigDocs, ReferenceTableHasARowForEveryKey) {
  const std::string table = render_config_reference();
  for (const KeyDef& def : config_keys()) {
    EXPECT_NE(table.find("| `" + std::string(def.name) + "` |"), std::string::npos) << def.name;
  }
}

}  // namespace
}  // namespace limber
