// How limberctl shows the daemon's status (the result of `status`, see
// docs/protocol.md): as aligned text for a person, and as the JSON object a
// waybar / i3status-rust custom module reads. Pure functions.
#pragma once

#include <string>

#include "limber/jsonrpc.h"

namespace limber::ctl {

// Several lines: mode, active time today, source, tray, the due break, then
// a table of the break kinds.
std::string status_text(const rpc::Json& status);

// {"text": "micro 12m", "tooltip": "…", "class": "working|quiet|paused|
// off-hours|due", "percentage": 0…100}: the way toward the next break, or
// through the running one.
rpc::Json waybar_json(const rpc::Json& status);

// "micro-break", "rest-break", "daily limit" in the user's language.
std::string break_name(const std::string& kind);
// The kind of break ("micro", "rest", "daily") as a short word in the
// user's language, as the first column of the status table shows it.
std::string kind_word(const std::string& kind);
// The protocol's mode ("working", "quiet", ...) in the user's language.
std::string mode_name(const std::string& mode);

}  // namespace limber::ctl
