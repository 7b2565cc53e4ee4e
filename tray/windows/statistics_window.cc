#include "statistics_window.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/panel.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>

#include <fstream>

#include "stats_chart.h"
#include "window_style.h"

namespace limber::tray {

using rpc::Json;

namespace {

constexpr int kWidth = 720;  // DIP

// One of the figures above the charts: a caption, a big value, a detail.
wxSizer* make_figure(wxWindow* parent, const wxString& caption, const char* name, wxStaticText** value,
                     wxStaticText** detail) {
  auto* box = new wxBoxSizer(wxVERTICAL);
  auto* title = new wxStaticText(parent, wxID_ANY, caption);
  title->SetForegroundColour(muted_text_colour());
  box->Add(title, 0, wxBOTTOM, parent->FromDIP(2));
  *value = new wxStaticText(parent, wxID_ANY, L"–");
  (*value)->SetName(name);
  (*value)->SetFont(scaled_font(parent, 1.6, true));
  box->Add(*value, 0, wxBOTTOM, parent->FromDIP(2));
  *detail = new wxStaticText(parent, wxID_ANY, wxString());
  (*detail)->SetForegroundColour(muted_text_colour());
  (*detail)->SetFont(scaled_font(parent, 0.9, false));
  box->Add(*detail);
  return box;
}

}  // namespace

StatisticsWindow::StatisticsWindow(wxWindow* parent, DaemonLink& link)
    : wxFrame(parent, wxID_ANY, _(L"Statistics — Limber")), link_(link) {
  SetName("limber_statistics");
  auto* panel = new wxPanel(this);
  auto* sizer = new wxBoxSizer(wxVERTICAL);

  build_header(panel, sizer);

  auto add_chart = [&](const wxString& title, StatsChart::Kind kind) {
    auto* heading = new wxStaticText(panel, wxID_ANY, title);
    heading->SetFont(scaled_font(panel, 1.05, true));
    sizer->Add(heading, 0, wxBOTTOM, FromDIP(6));
    auto* chart = new StatsChart(panel, kind);
    sizer->Add(chart, 1, wxEXPAND | wxBOTTOM, FromDIP(6));
    sizer->Add(make_chart_legend(panel, kind), 0, wxBOTTOM, FromDIP(16));
    return chart;
  };
  active_chart_ = add_chart(_("Active time per day"), StatsChart::Kind::kActiveTime);
  breaks_chart_ = add_chart(_("Breaks per day"), StatsChart::Kind::kBreaks);
  active_chart_->SetToolTip(_("Time you were at the keyboard or mouse, per day."));
  breaks_chart_->SetToolTip(_("Each break that fell due ends as taken, postponed, skipped or ignored; natural "
                              "breaks are times you were away long enough anyway."));

  sizer->Add(make_note(panel, from_utf8(compliance_definition()), kWidth), 0, wxBOTTOM, FromDIP(8));
  problem_ = make_paragraph(panel, wxString(), kWidth);
  problem_->SetForegroundColour(error_text_colour());
  sizer->Add(problem_, 0, wxBOTTOM, FromDIP(4));

  sizer->Add(new wxStaticLine(panel), 0, wxEXPAND | wxBOTTOM, FromDIP(12));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* export_button = new wxButton(panel, wxID_ANY, _(L"&Export CSV…"));
  export_button->SetName("export_csv");
  export_button->SetToolTip(_("Save the days shown as a spreadsheet (CSV)."));
  export_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose_export_file(); });
  buttons->Add(export_button);
  buttons->AddStretchSpacer();
  auto* close = new wxButton(panel, wxID_CLOSE);
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
  buttons->Add(close);
  sizer->Add(buttons, 0, wxEXPAND);

  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(sizer, 1, wxEXPAND | wxALL, FromDIP(20));
  panel->SetSizer(outer);
  SetMinClientSize(FromDIP(wxSize(600, 620)));
  SetClientSize(FromDIP(wxSize(kWidth + 40, 700)));

  link_.listen([this](const std::string& method, const Json&) {
    if (method == "link.connected" || method == "break.ended") load();
  });
  load();
}

