// Writing one setting into a user's limber.toml, as `limberctl config set`
// and the tray's settings window do (through limberd).
//
// The file is edited line by line, so the user's comments, order and other
// settings stay as they were: an existing `key = …` line in the key's table
// (or a top-level dotted `section.key = …` line) is replaced, otherwise the
// line is added to the table, which is created at the end when missing. The
// new file replaces the old one atomically (written beside it, then
// renamed).
#pragma once

#include <string>
#include <string_view>

#include "limber/status.h"

namespace limber {

// Sets `key` to `value_text` (text form: "25m", "true", "3", "mon-fri
// 09:00-17:00") in the TOML file at `path`, creating the file and its
// directory if needed. Rejects unknown keys and invalid values with the same
// wording as the loader. REQUIRES: the caller has checked the key is not
// locked by policy.
Status set_config_value_in_file(const std::string& path, std::string_view key,
                                std::string_view value_text);

}  // namespace limber
