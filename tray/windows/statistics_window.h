// StatisticsWindow: charts of the last 7 or 30 days from limberd's `stats`
// (docs/protocol.md) — active time per day, the breaks per day by outcome —
// with the totals, a compliance figure (defined in day_stats.h, and in the
// window's help text), and an export of the shown days to CSV.
//
// Widget names: "range_7_days", "range_30_days", "chart_active_time",
// "chart_breaks", "figure_active", "figure_breaks", "figure_compliance",
// "figure_missed", "export_csv".
//
// Created by show_tray_window(); UI thread only.
#pragma once

#include <wx/frame.h>
#include <wx/sizer.h>

#include <vector>

#include "day_stats.h"
#include "window_link.h"

class wxRadioButton;
class wxStaticText;

namespace limber::tray {

class StatsChart;

class StatisticsWindow final : public wxFrame {
 public:
  StatisticsWindow(wxWindow* parent, DaemonLink& link);

  // The days on show (oldest first), as the charts draw them.
  const std::vector<DayRow>& days() const { return days_; }
  int range_days() const { return range_days_; }
  // Shows the last `days` days (7 or 30) and asks limberd for them.
  void set_range(int days);
  // Writes the days on show to `path` as CSV (write_stats_csv). False,
  // with *err, when the file cannot be written.
  bool export_csv(const wxString& path, wxString* err) const;

 private:
  void build_header(wxWindow* panel, wxSizer* sizer);
  void load();
  void show(std::vector<DayRow> days);
  void choose_export_file();

  WindowLink link_;
  int range_days_ = 7;
  std::vector<DayRow> days_;
  wxRadioButton* range_7_ = nullptr;
  wxRadioButton* range_30_ = nullptr;
  wxStaticText* active_value_ = nullptr;
  wxStaticText* active_detail_ = nullptr;
  wxStaticText* breaks_value_ = nullptr;
  wxStaticText* breaks_detail_ = nullptr;
  wxStaticText* compliance_value_ = nullptr;
  wxStaticText* compliance_detail_ = nullptr;
  wxStaticText* missed_value_ = nullptr;
  wxStaticText* missed_detail_ = nullptr;
  StatsChart* active_chart_ = nullptr;
  StatsChart* breaks_chart_ = nullptr;
  wxStaticText* problem_ = nullptr;
};

}  // namespace limber::tray
