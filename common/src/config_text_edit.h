// The ways one setting can be written into the text of a TOML file without
// disturbing anything else in it.
//
// Private to limber_common; config_writer.cc is the caller. These are only
// candidates: each is plain text surgery, and the writer keeps the first
// one that parses back to exactly the intended settings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config_toml_reader.h"

namespace limber {

// What the edit must do: set `key` ("micro.interval") to `value_toml`, a TOML
// value as it is to appear in the file ("\"25m\"", "true", "3").
struct TomlEdit {
  std::string_view key;
  std::string_view value_toml;
};

// Candidate new texts for `text` (already parsed into `entries` and
// `inline_tables`), best first: the existing value replaced in place; or the
// key added inside its inline table, at the end of its [table], right after
// the [table] header, beside the file's top-level dotted keys of that table,
// or in a new [table] at the end. Empty, with *refusal saying why, when the
// key's place in the file holds something that is not a plain value (an
// array or a table).
std::vector<std::string> toml_edit_candidates(std::string_view text, const TomlEdit& edit,
                                              const std::vector<TomlEntry>& entries,
                                              const std::vector<TomlInlineTable>& inline_tables,
                                              std::string* refusal);

}  // namespace limber
