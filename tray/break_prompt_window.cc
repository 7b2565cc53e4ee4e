#include "break_prompt_window.h"

#include <wx/app.h>
#include <wx/button.h>
#include <wx/display.h>
#include <wx/gauge.h>
#include <wx/hyperlink.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include <algorithm>

#include "break_prompt_layout.h"
#include "countdown_announcement.h"
#include "daemon_link.h"
#include "tray_log.h"

namespace limber::tray {

wxString break_heading(const std::string& kind) {
  if (kind == "rest") return _("Time for a rest break");
  if (kind == "daily") return _("Time to call it a day");
  return _("Time for a micro-break");
}

namespace {

wxString window_title(const std::string& kind) {
  if (kind == "rest") return _("Rest break — Limber");
  if (kind == "daily") return _("Daily limit — Limber");
  return _("Micro-break — Limber");
}

wxString clock_text(int64_t seconds) {
  seconds = std::max<int64_t>(seconds, 0);
  return wxString::Format("%d:%02d", static_cast<int>(seconds / 60), static_cast<int>(seconds % 60));
}

wxString duration_text(int64_t seconds) {
  if (seconds < 60 || seconds % 60 != 0) {
    return seconds < 60 ? wxString::Format(_("%d seconds"), static_cast<int>(seconds))
                        : wxString::Format(_("%d min %d s"), static_cast<int>(seconds / 60),
                                           static_cast<int>(seconds % 60));
  }
  const int minutes = static_cast<int>(seconds / 60);
  return wxString::Format(wxPLURAL("%d minute", "%d minutes", static_cast<unsigned>(minutes)), minutes);
}

}  // namespace

wxBitmapBundle illustration_for(const std::string& path) {
  if (!path.empty()) {
    wxBitmapBundle b = wxBitmapBundle::FromSVGFile(wxString::FromUTF8(path),
                                                   wxSize(kIllustrationSize, kIllustrationSize));
    if (b.IsOk()) return b;
  }
  static const char* kTile =
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 160" width="160" height="160">)"
      R"(<rect x="4" y="4" width="152" height="152" rx="26" fill="#e4ebf2"/>)"
      R"(<circle cx="80" cy="58" r="14" fill="#9fadbb"/>)"
      R"(<polyline points="56,92 104,92" stroke="#9fadbb" stroke-width="9" stroke-linecap="round" fill="none"/>)"
      R"(<polyline points="80,80 80,130" stroke="#9fadbb" stroke-width="9" stroke-linecap="round" fill="none"/></svg>)";
  return wxBitmapBundle::FromSVG(kTile, wxSize(kIllustrationSize, kIllustrationSize));
}

namespace {

wxString join_lines(const rpc::Json& list) {
  wxString out;
  for (const rpc::Json& line : list) {
    if (line.is_string()) out += "• " + wxString::FromUTF8(line.get<std::string>()) + "\n";
  }
  return out;
}

}  // namespace

BreakPromptWindow::BreakPromptWindow(DaemonLink& link, const BreakPrompt& prompt, bool strict,
                                     std::function<void()> on_user_close)
    : wxFrame(nullptr, wxID_ANY, window_title(prompt.kind), wxDefaultPosition, wxDefaultSize,
              strict ? (wxBORDER_NONE | wxSTAY_ON_TOP | wxFRAME_NO_TASKBAR)
                     : (wxCAPTION | wxCLOSE_BOX | wxSYSTEM_MENU | wxSTAY_ON_TOP | wxFRAME_NO_TASKBAR)),
      link_(link),
      prompt_(prompt),
      strict_(strict),
      on_user_close_(std::move(on_user_close)) {
  build();
  show_exercise(0);
  refresh_actions();
  refresh_countdown();
  // A new size (full screen, longer steps) moves the buttons.
  Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
    event.Skip();
    log_layout();
  });
  // Escape postpones a break not yet started when a postpone is left, else
  // closes the window (refused in strict mode, as the window manager's
  // close is).
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
    if (event.GetKeyCode() != WXK_ESCAPE || event.HasAnyModifiers()) {
      event.Skip();
      return;
    }
    if (!prompt_.started && postpone_->IsShown()) {
      answer("break.postpone");
    } else {
      Close();
    }
  });
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
    // Strict mode covers the screen until the break ends: no closing.
    if (strict_ && event.CanVeto()) {
      event.Veto();
      return;
    }
    if (!closing_ && on_user_close_) on_user_close_();
    Destroy();
  });
}

BreakPromptWindow::~BreakPromptWindow() { *alive_ = false; }

void BreakPromptWindow::dismiss() {
  closing_ = true;
  strict_ = false;  // the break is over: the veto no longer applies
  Destroy();
}

