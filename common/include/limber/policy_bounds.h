// The bounds a configuration (usually a managed policy) puts on the ways out
// of reminders: how long a pause may be, whether quiet mode may be turned on
// and how long it may last (keys pause.max, quiet.allowed, quiet.max).
//
// Pure functions of a Config; the daemon's pause and quiet handlers call
// them before acting and return the refusal as it is. Safe from any thread.
#pragma once

#include "limber/clock.h"
#include "limber/config.h"
#include "limber/status.h"

namespace limber {

// Ok when a pause of `requested` (> 0) is allowed; otherwise
// kPermissionDenied with a message for the user that gives the limit and,
// when a policy sets it, says "managed by your organisation" and which file.
// A pause "until HH:MM" or "until tomorrow" is checked with its length from
// now.
Status check_pause_allowed(const Config& config, Duration requested);

// Ok when quiet mode may be turned on; otherwise kPermissionDenied, as above.
Status check_quiet_allowed(const Config& config);

// How long quiet mode may last once on: quiet.max. The daemon ends it by
// itself after this long.
Duration quiet_limit(const Config& config);

}  // namespace limber