// The heading, the 7/30-day choice and the four figures.
void StatisticsWindow::build_header(wxWindow* panel, wxSizer* sizer) {
  auto* top = new wxBoxSizer(wxHORIZONTAL);
  top->Add(make_heading(panel, _("Your breaks")), 0, wxALIGN_CENTER_VERTICAL);
  top->AddStretchSpacer();
  range_7_ = new wxRadioButton(panel, wxID_ANY, _("Last &7 days"), wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
  range_7_->SetName("range_7_days");
  range_30_ = new wxRadioButton(panel, wxID_ANY, _("Last &30 days"));
  range_30_->SetName("range_30_days");
  range_7_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { set_range(7); });
  range_30_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { set_range(30); });
  top->Add(range_7_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
  top->Add(range_30_, 0, wxALIGN_CENTER_VERTICAL);
  sizer->Add(top, 0, wxEXPAND | wxBOTTOM, FromDIP(16));

  auto* figures = new wxBoxSizer(wxHORIZONTAL);
  figures->Add(make_figure(panel, _("Active time"), "figure_active", &active_value_, &active_detail_), 1, wxRIGHT, FromDIP(12));
  figures->Add(make_figure(panel, _("Breaks had"), "figure_breaks", &breaks_value_, &breaks_detail_), 1, wxRIGHT, FromDIP(12));
  figures->Add(make_figure(panel, _("Compliance"), "figure_compliance", &compliance_value_, &compliance_detail_),
               1, wxRIGHT, FromDIP(12));
  figures->Add(make_figure(panel, _("Postponed or skipped"), "figure_missed", &missed_value_, &missed_detail_), 1);
  compliance_value_->SetToolTip(from_utf8(compliance_definition()));
  sizer->Add(figures, 0, wxEXPAND | wxBOTTOM, FromDIP(16));
}

void StatisticsWindow::set_range(int days) {
  range_days_ = days;
  range_7_->SetValue(days == 7);
  range_30_->SetValue(days == 30);
  load();
}

void StatisticsWindow::load() {
  link_.call("stats", Json{{"days", range_days_}}, [this](const Json& result, const rpc::Error* error) {
    std::vector<DayRow> rows;
    std::string err;
    if (error != nullptr) {
      err = error->message;
    } else {
      parse_day_rows(result, &rows, &err);
    }
    set_wrapped_label(problem_, err.empty() ? wxString() : _("Cannot show the statistics: ") + from_utf8(err),
                      kWidth);
    show(std::move(rows));
  });
}

void StatisticsWindow::show(std::vector<DayRow> days) {
  days_ = std::move(days);
  long active = 0, due = 0, taken = 0, natural = 0, postponed = 0, skipped = 0, ignored = 0;
  int days_with_data = 0;
  for (const DayRow& d : days_) {
    active += d.active_s;
    due += d.due;
    taken += d.taken;
    natural += d.natural;
    postponed += d.postponed;
    skipped += d.skipped;
    ignored += d.ignored;
    if (d.active_s > 0) ++days_with_data;
  }
  active_value_->SetLabel(format_active_time(active));
  active_detail_->SetLabel(days_with_data > 0
                               ? wxString::Format(_("%s a day on average"), format_active_time(active / days_with_data))
                               : _("nothing recorded"));
  breaks_value_->SetLabel(wxString::Format("%ld", taken + natural));
  breaks_detail_->SetLabel(wxString::Format(_("%ld taken, %ld natural"), taken, natural));
  const auto compliance = compliance_percent(days_);
  compliance_value_->SetLabel(compliance ? wxString::Format("%.0f %%", *compliance) : wxString(L"–"));
  compliance_detail_->SetLabel(wxString::Format(_("of %ld breaks"), due + natural));
  missed_value_->SetLabel(wxString::Format("%ld", postponed + skipped));
  missed_detail_->SetLabel(wxString::Format(_("%ld postponed, %ld skipped"), postponed, skipped));
  missed_detail_->SetToolTip(wxString::Format(_("%ld more were ignored: you kept working through them."), ignored));
  active_chart_->set_days(days_);
  breaks_chart_->set_days(days_);
  GetChildren().front()->Layout();
}

bool StatisticsWindow::export_csv(const wxString& path, wxString* err) const {
  std::ofstream out(path.fn_str(), std::ios::binary | std::ios::trunc);
  if (!out) {
    *err = wxString::Format(_("Cannot write %s"), path);
    return false;
  }
  write_stats_csv(days_, out);
  out.close();
  if (!out) {
    *err = wxString::Format(_("Writing %s failed"), path);
    return false;
  }
  return true;
}

void StatisticsWindow::choose_export_file() {
  wxString name = "limber-statistics.csv";
  if (!days_.empty()) name = from_utf8("limber-" + days_.front().date + "-to-" + days_.back().date + ".csv");
  wxFileDialog dialog(this, _("Export statistics"), wxString(), name, _("CSV files (*.csv)|*.csv"),
                      wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (dialog.ShowModal() != wxID_OK) return;
  wxString err;
  set_wrapped_label(problem_, export_csv(dialog.GetPath(), &err) ? wxString() : err, kWidth);
  GetChildren().front()->Layout();
}

}  // namespace limber::tray
