// StatsChart: one bar chart of the statistics window, drawn with
// wxGraphicsContext in the desktop theme's colours: active time per day
// (bars, hours), or the breaks per day as stacked bars of their outcomes
// (taken, natural, postponed, skipped, ignored). Axis labels, grid lines
// and the day labels are drawn too; the legend is a separate row of
// labelled swatches the window lays out under the chart.
//
// UI thread only.
#pragma once

#include <wx/graphics.h>
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
  // The value axis: `ticks` steps of `step` (hours or breaks).
  struct Axis {
    int ticks = 4;
    double step = 1;
    double max() const { return step * ticks; }
  };
  // Where the bars go, in pixels.
  struct Plot {
    double left = 0, right = 0, top = 0, bottom = 0;
  };

  void on_paint(wxPaintEvent& event);
  double day_total(const DayRow& d) const;
  Axis axis() const;
  // Grid lines and value labels; false when the panel is too small.
  bool draw_axis(wxGraphicsContext& gc, const Axis& axis, Plot* plot);
  void draw_bars(wxGraphicsContext& gc, const Axis& axis, const Plot& plot);

  Kind kind_;
  std::vector<DayRow> days_;
};

// A row of colour swatches with labels for a chart's series.
wxSizer* make_chart_legend(wxWindow* parent, StatsChart::Kind kind);

}  // namespace limber::tray
