// The checklist wizard's answer buttons (checklist_wizard.h).
#include <wx/button.h>
#include <wx/panel.h>
#include <wx/sizer.h>

#include "checklist_wizard.h"

namespace limber::tray {

// Back, Finish later, and the three answers.
wxSizer* ChecklistWizard::build_answer_buttons(wxPanel* page) {
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  back_ = new wxButton(page, wxID_BACKWARD, _("&Back"));
  back_->SetName("answer_back");
  back_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (current_ > 0) show_item(current_ - 1);
  });
  buttons->Add(back_, 0, wxRIGHT, FromDIP(6));
  auto* later = new wxButton(page, wxID_ANY, _("&Finish later"));
  later->SetName("answer_finish_later");
  later->SetToolTip(_("Answers given so far are saved; the score counts only answered questions."));
  later->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { finish(); });
  buttons->Add(later);
  buttons->AddStretchSpacer();
  struct AnswerButton {
    const char* value;
    const char* name;
    wxString label;
    wxString help;
  };
  const AnswerButton answers[] = {
      {"na", "answer_na", _("&Not applicable"), _("This does not apply to how you work.")},
      {"no", "answer_no", _("N&o"), _("Not yet: it goes on your to-do list.")},
      {"yes", "answer_yes", _("&Yes"), _("Your setup is right on this point.")},
  };
  for (const AnswerButton& a : answers) {
    auto* button = new wxButton(page, wxID_ANY, a.label);
    button->SetName(a.name);
    button->SetToolTip(a.help);
    const char* value = a.value;
    button->Bind(wxEVT_BUTTON, [this, value](wxCommandEvent&) { answer(value); });
    buttons->Add(button, 0, wxLEFT, FromDIP(6));
  }
  return buttons;
}

}  // namespace limber::tray