void BreakPromptWindow::present() {
  // The monitor the user is looking at: the one with the pointer.
  int index = wxDisplay::GetFromPoint(wxGetMousePosition());
  if (index == wxNOT_FOUND) index = 0;
  const wxRect area = strict_ ? wxDisplay(static_cast<unsigned>(index)).GetGeometry()
                              : wxDisplay(static_cast<unsigned>(index)).GetClientArea();
  if (strict_) {
    SetSize(area);
    ShowFullScreen(true);
    Show();
    Raise();
  } else {
    Fit();
    const wxSize size = GetSize();
    // Centred, a little above the middle, where the eye falls.
    SetPosition(wxPoint(area.x + (area.width - size.x) / 2, area.y + std::max(0, (area.height - size.y) / 3)));
    // Never take the keyboard from what the user is typing into.
    ShowWithoutActivating();
  }
  log_line("prompt: showing the " + prompt_.kind + " break " + std::to_string(prompt_.id) +
           (strict_ ? " (strict)" : ""));
  log_layout();
}

void BreakPromptWindow::update(const BreakPrompt& prompt) {
  const bool same_exercises = prompt.exercises.size() == prompt_.exercises.size();
  const auto exercises = prompt_.exercises;
  prompt_ = prompt;
  if (prompt_.exercises.empty() || !same_exercises) prompt_.exercises = exercises;
  refresh_actions();
  refresh_countdown();
  log_layout();
}

void BreakPromptWindow::set_progress(int64_t progress_s, int64_t duration_s, bool counting) {
  prompt_.progress_s = progress_s;
  if (duration_s > 0) prompt_.duration_s = duration_s;
  prompt_.started = true;
  counting_ = counting;
  // Follow the routine as the countdown passes each exercise.
  int64_t end = 0;
  size_t at = prompt_.exercises.empty() ? 0 : prompt_.exercises.size() - 1;
  for (size_t i = 0; i < prompt_.exercises.size(); ++i) {
    end += prompt_.exercises[i].duration_s;
    if (progress_s < end) {
      at = i;
      break;
    }
  }
  if (at != auto_exercise_) {
    auto_exercise_ = at;
    show_exercise(at);
  }
  refresh_actions();
  refresh_countdown();
}

void BreakPromptWindow::show_exercise(size_t index) {
  if (prompt_.exercises.empty()) {
    subheading_->SetLabel(duration_text(prompt_.duration_s));
    exercise_name_->SetLabel(_("Stand up, look away from the screen and move a little."));
    exercise_name_->Wrap(FromDIP(kTextWidth));
    previous_->Hide();
    next_->Hide();
    Layout();
    return;
  }
  index = std::min(index, prompt_.exercises.size() - 1);
  shown_exercise_ = index;
  const PromptExercise& e = prompt_.exercises[index];
  wxString sub = duration_text(prompt_.duration_s);
  if (prompt_.exercises.size() > 1) {
    sub += wxString::Format(_(" · exercise %d of %d"), static_cast<int>(index + 1),
                            static_cast<int>(prompt_.exercises.size()));
  }
  subheading_->SetLabel(sub);
  exercise_name_->SetLabel(wxString::FromUTF8(e.name));
  frames_->stop();
  illustration_->SetBitmap(illustration_for(e.illustration));
  illustration_->SetName(wxString::FromUTF8(e.name));  // for screen readers
  previous_->Enable(index > 0);
  next_->Enable(index + 1 < prompt_.exercises.size());
  if (auto it = details_.find(e.id); it != details_.end()) {
    show_details(it->second);
  } else {
    show_details(rpc::Json());
    std::weak_ptr<bool> alive = alive_;
    link_.call("exercises.show", rpc::Json{{"id", e.id}},
               [this, alive, id = e.id](const rpc::Json& result, const rpc::Error* error) {
                 if (alive.expired() || error != nullptr) return;
                 details_[id] = result;
                 if (result.contains("health")) health_ = result["health"];
                 if (shown_exercise_ < prompt_.exercises.size() && prompt_.exercises[shown_exercise_].id == id) {
                   show_details(result);
                 }
               });
  }
}

void BreakPromptWindow::show_details(const rpc::Json& given) {
  // Null while exercises.show is on its way: no steps yet.
  const rpc::Json details = given.is_object() ? given : rpc::Json::object();
  steps_->Clear(true);
  int n = 1;
  std::vector<int> holds;
  for (const rpc::Json& step : details.value("steps", rpc::Json::array())) {
    holds.push_back(step.value("hold_s", 0));
    wxString line = wxString::Format("%d.  ", n++) + wxString::FromUTF8(step.value("text", std::string()));
    const int hold = step.value("hold_s", 0);
    if (hold > 0) line += wxString::Format(_(" Hold %d s."), hold);
    auto* label = new wxStaticText(panel_, wxID_ANY, line);
    label->Wrap(FromDIP(kTextWidth));
    steps_->Add(label, 0, wxBOTTOM, FromDIP(5));
  }
  if (shown_exercise_ < prompt_.exercises.size()) {
    frames_->play(prompt_.exercises[shown_exercise_].illustration, holds);  // keeps the still picture without frames
  }
  const int reps = details.value("repetitions", 1);
  repetitions_->SetLabel(reps > 1 ? wxString::Format(_("Repeat %d times."), reps) : wxString());
  repetitions_->Show(reps > 1);
  if (details.contains("health") && details["health"].is_object()) health_ = details["health"];
  const std::string notice = health_.is_object() ? health_.value("notice", std::string()) : std::string();
  notice_->SetLabel(wxString::FromUTF8(notice));
  notice_->Wrap(FromDIP(kIllustrationSize + kTextWidth - 90));
  symptoms_->Show(health_.is_object());
  panel_->Layout();
  if (!strict_ && IsShown()) {
    // Grow to fit longer steps, keeping the top-left corner where it is.
    SetClientSize(GetSizer()->ComputeFittingClientSize(this));
  }
}

