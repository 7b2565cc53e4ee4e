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

void StatsChart::on_paint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  const wxColour background = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
  dc.SetBackground(wxBrush(background));
  dc.Clear();
  std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
  if (!gc) return;
  const wxSize size = GetClientSize();
  const wxFont small = scaled_font(this, 0.85, false);
  const wxColour muted = muted_text_colour();
  gc->SetFont(small, muted);

  // The values per day: one bar of stacked segments.
  const std::vector<Series> series = break_series();
  auto day_total = [&](const DayRow& d) -> double {
    if (kind_ == Kind::kActiveTime) return static_cast<double>(d.active_s) / 3600.0;
    double total = 0;
    for (const Series& s : series) total += static_cast<double>(d.*s.count);
    return total;
  };
  double max_value = 0;
  for (const DayRow& d : days_) max_value = std::max(max_value, day_total(d));
  if (kind_ == Kind::kBreaks) max_value = std::max(max_value, 4.0);
  int ticks = 4;
  double step = 1;
  nice_axis(max_value, &ticks, &step);
  const double axis_max = step * ticks;

  // The widest value label sets the left margin ("0.5 h" is wider than "1 h").
  double text_w = 0, text_h = 0;
  for (int i = 0; i <= ticks; ++i) {
    double w = 0, h = 0;
    gc->GetTextExtent(axis_number(step * i) + (kind_ == Kind::kActiveTime ? " h" : ""), &w, &h);
    text_w = std::max(text_w, w);
    text_h = std::max(text_h, h);
  }
  const double left = text_w + FromDIP(10);
  const double right = size.x - FromDIP(8);
  const double top = FromDIP(8);
  const double bottom = size.y - text_h - FromDIP(10);
  if (right <= left || bottom <= top) return;

  // Grid lines and the value axis.
  gc->SetPen(wxPen(grid_line_colour(), 1));
  for (int i = 0; i <= ticks; ++i) {
    const double v = step * i;
    const double y = std::round(bottom - (bottom - top) * v / axis_max) + 0.5;
    gc->StrokeLine(left, y, right, y);
    const wxString label = axis_number(v) + (kind_ == Kind::kActiveTime ? " h" : "");
    double w = 0, h = 0;
    gc->GetTextExtent(label, &w, &h);
    gc->DrawText(label, left - FromDIP(6) - w, y - h / 2);
  }

  if (days_.empty()) {
    gc->SetFont(scaled_font(this, 1.0, false), muted);
    const wxString none = _("No data");
    double w = 0, h = 0;
    gc->GetTextExtent(none, &w, &h);
    gc->DrawText(none, left + (right - left - w) / 2, top + (bottom - top - h) / 2);
    return;
  }

  const double slot = (right - left) / static_cast<double>(days_.size());
  const double bar = std::min(slot * 0.64, static_cast<double>(FromDIP(40)));
  const double radius = std::min(bar / 4, static_cast<double>(FromDIP(3)));
  const size_t label_every = days_.size() > 16 ? 3 : 1;
  gc->SetPen(*wxTRANSPARENT_PEN);
  for (size_t i = 0; i < days_.size(); ++i) {
    gc->Clip(left, top, right - left, bottom - top);  // the bars' rounded feet stay above the axis
    const DayRow& d = days_[i];
    const double x = left + slot * static_cast<double>(i) + (slot - bar) / 2;
    auto height_of = [&](double v) { return (bottom - top) * v / axis_max; };
    if (kind_ == Kind::kActiveTime) {
      const double h = height_of(static_cast<double>(d.active_s) / 3600.0);
      if (h > 0) {
        gc->SetBrush(wxBrush(chart_palette().active));
        gc->DrawRoundedRectangle(x, bottom - h, bar, h + radius, radius);
      }
    } else {
      double y = bottom;
      for (const Series& s : series) {
        const double h = height_of(static_cast<double>(d.*s.count));
        if (h <= 0) continue;
        gc->SetBrush(wxBrush(s.colour));
        gc->DrawRectangle(x, y - h, bar, h);
        y -= h;
      }
    }
    gc->ResetClip();
    // Day labels, thinned out when there are many days; the last day always.
    if (i % label_every == 0 || i + 1 == days_.size()) {
      const wxString label = day_label(d.date, days_.size());
      double w = 0, h = 0;
      gc->GetTextExtent(label, &w, &h);
      gc->DrawText(label, x + bar / 2 - w / 2, bottom + FromDIP(4));
    }
  }
  // Redraw the base line over the bars' rounded feet.
  gc->SetPen(wxPen(muted, 1));
  gc->StrokeLine(left, std::round(bottom) + 0.5, right, std::round(bottom) + 0.5);
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
