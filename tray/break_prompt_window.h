// BreakPromptWindow: the break prompt — the exercise (name, illustration,
// numbered steps), a countdown with a progress bar, the health notice with
// its "Symptoms?" link, and the actions the rules allow (Start, Postpone
// with the postpones left, Skip where allowed). A rest break steps through
// its exercises, by hand or as the countdown passes each one.
//
// Gentle (default): a small always-on-top window on the monitor with the
// pointer, shown without taking the keyboard focus from what the user is
// typing into. Strict (prompt.strict): full screen on that monitor, with
// BreakCoverWindows on the others, until the break ends.
//
// BreakPrompts creates and closes it; it asks limberd for the exercise
// details (exercises.show) and sends the user's answer (break.start,
// break.postpone, break.skip) through the DaemonLink.
//
// Threading: the UI thread.
#pragma once

#include <wx/frame.h>

#include <functional>
#include <map>
#include <memory>

#include "break_prompt.h"
#include "exercise_frames_view.h"

class wxBoxSizer;
class wxButton;
class wxGauge;
class wxHyperlinkCtrl;
class wxPanel;
class wxStaticBitmap;
class wxStaticText;

namespace limber::tray {

class DaemonLink;

class BreakPromptWindow final : public wxFrame {
 public:
  // `on_user_close` runs when the user closes the window (gentle mode);
  // the break stays due and the tray keeps showing it.
  BreakPromptWindow(DaemonLink& link, const BreakPrompt& prompt, bool strict, std::function<void()> on_user_close);
  ~BreakPromptWindow() override;

  uint64_t break_id() const { return prompt_.id; }
  // Shows the window on the monitor under the pointer, without activating
  // it unless strict.
  void present();
  // Closes the window because the break ended, was held or the link
  // dropped (not the user's doing).
  void dismiss();
  // New rules or state for the same break (postpones left, started, …).
  void update(const BreakPrompt& prompt);
  // break.progress: `counting` is false while the user is active.
  void set_progress(int64_t progress_s, int64_t duration_s, bool counting);

 private:
  void build();  // break_prompt_layout.cc
  void build_exercise(wxBoxSizer* column, int gap);
  void build_footer(wxBoxSizer* column, int gap);
  void show_exercise(size_t index);
  void show_details(const rpc::Json& details);
  void refresh_actions();
  void refresh_countdown();
  void answer(const char* method);
  void show_symptoms();
  void log_layout();

  DaemonLink& link_;
  BreakPrompt prompt_;
  bool strict_;
  std::function<void()> on_user_close_;
  int listener_ = 0;
  size_t shown_exercise_ = 0;
  size_t auto_exercise_ = 0;  // the exercise the countdown is at
  bool counting_ = false;
  bool closing_ = false;
  std::map<std::string, rpc::Json> details_;  // exercises.show, by id
  rpc::Json health_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);

  wxPanel* panel_ = nullptr;
  wxStaticText* heading_ = nullptr;
  wxStaticText* subheading_ = nullptr;
  wxStaticBitmap* illustration_ = nullptr;
  std::unique_ptr<ExerciseFramesView> frames_;  // the step frames in illustration_
  wxStaticText* exercise_name_ = nullptr;
  wxBoxSizer* steps_ = nullptr;
  wxStaticText* repetitions_ = nullptr;
  wxButton* previous_ = nullptr;
  wxButton* next_ = nullptr;
  wxGauge* gauge_ = nullptr;
  wxStaticText* countdown_ = nullptr;
  int announced_moment_ = -1;  // countdown_moment() last given to screen readers
  wxStaticText* notice_ = nullptr;
  wxHyperlinkCtrl* symptoms_ = nullptr;
  wxStaticText* error_ = nullptr;
  wxButton* start_ = nullptr;
  wxButton* postpone_ = nullptr;
  wxButton* skip_ = nullptr;
};

}  // namespace limber::tray
