// The generated part of docs/configuration.md: the text between
// `<!-- keys:begin -->` and `<!-- keys:end -->`. Shared by the docs sync test
// and the limber_config_doc tool that regenerates it.
#pragma once

#include <string>

namespace limber {

// The generated section of `doc`; false when the markers are missing.
bool extract_keys_section(const std::string& doc, std::string* section);
// `doc` with its generated section replaced by `section`; false when the
// markers are missing.
bool replace_keys_section(const std::string& doc, const std::string& section, std::string* out);

}  // namespace limber
