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

}  // namespace limber::ctl