void BreakPromptWindow::refresh_actions() {
  start_->Show(!prompt_.started);
  postpone_->SetLabel(wxString::Format(_("&Postpone (%d left)"), prompt_.postpones_left));
  postpone_->Show(prompt_.postpones_left > 0);
  skip_->Show(prompt_.can_skip);
  panel_->Layout();
}

void BreakPromptWindow::refresh_countdown() {
  const int64_t duration = std::max<int64_t>(prompt_.duration_s, 1);
  gauge_->SetRange(static_cast<int>(duration));
  gauge_->SetValue(static_cast<int>(std::clamp<int64_t>(prompt_.progress_s, 0, duration)));
  if (!prompt_.started) {
    countdown_->SetLabel(
        wxString::Format(_("%s — starts when you press Start or step away from the keyboard."),
                         clock_text(prompt_.duration_s)));
  } else if (!counting_ && prompt_.progress_s > 0) {
    countdown_->SetLabel(wxString::Format(_("%s left — paused while you use the keyboard or mouse."),
                                          clock_text(prompt_.duration_s - prompt_.progress_s)));
  } else {
    countdown_->SetLabel(wxString::Format(_("%s left"), clock_text(prompt_.duration_s - prompt_.progress_s)));
  }
  const int moment = countdown_moment(prompt_.duration_s, prompt_.progress_s, prompt_.started);
  if (moment != announced_moment_) {
    announced_moment_ = moment;
    set_accessible_name(countdown_, countdown_->GetLabel());
  }
}

void BreakPromptWindow::answer(const char* method) {
  error_->Hide();
  std::weak_ptr<bool> alive = alive_;
  const std::string name = method;
  log_line("prompt: " + name + " for break " + std::to_string(prompt_.id));
  link_.call(name, rpc::Json::object(), [this, alive](const rpc::Json& result, const rpc::Error* error) {
    if (alive.expired()) return;
    if (error != nullptr) {
      error_->SetLabel(wxString::FromUTF8(error->message));
      error_->Wrap(FromDIP(kIllustrationSize + kTextWidth));
      error_->Show();
      panel_->Layout();
      return;
    }
    // The reply carries the new status; state.changed follows with the same.
    BreakPrompt now;
    if (result.contains("due") && parse_break_prompt(result["due"], &now) && now.id == prompt_.id) update(now);
  });
}

void BreakPromptWindow::show_symptoms() {
  if (!health_.is_object()) return;
  wxString text;
  const wxString stop_if = join_lines(health_.value("stop_if", rpc::Json::array()));
  if (!stop_if.empty()) text += _("Stop the exercise if:") + "\n" + stop_if + "\n";
  const wxString doctor = join_lines(health_.value("see_doctor", rpc::Json::array()));
  if (!doctor.empty()) text += _("See a doctor or physiotherapist before exercising if:") + "\n" + doctor + "\n";
  const std::string urgent = health_.value("urgent", std::string());
  if (!urgent.empty()) text += wxString::FromUTF8(urgent) + "\n\n";
  text += wxString::FromUTF8(health_.value("disclaimer", std::string()));
  wxMessageDialog dialog(this, text, _("Symptoms?"), wxOK | wxICON_INFORMATION);
  dialog.ShowModal();
}

void BreakPromptWindow::log_layout() {
  if (!debug_logging()) return;
  // After GTK has allocated the new sizes: where each action can be
  // clicked, for the tests that drive the prompt with xdotool.
  std::weak_ptr<bool> alive = alive_;
  auto* timer = new wxTimer;
  timer->Bind(wxEVT_TIMER, [this, alive, timer](wxTimerEvent&) {
    if (!alive.expired()) {
      for (auto [name, button] : {std::pair<const char*, wxButton*>{"start", start_}, {"postpone", postpone_},
                                  {"skip", skip_}}) {
        if (!button->IsShownOnScreen()) continue;
        const wxRect r = button->GetScreenRect();
        log_debug(std::string("prompt: button ") + name + " at " + std::to_string(r.x + r.width / 2) + "," +
                  std::to_string(r.y + r.height / 2));
      }
    }
    wxTheApp->CallAfter([timer] { delete timer; });
  });
  timer->StartOnce(300);
}

}  // namespace limber::tray
