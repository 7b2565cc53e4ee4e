// Writing a whole file atomically: readers see the old content or the new,
// never a part. The text goes to a temporary file in the same directory
// (".NAME.XXXXXX"), is fsync'ed, given its mode and renamed over NAME; then
// the directory is fsync'ed so the rename survives a crash.
//
// Used by limberd for its spool file and by limber-fleet-export for the
// node_exporter textfile. Threading: any; no shared state.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>

namespace limber::report {

// Replaces `path` with `content`, mode `mode`. On failure returns false
// with *err naming the step and the system's reason, and removes the
// temporary file.
bool write_file_atomically(const std::string& path, std::string_view content, mode_t mode,
                           std::string* err);

}  // namespace limber::report
