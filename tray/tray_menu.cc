#include "tray_menu.h"

#include <wx/intl.h>
#include <wx/log.h>
#include <wx/menu.h>

#include "daemon_link.h"
#include "windows/tray_windows.h"

namespace limber::tray {

TrayMenu::TrayMenu(DaemonLink& link, std::function<void()> show_status_window, std::function<void()> quit,
                   TellUser tell_user)
    : link_(link),
      show_status_window_(std::move(show_status_window)),
      quit_(std::move(quit)),
      tell_user_(tell_user ? std::move(tell_user) : [](const wxString& text) { wxLogWarning("%s", text); }) {}

void TrayMenu::request(const char* method, const char* params_json) const {
  const std::string name = method;
  link_.call(name, rpc::Json::parse(params_json), [name, tell = tell_user_](const rpc::Json&, const rpc::Error* error) {
    if (error == nullptr) return;
    const wxString why = wxString::FromUTF8(error->message);
    // A pause or quiet mode beyond what the organisation's policy allows.
    tell(error->code == rpc::kManaged
             ? wxString::Format(_("Managed by your organisation: %s"), why)
             : wxString::Format(_("Limber could not do that (%s): %s"), wxString::FromUTF8(name), why));
  });
}

std::vector<TrayMenuItem> TrayMenu::items(const TrayStatus& status) const {
  using Kind = TrayMenuItem::Kind;
  const bool on = status.connected;
  std::vector<TrayMenuItem> out;
  auto action = [&](const wxString& label, bool enabled, std::function<void()> run) {
    out.push_back(TrayMenuItem{Kind::kAction, label, false, enabled, std::move(run)});
  };
  auto separator = [&] { out.push_back(TrayMenuItem{Kind::kSeparator, {}, false, true, {}}); };

  // The first line says what is going on; choosing it opens the window.
  action(status.summary, true, show_status_window_);
  separator();
  action(_("Take a break now"), on && !status.break_due && !status.paused,
         [this] { request("break.now", R"({})"); });
  if (status.paused) {
    action(_("Resume reminders"), on, [this] { request("resume", R"({})"); });
  } else {
    action(_("Pause for 30 minutes"), on, [this] { request("pause", R"({"for":"30m"})"); });
    action(_("Pause for 1 hour"), on, [this] { request("pause", R"({"for":"1h"})"); });
    action(_("Pause until tomorrow"), on, [this] { request("pause", R"({"until":"tomorrow"})"); });
  }
  const bool quiet = status.quiet;
  out.push_back(TrayMenuItem{Kind::kCheck, _("Quiet mode"), quiet, on, [this, quiet] {
                               request("quiet", quiet ? R"({"on":false})" : R"({"on":true})");
                             }});
  separator();
  auto window = [&](const wxString& label, TrayWindow which) {
    action(label, true, [this, which] { show_tray_window(which, nullptr, link_); });
  };
  window(_("Desk checklist…"), TrayWindow::kChecklist);
  window(_("Statistics…"), TrayWindow::kStatistics);
  window(_("Settings…"), TrayWindow::kSettings);
  window(_("About and privacy…"), TrayWindow::kAbout);
  separator();
  action(_("Quit the tray (reminders continue)"), true, quit_);
  return out;
}

wxMenu* TrayMenu::to_wx_menu(const std::vector<TrayMenuItem>& items) {
  auto* menu = new wxMenu;
  for (const TrayMenuItem& item : items) {
    if (item.kind == TrayMenuItem::Kind::kSeparator) {
      menu->AppendSeparator();
      continue;
    }
    wxMenuItem* entry = item.kind == TrayMenuItem::Kind::kCheck ? menu->AppendCheckItem(wxID_ANY, item.label)
                                                                 : menu->Append(wxID_ANY, item.label);
    if (item.kind == TrayMenuItem::Kind::kCheck) entry->Check(item.checked);
    entry->Enable(item.enabled);
    std::function<void()> run = item.run;
    menu->Bind(wxEVT_MENU, [run](wxCommandEvent&) {
      if (run) run();
    }, entry->GetId());
  }
  return menu;
}

}  // namespace limber::tray
