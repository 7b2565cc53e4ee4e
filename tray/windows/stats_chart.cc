#include "stats_chart.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "window_style.h"

namespace limber::tray {

namespace {

struct Series {
  wxString label;
  wxColour colour;
  long DayRow::*count;
};

std::vector<Series> break_series() {
  const ChartPalette p = chart_palette();
  return {{_("Taken"), p.taken, &DayRow::taken},
          {_("Natural"), p.natural, &DayRow::natural},
          {_("Postponed"), p.postponed, &DayRow::postponed},
          {_("Skipped"), p.skipped, &DayRow::skipped},
          {_("Ignored"), p.ignored, &DayRow::ignored}};
}

// A "nice" axis maximum and step at or above `value` (1, 2, 5 × 10^n).
void nice_axis(double value, int* ticks, double* step) {
  if (value <= 0) value = 1;
  const double rough = value / 4;
  const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  double s = magnitude;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    s = m * magnitude;
    if (s >= rough) break;
  }
  *step = s;
  *ticks = static_cast<int>(std::ceil(value / s));
}

wxString axis_number(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9) return wxString::Format("%.0f", v);
  return wxString::Format("%.1f", v);
}

wxString day_label(const std::string& iso, size_t count) {
  wxDateTime day;
  if (!day.ParseISODate(from_utf8(iso))) return from_utf8(iso);
  if (count <= 10) return day.Format("%a %d");
  return wxString::Format("%d", day.GetDay());
}

}  // namespace

StatsChart::StatsChart(wxWindow* parent, Kind kind)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(560, 200))), kind_(kind) {
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  SetName(kind == Kind::kActiveTime ? "chart_active_time" : "chart_breaks");
  SetMinSize(FromDIP(wxSize(420, 180)));
  Bind(wxEVT_PAINT, &StatsChart::on_paint, this);
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    Refresh();
    e.Skip();
  });
}

void StatsChart::set_days(std::vector<DayRow> days) {
  days_ = std::move(days);
  Refresh();
}

double StatsChart::day_total(const DayRow& d) const {
  if (kind_ == Kind::kActiveTime) return static_cast<double>(d.active_s) / 3600.0;
  double total = 0;
  for (const Series& s : break_series()) total += static_cast<double>(d.*s.count);
  return total;
}

StatsChart::Axis StatsChart::axis() const {
  double max_value = 0;
  for (const DayRow& d : days_) max_value = std::max(max_value, day_total(d));
  if (kind_ == Kind::kBreaks) max_value = std::max(max_value, 4.0);
  Axis a;
  nice_axis(max_value, &a.ticks, &a.step);
  return a;
}

bool StatsChart::draw_axis(wxGraphicsContext& gc, const Axis& a, Plot* plot) {
  const wxString unit = kind_ == Kind::kActiveTime ? " h" : "";
  // The widest value label sets the left margin ("0.5 h" is wider than "1 h").
  double text_w = 0, text_h = 0;
  for (int i = 0; i <= a.ticks; ++i) {
    double w = 0, h = 0;
    gc.GetTextExtent(axis_number(a.step * i) + unit, &w, &h);
    text_w = std::max(text_w, w);
    text_h = std::max(text_h, h);
  }
  const wxSize size = GetClientSize();
  *plot = Plot{text_w + FromDIP(10), static_cast<double>(size.x - FromDIP(8)), static_cast<double>(FromDIP(8)),
               size.y - text_h - FromDIP(10)};
  if (plot->right <= plot->left || plot->bottom <= plot->top) return false;
  gc.SetPen(wxPen(grid_line_colour(), 1));
  for (int i = 0; i <= a.ticks; ++i) {
    const double v = a.step * i;
    const double y = std::round(plot->bottom - (plot->bottom - plot->top) * v / a.max()) + 0.5;
    gc.StrokeLine(plot->left, y, plot->right, y);
    const wxString label = axis_number(v) + unit;
    double w = 0, h = 0;
    gc.GetTextExtent(label, &w, &h);
    gc.DrawText(label, plot->left - FromDIP(6) - w, y - h / 2);
  }
  return true;
}

