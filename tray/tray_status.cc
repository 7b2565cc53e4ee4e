#include "tray_status.h"

#include <wx/intl.h>

#include <optional>

namespace limber::tray {

std::string_view icon_name(TrayIconState state) {
  switch (state) {
    case TrayIconState::kActive: return "limber-active";
    case TrayIconState::kBreakDue: return "limber-break-due";
    case TrayIconState::kPaused: return "limber-paused";
    case TrayIconState::kQuiet: return "limber-quiet";
    case TrayIconState::kDisconnected: return "limber-disconnected";
  }
  return "limber-active";
}

TrayStatus disconnected_status() {
  TrayStatus s;
  s.summary = _("Not connected to limberd");
  return s;
}

wxString format_wait(int64_t seconds) {
  if (seconds < 60) return wxString::Format(_("%d s"), static_cast<int>(std::max<int64_t>(seconds, 0)));
  // Rounded up: "in 1 min" with 61 s left would promise a break too early.
  const int64_t minutes = (seconds + 59) / 60;
  if (minutes < 60) return wxString::Format(_("%d min"), static_cast<int>(minutes));
  const int h = static_cast<int>(minutes / 60);
  const int m = static_cast<int>(minutes % 60);
  if (m == 0) return wxString::Format(_("%d h"), h);
  return wxString::Format(_("%d h %d min"), h, m);
}

namespace {

wxString break_title(const std::string& kind) {
  if (kind == "micro") return _("Micro-break");
  if (kind == "rest") return _("Rest break");
  if (kind == "daily") return _("Daily limit");
  return _("Break");
}

// "14:30" out of "2026-11-21T14:30:00+01:00".
wxString clock_time(const std::string& iso) {
  return iso.size() >= 16 ? wxString::FromUTF8(iso.substr(11, 5)) : wxString::FromUTF8(iso);
}

wxString next_break_text(const rpc::Json& status) {
  std::optional<int64_t> soonest;
  std::string kind;
  for (const rpc::Json& b : status.value("breaks", rpc::Json::array())) {
    if (!b.is_object() || !b.value("enabled", false)) continue;
    const int64_t until = b.value("until_due_s", int64_t{0});
    if (!soonest || until < *soonest) {
      soonest = until;
      kind = b.value("kind", std::string());
    }
  }
  if (!soonest) return _("No breaks are scheduled");
  // TRANSLATORS: "Micro-break in 12 min"
  return wxString::Format(_("%s in %s"), break_title(kind), format_wait(*soonest));
}

}  // namespace

TrayStatus tray_status_from(const rpc::Json& status) {
  TrayStatus s;
  s.connected = true;
  s.icon = TrayIconState::kActive;
  if (!status.is_object()) {
    s.summary = _("Connected to limberd");
    return s;
  }
  const std::string mode = status.value("mode", std::string("working"));
  s.quiet = status.value("quiet", false);
  s.paused = mode == "paused";
  s.off_hours = mode == "off-hours";
  wxString held_by;
  for (const rpc::Json& h : status.value("held_by", rpc::Json::array())) {
    if (!h.is_string()) continue;
    if (!held_by.empty()) held_by += ", ";
    held_by += wxString::FromUTF8(h.get<std::string>());
  }
  const rpc::Json due = status.value("due", rpc::Json());
  s.break_due = due.is_object() && !due.value("held", false);

  if (s.paused) {
    s.icon = TrayIconState::kPaused;
    const rpc::Json until = status.value("paused_until", rpc::Json());
    s.summary = until.is_string() ? wxString::Format(_("Paused until %s"), clock_time(until.get<std::string>()))
                                  : _("Paused");
  } else if (s.break_due) {
    s.icon = TrayIconState::kBreakDue;
    s.summary = wxString::Format(_("%s due now"), break_title(due.value("kind", std::string())));
  } else if (s.off_hours) {
    s.icon = TrayIconState::kPaused;
    s.summary = _("Outside work hours");
  } else if (s.quiet) {
    s.icon = TrayIconState::kQuiet;
    // TRANSLATORS: "Quiet mode · Micro-break in 12 min"
    s.summary = wxString::Format(_("Quiet mode · %s"), next_break_text(status));
  } else if (!held_by.empty()) {
    // Do not disturb noticed by the daemon (a fullscreen window, a
    // presentation inhibitor, the desktop's DND): say why prompts wait.
    s.icon = TrayIconState::kQuiet;
    // TRANSLATORS: "Prompts held (fullscreen) · Micro-break in 12 min"
    s.summary = wxString::Format(_("Prompts held (%s) · %s"), held_by, next_break_text(status));
  } else {
    s.summary = next_break_text(status);
  }
  return s;
}

}  // namespace limber::tray
