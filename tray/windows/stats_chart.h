// StatsChart: one bar chart of the statistics window, drawn with
// wxGraphicsContext in the desktop theme's colours: active time per day
// (bars, hours), or the breaks per day as stacked bars of their outcomes
// (taken, natural, postponed, skipped, ignored). Axis labels, grid lines
// and the day labels are drawn too; the legend is a separate row of
// labelled swatches the window lays out under the chart.
//
// UI thread only.
#pragma once

#include <wx/panel.h>

#include <vector>

#include "day_stats.h"

namespace limber::tray {

class StatsChart final : public wxPanel {
 public:
  enum class Kind { kActiveTime, kBreaks };

  StatsChart(wxWindow* parent, Kind kind);

  void set_days(std::vector<DayRow> days);

 private:
  void on_paint(wxPaintEvent& event);

  Kind kind_;
  std::vector<DayRow> days_;
};

// A row of colour swatches with labels for a chart's series.
wxSizer* make_chart_legend(wxWindow* parent, StatsChart::Kind kind);

}  // namespace limber::tray
