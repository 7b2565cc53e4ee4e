// Writing one setting into a user's limber.toml, as `limberctl config set`
// and the tray's settings window do (through limberd).
//
// The edit is format-preserving: comments, key order, dotted keys
// (`micro.interval = "25m"`), [tables], inline tables, arrays and keys Limber
// does not know all stay as they were. An existing value is replaced where it
// stands; a new key goes into the table that already holds its section, in
// whichever form the file uses for it. Before anything is written the new
// text is parsed back with the loader's own TOML reader and must hold
// exactly the old settings plus the one change; otherwise the file is left
// untouched and the call fails saying why. The new file replaces the old one
// atomically (written beside it, fsync'ed, renamed), keeping its mode; a
// symbolic link is followed, so the file it points to is the one replaced.
#pragma once

#include <string>
#include <string_view>

#include "limber/status.h"

namespace limber {

// Sets `key` to `value_text` (text form: "25m", "true", "3", "mon-fri
// 09:00-17:00") in the TOML file at `path`, creating the file and its
// directory if needed. Rejects unknown keys and invalid values with the same
// wording as the loader (kInvalidArgument), and a file that is not valid TOML
// or that cannot be edited safely (kFailedPrecondition); I/O errors are
// kIoError. On success *saved (may be null) receives the value as saved, in
// its normal text form ("1h30m" for "90m"), for the reply to state.
// REQUIRES: the caller has checked the key is not locked by policy.
Status set_config_value_in_file(const std::string& path, std::string_view key,
                                std::string_view value_text, std::string* saved = nullptr);

// The edit alone, without touching the disk: `text` is the file's content
// (`source` names it in messages). On success *edited holds the new content.
// set_config_value_in_file() is this plus reading and writing the file.
Status set_config_value_in_text(std::string_view text, const std::string& source,
                                std::string_view key, std::string_view value_text,
                                std::string* edited, std::string* saved = nullptr);

}  // namespace limber
