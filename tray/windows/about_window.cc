#include "about_window.h"

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>

#include "window_style.h"

namespace limber::tray {

using rpc::Json;

namespace {

constexpr int kWidth = 560;  // DIP

std::string text_of(const Json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

wxString bullets(std::initializer_list<wxString> lines) {
  wxString text;
  for (const wxString& line : lines) text += (text.empty() ? "" : "\n") + wxString(L"•  ") + line;
  return text;
}

wxStaticText* add_section(wxWindow* parent, wxSizer* sizer, const wxString& title, const wxString& body,
                          const char* name) {
  auto* heading = new wxStaticText(parent, wxID_ANY, title);
  heading->SetFont(scaled_font(parent, 1.05, true));
  sizer->Add(heading, 0, wxBOTTOM, parent->FromDIP(4));
  wxStaticText* text = make_paragraph(parent, body, kWidth);
  text->SetName(name);
  sizer->Add(text, 0, wxBOTTOM | wxLEFT, parent->FromDIP(14));
  return text;
}

}  // namespace

AboutWindow::AboutWindow(wxWindow* parent, DaemonLink& link)
    : wxFrame(parent, wxID_ANY, _(L"About and Privacy — Limber")), link_(link) {
  SetName("limber_about");
  auto* panel = new wxPanel(this);
  auto* outer = new wxBoxSizer(wxVERTICAL);
  auto* page = new wxScrolledWindow(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
  page->SetScrollRate(0, FromDIP(12));
  auto* sizer = new wxBoxSizer(wxVERTICAL);

  sizer->Add(make_heading(page, "Limber", 1.8), 0, wxBOTTOM, FromDIP(2));
  auto* version = new wxStaticText(page, wxID_ANY, wxString::Format(_("Version %s"), LIMBER_VERSION));
  version->SetName("about_version");
  version->SetForegroundColour(muted_text_colour());
  sizer->Add(version, 0, wxBOTTOM, FromDIP(6));
  sizer->Add(make_paragraph(page,
                            _("Break reminders and desk ergonomics for Linux desktops. Limber is a health "
                              "tool, not a monitoring tool: this page says exactly what it keeps."),
                            kWidth),
             0, wxBOTTOM, FromDIP(16));

  add_privacy_sections(page, sizer);

  auto* margin = new wxBoxSizer(wxVERTICAL);
  margin->Add(sizer, 1, wxEXPAND | wxALL, FromDIP(20));
  page->SetSizer(margin);
  outer->Add(page, 1, wxEXPAND);
  outer->Add(new wxStaticLine(panel), 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->AddStretchSpacer();
  auto* close = new wxButton(panel, wxID_CLOSE);
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
  buttons->Add(close);
  outer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(12));
  panel->SetSizer(outer);
  SetMinClientSize(FromDIP(wxSize(kWidth + 60, 480)));
  SetClientSize(FromDIP(wxSize(kWidth + 60, 720)));

  link_.listen([this](const std::string& method, const Json&) {
    if (method == "config.changed" || method == "link.connected") load();
  });
  load();
}

// What Limber sees, records and never records, where, and what is reported.
void AboutWindow::add_privacy_sections(wxWindow* page, wxSizer* sizer) {
  add_section(page, sizer, _("What Limber sees"),
              _(L"Only that you used the keyboard or mouse, and when — never which key, which button or "
                "where. It learns this from the desktop's idle monitor (GNOME, the Wayland compositor, "
                "or the X server), and from logind whether the screen is locked or the computer is going "
                "to sleep."),
              "about_sees");
  add_section(page, sizer, _("What Limber records"),
              bullets({_("your active time, in 5-minute intervals"),
                       _("each break that fell due: its kind, when it was due and ended, its outcome, how "
                         "long it was postponed, and which exercise was shown"),
                       _("natural breaks: their kind, time and length"),
                       _("the break timers' state, so a restart continues where it stopped"),
                       _("your desk-checklist answers")}),
              "about_records");
  add_section(page, sizer, _("What Limber never records"),
              bullets({_("which keys you press, or anything you type"), _("where the pointer is"),
                       _("window titles, or which applications you use")}) +
                  "\n" +
                  _("Limber never opens /dev/input, which would give access to every keystroke."),
              "about_never");
  history_path_ = add_section(
      page, sizer, _("Where it is kept"),
      _("On this computer only, in the history database of limberd. History older than the retention "
        "period (history.retention_days, 400 days unless changed) is deleted once a day."),
      "about_history_path");
  reporting_ = add_section(page, sizer, _("What is reported to your organisation"),
                           _(L"Asking limberd…"), "about_reporting");
}

void AboutWindow::load() {
  link_.call("status", Json::object(), [this](const Json& result, const rpc::Error* error) {
    const std::string path = error == nullptr ? text_of(result, "history") : std::string();
    wxString text = _("On this computer only");
    text += path.empty() ? wxString(".") : wxString::Format(_(", in %s."), from_utf8(path));
    text += _(" History older than the retention period (history.retention_days, 400 days unless changed) is "
              "deleted once a day.");
    set_wrapped_label(history_path_, text, kWidth);
    history_path_->GetParent()->Layout();
  });
  link_.call("report.get", Json::object(), [this](const Json& result, const rpc::Error* error) {
    if (error != nullptr) {
      set_wrapped_label(reporting_, _("Unknown: limberd cannot be reached (") + from_utf8(error->message) + ").",
                        kWidth);
      reporting_->GetParent()->Layout();
      return;
    }
    show_reporting(result);
  });
}

namespace {

// One day of the report, in words: "2026-11-21: 2h 05m active; micro-breaks
// 5 due, 4 taken, ...".
wxString day_line(const wxString& title, const Json& day) {
  const int64_t active = day.value("active_s", int64_t{0});
  wxString line = wxString::Format("%s, %s: %dh %02dm active", title, from_utf8(text_of(day, "date")),
                                   static_cast<int>(active / 3600), static_cast<int>(active / 60 % 60));
  static constexpr std::pair<const char*, const char*> kKinds[] = {
      {"micro", "micro-breaks"}, {"rest", "rest breaks"}, {"daily", "daily limit"}};
  const Json breaks = day.value("breaks", Json::object());
  for (const auto& [kind, name] : kKinds) {
    const Json counts = breaks.value(kind, Json::object());
    wxString figures;
    for (const char* outcome : {"due", "taken", "natural", "postponed", "skipped", "ignored", "cancelled"}) {
      figures += wxString::Format("%s%lld %s", figures.empty() ? "" : ", ",
                                  static_cast<long long>(counts.value(outcome, int64_t{0})), outcome);
    }
    line += wxString::Format("; %s: %s", name, figures);
  }
  return wxString(L"\n•  ") + line;
}

}  // namespace

void AboutWindow::show_reporting(const Json& result) {
  const bool on = result.value("enabled", false);
  wxString text;
  if (on) {
    const Json report = result.value("report", Json::object());
    text = wxString::Format(_("Your organisation turned on fleet reporting (%s). Limber writes this daily "
                              "aggregate to %s, and nothing else; no name, no exercise, no time of day:"),
                            from_utf8(text_of(result, "enabled_by")), from_utf8(text_of(result, "file")));
    text += day_line(_("Last complete day"), report.value("last_complete_day", Json::object()));
    text += day_line(_("Today so far"), report.value("today", Json::object()));
    const Json checklists = report.value("checklists", Json::object());
    for (const auto& [id, c] : checklists.items()) {
      text += wxString::Format(_(L"\n•  Checklist %s: %d%%, answered on %s"), from_utf8(id),
                               c.value("percent", 0), from_utf8(text_of(c, "checked_on")));
    }
    text += wxString::Format(_(L"\n•  Limber %s, report format %d"), from_utf8(text_of(report, "limber_version")),
                             report.value("schema", 0));
    text += "\n" + _("limberctl report show prints the exact JSON.");
  } else {
    text = _("Nothing is reported. Limber sends nothing anywhere: your history stays on this computer.");
  }
  set_wrapped_label(reporting_, text, kWidth);
  reporting_->GetParent()->Layout();
}

}  // namespace limber::tray
