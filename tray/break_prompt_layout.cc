// BreakPromptWindow's layout (break_prompt_window.h): the controls, built once.
#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/hyperlink.h>
#include <wx/panel.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include "break_prompt_layout.h"
#include "break_prompt_window.h"

namespace limber::tray {

void BreakPromptWindow::build() {
  panel_ = new wxPanel(this);
  const int gap = FromDIP(12);
  auto* column = new wxBoxSizer(wxVERTICAL);

  heading_ = new wxStaticText(panel_, wxID_ANY, break_heading(prompt_.kind));
  heading_->SetFont(heading_->GetFont().Scaled(1.45f).Bold());
  subheading_ = new wxStaticText(panel_, wxID_ANY, wxString());
  subheading_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  column->Add(heading_, 0, wxBOTTOM, FromDIP(2));
  column->Add(subheading_, 0, wxBOTTOM, gap + FromDIP(4));

  build_exercise(column, gap);
  build_footer(column, gap);

  auto* outer = new wxBoxSizer(wxVERTICAL);
  if (strict_) {
    // Full screen: the same content, centred.
    outer->AddStretchSpacer();
    outer->Add(column, 0, wxALIGN_CENTER_HORIZONTAL);
    outer->AddStretchSpacer();
  } else {
    outer->Add(column, 1, wxEXPAND | wxALL, FromDIP(20));
  }
  panel_->SetSizer(outer);
  auto* frame_sizer = new wxBoxSizer(wxVERTICAL);
  frame_sizer->Add(panel_, 1, wxEXPAND);
  SetSizer(frame_sizer);
}

// The exercise: its picture, name, steps and, for a routine, previous / next.
void BreakPromptWindow::build_exercise(wxBoxSizer* column, int gap) {
  auto* exercise = new wxBoxSizer(wxHORIZONTAL);
  illustration_ = new wxStaticBitmap(panel_, wxID_ANY, illustration_for({}));
  frames_ = std::make_unique<ExerciseFramesView>(illustration_, wxSize(kIllustrationSize, kIllustrationSize));
  exercise->Add(illustration_, 0, wxALIGN_TOP | wxRIGHT, gap + FromDIP(6));
  auto* text = new wxBoxSizer(wxVERTICAL);
  exercise_name_ = new wxStaticText(panel_, wxID_ANY, wxString());
  exercise_name_->SetFont(exercise_name_->GetFont().Scaled(1.15f).Bold());
  text->Add(exercise_name_, 0, wxBOTTOM, FromDIP(8));
  steps_ = new wxBoxSizer(wxVERTICAL);
  text->Add(steps_, 0, wxEXPAND);
  repetitions_ = new wxStaticText(panel_, wxID_ANY, wxString());
  repetitions_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  text->Add(repetitions_, 0, wxTOP, FromDIP(6));
  text->SetMinSize(FromDIP(wxSize(kTextWidth, kIllustrationSize)));
  exercise->Add(text, 1, wxEXPAND);
  column->Add(exercise, 0, wxEXPAND);

  // A rest break's routine: previous / next.
  auto* routine = new wxBoxSizer(wxHORIZONTAL);
  previous_ = new wxButton(panel_, wxID_ANY, _("‹ Pre&vious"));
  next_ = new wxButton(panel_, wxID_ANY, _("&Next ›"));
  routine->Add(previous_, 0, wxRIGHT, FromDIP(6));
  routine->Add(next_);
  column->Add(routine, 0, wxTOP, gap);
  previous_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (shown_exercise_ > 0) show_exercise(shown_exercise_ - 1);
  });
  next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_exercise(shown_exercise_ + 1); });
  const bool routine_shown = prompt_.exercises.size() > 1;
  previous_->Show(routine_shown);
  next_->Show(routine_shown);
}

// The countdown, the health notice, errors and the actions.
void BreakPromptWindow::build_footer(wxBoxSizer* column, int gap) {
  gauge_ = new wxGauge(panel_, wxID_ANY, 100, wxDefaultPosition, FromDIP(wxSize(-1, 10)));
  gauge_->SetName(_("Break progress"));
  column->Add(gauge_, 0, wxEXPAND | wxTOP, gap + FromDIP(4));
  countdown_ = new wxStaticText(panel_, wxID_ANY, wxString());
  column->Add(countdown_, 0, wxTOP, FromDIP(4));

  auto* health = new wxBoxSizer(wxHORIZONTAL);
  notice_ = new wxStaticText(panel_, wxID_ANY, wxString());
  notice_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  notice_->SetFont(notice_->GetFont().Scaled(0.9f));
  symptoms_ = new wxHyperlinkCtrl(panel_, wxID_ANY, _("Symptoms?"), wxString());
  symptoms_->SetFont(symptoms_->GetFont().Scaled(0.9f));
  symptoms_->Bind(wxEVT_HYPERLINK, [this](wxHyperlinkEvent&) { show_symptoms(); });
  health->Add(notice_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
  health->Add(symptoms_, 0, wxALIGN_CENTER_VERTICAL);
  column->Add(health, 0, wxEXPAND | wxTOP, gap);

  error_ = new wxStaticText(panel_, wxID_ANY, wxString());
  error_->SetForegroundColour(wxColour(0xc0, 0x39, 0x2b));
  column->Add(error_, 0, wxTOP, FromDIP(4));
  error_->Hide();

  auto* actions = new wxBoxSizer(wxHORIZONTAL);
  skip_ = new wxButton(panel_, wxID_ANY, _("&Skip"));
  postpone_ = new wxButton(panel_, wxID_ANY, _("&Postpone"));
  start_ = new wxButton(panel_, wxID_ANY, _("&Start"));
  actions->Add(skip_);
  actions->AddStretchSpacer();
  actions->Add(postpone_, 0, wxRIGHT, FromDIP(8));
  actions->Add(start_);
  column->Add(actions, 0, wxEXPAND | wxTOP, gap);
  skip_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { answer("break.skip"); });
  postpone_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { answer("break.postpone"); });
  start_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { answer("break.start"); });
}

}  // namespace limber::tray
