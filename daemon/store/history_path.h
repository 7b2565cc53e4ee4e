// Where the history database lives, and creating its directory.
//
// Called by limberd at start-up; pure except for reading the environment and
// the file system.
#pragma once

#include <string>

#include "limber/status.h"

namespace limber {

// $XDG_STATE_HOME/limber/history.sqlite3, with $HOME/.local/state standing in
// for an unset, empty or relative XDG_STATE_HOME (XDG Base Directory spec).
// Empty when neither XDG_STATE_HOME nor HOME gives an absolute path.
std::string default_history_path();

// Creates every missing directory of `dir` with mode 0700 (existing ones
// keep their mode: the user may have chosen another).
Status make_private_dirs(const std::string& dir);

}  // namespace limber
