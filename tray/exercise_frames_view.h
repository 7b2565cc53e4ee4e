// ExerciseFramesView: plays an exercise's step frames in the break prompt's
// picture. Each step's frame (drawn by tools/illustrations/, one per step)
// shows for the step's hold time (a movement for a few seconds), then gives
// way to the next with a short cross-fade; the steps loop. When the desktop
// asks for reduced motion (GTK's gtk-enable-animations = false) frames
// switch without the fade. An exercise without frames keeps its still
// picture.
//
// Drives a wxStaticBitmap it does not own; lives on the GUI thread, as
// long as that bitmap's window.
#pragma once

#include <wx/bitmap.h>
#include <wx/event.h>
#include <wx/image.h>
#include <wx/timer.h>

#include <cstdint>
#include <string>
#include <vector>

class wxStaticBitmap;

namespace limber::tray {

class ExerciseFramesView : public wxEvtHandler {
 public:
  // `size` is the picture's size in pixels.
  ExerciseFramesView(wxStaticBitmap* target, wxSize size);
  ~ExerciseFramesView() override;

  // Starts the frames of the exercise drawn by `illustration` whose steps
  // hold for `hold_seconds`. Returns false (and leaves the picture as it
  // is) when a step's frame is missing or cannot be drawn.
  bool play(const std::string& illustration, const std::vector<int>& hold_seconds);
  // Stops moving on; the current frame stays.
  void stop();
  bool playing() const { return !frames_.empty(); }

  // Whether the desktop allows animations (gtk-enable-animations).
  static bool animations_enabled();

 private:
  void on_timer(wxTimerEvent& event);
  void begin_step(size_t index);
  void fade_step();

  wxStaticBitmap* target_;
  wxSize size_;
  wxTimer timer_;
  std::vector<wxBitmap> frames_;
  std::vector<int64_t> durations_ms_;
  size_t current_ = 0;
  // The cross-fade in progress: from the old frame to frames_[current_].
  wxImage fade_from_;
  wxImage fade_to_;
  int fade_tick_ = -1;  // -1: not fading
};

}  // namespace limber::tray
