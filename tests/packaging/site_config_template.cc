#include "site_config_template.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "limber/config_keys.h"

namespace limber {
namespace {

constexpr size_t kWidth = 78;

constexpr std::string_view kHeader =
    R"(# /etc/limber/limber.toml: Limber's site defaults for every user of this
# machine.
#
# Each key below is commented out at its built-in default; uncomment a line
# and change its value to set a different default here. Users can still
# change any key in ~/.config/limber/limber.toml. To lock a key so users
# cannot change it, set it in a file in /etc/limber/policy.d/ instead;
# /etc/limber/policy-examples/ has examples to copy there.
#
# Check a file after editing it with `limberctl config validate FILE`. Each
# user's limberd rereads it at its next start, or at once on
# `systemctl --user reload limberd`. Every key is described in
# /usr/share/doc/limber/configuration.md, managed policy in deploying.md.
#
# This file is generated from the key definitions in Limber's source
# (common/src/config_keys.cc); the test SiteConfig.* keeps it in sync.
)";

// Appends `text` as "# " comment lines no wider than kWidth.
void append_wrapped_comment(std::string_view text, std::string* out) {
  std::string line = "#";
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    if (line.size() > 1 && line.size() + 1 + word.size() > kWidth) {
      *out += line + "\n";
      line = "#";
    }
    line += " ";
    line += word;
    start = end + 1;
  }
  if (line.size() > 1) *out += line + "\n";
}

bool is_quoted_type(ConfigType type) {
  return type != ConfigType::kBool && type != ConfigType::kInt;
}

}  // namespace

std::string render_site_config() {
  // Tables in the order their first key appears; each table once, with all
  // its keys, since TOML forbids defining a table twice.
  std::vector<std::string_view> tables;
  for (const KeyDef& def : config_keys()) {
    const std::string_view table = def.name.substr(0, def.name.find('.'));
    if (std::find(tables.begin(), tables.end(), table) == tables.end()) tables.push_back(table);
  }
  std::string out(kHeader);
  for (const std::string_view table : tables) {
    out += "\n[" + std::string(table) + "]\n";
    bool first = true;
    for (const KeyDef& def : config_keys()) {
      const size_t dot = def.name.find('.');
      if (def.name.substr(0, dot) != table) continue;
      if (!first) out += "\n";
      first = false;
      append_wrapped_comment(def.description, &out);
      append_wrapped_comment("Allowed: " + describe_expected(def) + ".", &out);
      const std::string quote = is_quoted_type(def.type) ? "\"" : "";
      out += "#" + std::string(def.name.substr(dot + 1)) + " = " + quote +
             std::string(def.default_value) + quote + "\n";
    }
  }
  return out;
}

}  // namespace limber
