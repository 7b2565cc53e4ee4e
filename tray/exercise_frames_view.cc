#include "exercise_frames_view.h"

#include <gtk/gtk.h>
#include <wx/bmpbndl.h>
#include <wx/filefn.h>
#include <wx/statbmp.h>

#include <algorithm>

#include "exercise_frame_schedule.h"

namespace limber::tray {
namespace {

// A gentle cross-fade: 8 ticks of 40 ms, about a third of a second.
constexpr int kFadeTicks = 8;
constexpr int kFadeTickMs = 40;

// `from` and `to` mixed at `t` (0..1), colour and transparency alike.
wxImage blend(const wxImage& from, const wxImage& to, double t) {
  wxImage out(to.GetWidth(), to.GetHeight());
  out.InitAlpha();
  const int n = to.GetWidth() * to.GetHeight();
  const unsigned char* a_rgb = from.GetData();
  const unsigned char* b_rgb = to.GetData();
  const unsigned char* a_alpha = from.HasAlpha() ? from.GetAlpha() : nullptr;
  const unsigned char* b_alpha = to.HasAlpha() ? to.GetAlpha() : nullptr;
  unsigned char* rgb = out.GetData();
  unsigned char* alpha = out.GetAlpha();
  auto mix = [t](unsigned char a, unsigned char b) {
    return static_cast<unsigned char>(a + (b - a) * t + 0.5);
  };
  for (int i = 0; i < n; ++i) {
    for (int c = 0; c < 3; ++c) rgb[3 * i + c] = mix(a_rgb[3 * i + c], b_rgb[3 * i + c]);
    alpha[i] = mix(a_alpha ? a_alpha[i] : 255, b_alpha ? b_alpha[i] : 255);
  }
  return out;
}

}  // namespace

ExerciseFramesView::ExerciseFramesView(wxStaticBitmap* target, wxSize size)
    : target_(target), size_(size), timer_(this) {
  Bind(wxEVT_TIMER, &ExerciseFramesView::on_timer, this);
}

ExerciseFramesView::~ExerciseFramesView() {
  timer_.Stop();
}

bool ExerciseFramesView::animations_enabled() {
  gboolean enabled = TRUE;
  if (GtkSettings* settings = gtk_settings_get_default()) {
    g_object_get(settings, "gtk-enable-animations", &enabled, nullptr);
  }
  return enabled != FALSE;
}

bool ExerciseFramesView::play(const std::string& illustration,
                              const std::vector<int>& hold_seconds) {
  stop();
  std::vector<wxBitmap> frames;
  for (size_t i = 0; i < hold_seconds.size(); ++i) {
    const wxString path = wxString::FromUTF8(frame_path(illustration, i));
    if (path.empty() || !wxFileExists(path)) return false;
    const wxBitmapBundle bundle = wxBitmapBundle::FromSVGFile(path, size_);
    wxBitmap bitmap = bundle.IsOk() ? bundle.GetBitmap(size_) : wxBitmap();
    if (!bitmap.IsOk()) return false;
    frames.push_back(std::move(bitmap));
  }
  if (frames.empty()) return false;
  frames_ = std::move(frames);
  durations_ms_ = frame_durations_ms(hold_seconds);
  begin_step(0);
  return true;
}

void ExerciseFramesView::stop() {
  timer_.Stop();
  frames_.clear();
  fade_tick_ = -1;
}

void ExerciseFramesView::begin_step(size_t index) {
  current_ = index;
  fade_tick_ = -1;
  target_->SetBitmap(frames_[current_]);
  // A single frame is a still picture: nothing to move on to.
  if (frames_.size() > 1) timer_.StartOnce(static_cast<int>(durations_ms_[current_]));
}

void ExerciseFramesView::on_timer(wxTimerEvent&) {
  if (frames_.empty()) return;
  if (fade_tick_ >= 0) {
    fade_step();
    return;
  }
  const size_t next = (current_ + 1) % frames_.size();
  if (!animations_enabled()) {
    begin_step(next);  // reduced motion: switch without a fade
    return;
  }
  fade_from_ = frames_[current_].ConvertToImage();
  fade_to_ = frames_[next].ConvertToImage();
  current_ = next;
  fade_tick_ = 0;
  timer_.Start(kFadeTickMs);
}

void ExerciseFramesView::fade_step() {
  ++fade_tick_;
  if (fade_tick_ >= kFadeTicks || fade_from_.GetSize() != fade_to_.GetSize()) {
    timer_.Stop();
    begin_step(current_);
    return;
  }
  const double t = static_cast<double>(fade_tick_) / kFadeTicks;
  target_->SetBitmap(wxBitmap(blend(fade_from_, fade_to_, t)));
}

}  // namespace limber::tray
