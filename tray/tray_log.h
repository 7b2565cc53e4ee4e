// The tray's log: one line per event on stderr ("limber-tray: …"), which
// the session's journal keeps. Debug lines only with --debug. Like the
// daemon, it never logs what the user typed, pointer positions or window
// titles of other applications.
//
// Threading: the UI thread.
#pragma once

#include <string_view>

namespace limber::tray {

void set_debug_logging(bool on);
bool debug_logging();
void log_line(std::string_view text);
void log_debug(std::string_view text);

}  // namespace limber::tray
