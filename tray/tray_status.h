// TrayStatus: what the tray shows, derived from limberd's status (the
// `status` reply and every state.changed notification): which icon, the
// one-line summary ("Micro-break in 12 min") and which menu items apply.
//
// Pure: no windows, no I/O. Threading: any.
#pragma once

#include <wx/string.h>

#include <cstdint>
#include <string_view>

#include "limber/jsonrpc.h"

namespace limber::tray {

enum class TrayIconState { kActive, kBreakDue, kPaused, kQuiet, kDisconnected };

// The icon theme name for a state: "limber-active", "limber-break-due", …
std::string_view icon_name(TrayIconState state);

struct TrayStatus {
  bool connected = false;
  TrayIconState icon = TrayIconState::kDisconnected;
  bool paused = false;
  bool quiet = false;
  bool off_hours = false;
  bool break_due = false;
  wxString summary;  // one line for the tooltip, label and status window
};

TrayStatus disconnected_status();
// `status`: the JSON of limberd's `status` method. A malformed document
// gives a connected status with a neutral summary rather than an exception.
TrayStatus tray_status_from(const rpc::Json& status);

// "45 s", "12 min", "1 h 5 min": how long until something, for people.
wxString format_wait(int64_t seconds);

}  // namespace limber::tray