void StatsChart::draw_bars(wxGraphicsContext& gc, const Axis& a, const Plot& p) {
  const std::vector<Series> series = break_series();
  const double slot = (p.right - p.left) / static_cast<double>(days_.size());
  const double bar = std::min(slot * 0.64, static_cast<double>(FromDIP(40)));
  const double radius = std::min(bar / 4, static_cast<double>(FromDIP(3)));
  const size_t label_every = days_.size() > 16 ? 3 : 1;
  auto height_of = [&](double v) { return (p.bottom - p.top) * v / a.max(); };
  gc.SetPen(*wxTRANSPARENT_PEN);
  for (size_t i = 0; i < days_.size(); ++i) {
    gc.Clip(p.left, p.top, p.right - p.left, p.bottom - p.top);  // the bars' rounded feet stay above the axis
    const DayRow& d = days_[i];
    const double x = p.left + slot * static_cast<double>(i) + (slot - bar) / 2;
    if (kind_ == Kind::kActiveTime) {
      const double h = height_of(static_cast<double>(d.active_s) / 3600.0);
      if (h > 0) {
        gc.SetBrush(wxBrush(chart_palette().active));
        gc.DrawRoundedRectangle(x, p.bottom - h, bar, h + radius, radius);
      }
    } else {
      double y = p.bottom;
      for (const Series& s : series) {
        const double h = height_of(static_cast<double>(d.*s.count));
        if (h <= 0) continue;
        gc.SetBrush(wxBrush(s.colour));
        gc.DrawRectangle(x, y - h, bar, h);
        y -= h;
      }
    }
    gc.ResetClip();
    // Day labels, thinned out when there are many days; the last day always.
    if (i % label_every == 0 || i + 1 == days_.size()) {
      const wxString label = day_label(d.date, days_.size());
      double w = 0, h = 0;
      gc.GetTextExtent(label, &w, &h);
      gc.DrawText(label, x + bar / 2 - w / 2, p.bottom + FromDIP(4));
    }
  }
}

void StatsChart::on_paint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW)));
  dc.Clear();
  std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
  if (!gc) return;
  const wxColour muted = muted_text_colour();
  gc->SetFont(scaled_font(this, 0.85, false), muted);
  const Axis a = axis();
  Plot plot;
  if (!draw_axis(*gc, a, &plot)) return;
  if (days_.empty()) {
    gc->SetFont(scaled_font(this, 1.0, false), muted);
    const wxString none = _("No data");
    double w = 0, h = 0;
    gc->GetTextExtent(none, &w, &h);
    gc->DrawText(none, plot.left + (plot.right - plot.left - w) / 2, plot.top + (plot.bottom - plot.top - h) / 2);
    return;
  }
  draw_bars(*gc, a, plot);
  // Redraw the base line over the bars' rounded feet.
  gc->SetPen(wxPen(muted, 1));
  gc->StrokeLine(plot.left, std::round(plot.bottom) + 0.5, plot.right, std::round(plot.bottom) + 0.5);
}

wxSizer* make_chart_legend(wxWindow* parent, StatsChart::Kind kind) {
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  auto add = [&](const wxString& label, const wxColour& colour) {
    auto* swatch = new wxPanel(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(12, 12)));
    swatch->SetBackgroundColour(colour);
    row->Add(swatch, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, parent->FromDIP(5));
    auto* text = new wxStaticText(parent, wxID_ANY, label);
    text->SetFont(scaled_font(parent, 0.9, false));
    row->Add(text, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, parent->FromDIP(16));
  };
  if (kind == StatsChart::Kind::kActiveTime) {
    add(_("Active time at the computer, hours per day"), chart_palette().active);
  } else {
    for (const Series& s : break_series()) add(s.label, s.colour);
  }
  return row;
}

}  // namespace limber::tray
