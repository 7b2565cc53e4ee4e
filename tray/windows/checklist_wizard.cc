#include "checklist_wizard.h"

#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>

#include "window_style.h"

namespace limber::tray {

using rpc::Json;

namespace {

constexpr int kTextWidth = 600;  // DIP: a comfortable line length for the questions

std::string text_of(const Json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

wxString answer_label(const std::string& answer) {
  if (answer == "yes") return _("Yes");
  if (answer == "no") return _("No");
  if (answer == "na") return _("Not applicable");
  return wxString();
}

wxStaticText* section_heading(wxWindow* parent, const wxString& text) {
  auto* heading = new wxStaticText(parent, wxID_ANY, text);
  heading->SetFont(scaled_font(parent, 1.0, true));
  return heading;
}

}  // namespace

ChecklistWizard::ChecklistWizard(wxWindow* parent, DaemonLink& link)
    : wxFrame(parent, wxID_ANY, _(L"Desk Checklist — Limber")), link_(link) {
  SetName("limber_checklist");
  auto* root = new wxPanel(this);
  book_ = new wxSimplebook(root);
  book_->AddPage(build_choose_page(book_), _("Choose a checklist"));
  book_->AddPage(build_item_page(book_), _("Question"));
  book_->AddPage(build_result_page(book_), _("Result"));
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(book_, 1, wxEXPAND);
  root->SetSizer(sizer);

  // Escape closes, as the Close button does; answers are already saved.
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
    if (event.GetKeyCode() == WXK_ESCAPE && !event.HasAnyModifiers()) {
      Close();
      return;
    }
    event.Skip();
  });
  SetMinClientSize(FromDIP(wxSize(kTextWidth + 48, 600)));
  SetClientSize(FromDIP(wxSize(kTextWidth + 48, 640)));

  link_.listen([this](const std::string& method, const Json&) {
    if (method == "link.connected" && book_->GetSelection() == 0) load_checklists();
  });
  load_checklists();
}

wxPanel* ChecklistWizard::build_choose_page(wxSimplebook* book) {
  auto* page = new wxPanel(book);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(make_heading(page, _("Check your desk setup")), 0, wxBOTTOM, FromDIP(6));
  sizer->Add(make_paragraph(page,
                            _(L"Pick a checklist and answer one question at a time. Each answer is saved "
                              "at once; every \u201cNo\u201d goes on your to-do list with how to fix it."),
                            kTextWidth),
             0, wxBOTTOM, FromDIP(12));
  choices_ = new wxScrolledWindow(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
  choices_->SetName("checklist_choices");
  choices_->SetScrollRate(0, FromDIP(10));
  choices_->SetSizer(new wxBoxSizer(wxVERTICAL));
  sizer->Add(choices_, 1, wxEXPAND);
  choose_problem_ = make_paragraph(page, wxString(), kTextWidth);
  choose_problem_->SetForegroundColour(error_text_colour());
  sizer->Add(choose_problem_, 0, wxTOP, FromDIP(6));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->AddStretchSpacer();
  auto* close = new wxButton(page, wxID_CLOSE);
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
  buttons->Add(close);
  sizer->Add(buttons, 0, wxEXPAND | wxTOP, FromDIP(12));
  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(sizer, 1, wxEXPAND | wxALL, FromDIP(20));
  page->SetSizer(outer);
  return page;
}

wxPanel* ChecklistWizard::build_item_page(wxSimplebook* book) {
  auto* page = item_page_ = new wxPanel(book);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  progress_text_ = new wxStaticText(page, wxID_ANY, wxString());
  progress_text_->SetForegroundColour(muted_text_colour());
  sizer->Add(progress_text_, 0, wxBOTTOM, FromDIP(4));
  progress_ = new wxGauge(page, wxID_ANY, 1, wxDefaultPosition, FromDIP(wxSize(-1, 8)));
  sizer->Add(progress_, 0, wxEXPAND | wxBOTTOM, FromDIP(18));

  area_ = new wxStaticText(page, wxID_ANY, wxString());
  area_->SetFont(scaled_font(page, 0.85, true));
  area_->SetForegroundColour(muted_text_colour());
  sizer->Add(area_, 0, wxBOTTOM, FromDIP(4));
  question_ = new wxStaticText(page, wxID_ANY, wxString());
  question_->SetName("item_question");
  question_->SetFont(scaled_font(page, 1.3, true));
  sizer->Add(question_, 0, wxBOTTOM, FromDIP(16));

  sizer->Add(section_heading(page, _("Why it matters")), 0, wxBOTTOM, FromDIP(2));
  why_ = make_paragraph(page, wxString(), kTextWidth);
  sizer->Add(why_, 0, wxBOTTOM, FromDIP(12));
  sizer->Add(section_heading(page, _("How to fix it")), 0, wxBOTTOM, FromDIP(2));
  fix_ = make_paragraph(page, wxString(), kTextWidth);
  sizer->Add(fix_, 0, wxBOTTOM, FromDIP(12));
  numbers_heading_ = section_heading(page, _("The numbers"));
  sizer->Add(numbers_heading_, 0, wxBOTTOM, FromDIP(2));
  numbers_ = make_paragraph(page, wxString(), kTextWidth);
  sizer->Add(numbers_, 0, wxBOTTOM, FromDIP(12));
  source_ = make_note(page, wxString(), kTextWidth);
  sizer->Add(source_, 0, wxBOTTOM, FromDIP(4));
  previous_ = make_note(page, wxString(), kTextWidth);
  sizer->Add(previous_, 0, wxBOTTOM, FromDIP(4));
  item_problem_ = make_paragraph(page, wxString(), kTextWidth);
  item_problem_->SetForegroundColour(error_text_colour());
  sizer->Add(item_problem_, 0);
  sizer->AddStretchSpacer();

  sizer->Add(build_answer_buttons(page), 0, wxEXPAND | wxTOP, FromDIP(12));

  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(sizer, 1, wxEXPAND | wxALL, FromDIP(20));
  page->SetSizer(outer);
  return page;
}

wxPanel* ChecklistWizard::build_result_page(wxSimplebook* book) {
  auto* page = new wxPanel(book);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  result_title_ = make_heading(page, wxString());
  sizer->Add(result_title_, 0, wxBOTTOM, FromDIP(10));
  auto* score_row = new wxBoxSizer(wxHORIZONTAL);
  score_ = new wxStaticText(page, wxID_ANY, wxString());
  score_->SetName("result_score");
  score_->SetFont(scaled_font(page, 2.6, true));
  score_row->Add(score_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
  auto* score_text = new wxBoxSizer(wxVERTICAL);
  score_detail_ = make_paragraph(page, wxString(), kTextWidth - 160);
  score_text->Add(score_detail_, 0, wxBOTTOM, FromDIP(4));
  last_checked_ = make_note(page, wxString(), kTextWidth - 160);
  last_checked_->SetName("result_last_checked");
  score_text->Add(last_checked_);
  score_row->Add(score_text, 1, wxALIGN_CENTER_VERTICAL);
  sizer->Add(score_row, 0, wxEXPAND | wxBOTTOM, FromDIP(16));

  sizer->Add(section_heading(page, _("Your to-do list")), 0, wxBOTTOM, FromDIP(6));
  todo_ = new wxScrolledWindow(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
  todo_->SetName("result_todo");
  todo_->SetScrollRate(0, FromDIP(10));
  todo_->SetSizer(new wxBoxSizer(wxVERTICAL));
  sizer->Add(todo_, 1, wxEXPAND);

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* again = new wxButton(page, wxID_ANY, _("&Check another list"));
  again->SetName("result_again");
  again->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    book_->SetSelection(0);
    load_checklists();
  });
  buttons->Add(again);
  buttons->AddStretchSpacer();
  auto* close = new wxButton(page, wxID_CLOSE);
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
  buttons->Add(close);
  sizer->Add(buttons, 0, wxEXPAND | wxTOP, FromDIP(12));

  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(sizer, 1, wxEXPAND | wxALL, FromDIP(20));
  page->SetSizer(outer);
  return page;
}

void ChecklistWizard::load_checklists() {
  link_.call("checklist.list", Json::object(), [this](const Json& result, const rpc::Error* error) {
    if (error != nullptr) {
      show_problem(wxString::Format(_("Cannot load the checklists: %s"), from_utf8(error->message)));
      return;
    }
    show_problem(wxString());
    show_checklists(result.value("checklists", Json::array()));
  });
}

void ChecklistWizard::show_checklists(const Json& lists) {
  wxSizer* sizer = choices_->GetSizer();
  choices_->DestroyChildren();
  sizer->Clear();
  bool first = true;
  for (const Json& list : lists) {
    const std::string id = text_of(list, "id");
    if (!first) sizer->Add(new wxStaticLine(choices_), 0, wxEXPAND | wxTOP | wxBOTTOM, FromDIP(10));
    first = false;
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* text = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(choices_, wxID_ANY, from_utf8(text_of(list, "title")));
    title->SetFont(scaled_font(choices_, 1.1, true));
    text->Add(title, 0, wxBOTTOM, FromDIP(2));
    text->Add(make_paragraph(choices_, from_utf8(text_of(list, "summary")), kTextWidth - 150), 0,
              wxBOTTOM, FromDIP(2));
    wxString status;
    const long items = list.value("items", 0L);
    if (list.contains("last_checked") && list["last_checked"].is_string()) {
      const Json& score = list["score"];
      status = wxString::Format(_(L"%ld questions · last checked %s · score %d %%"), items,
                                format_day(list["last_checked"].get<std::string>()), score.value("percent", 0));
      if (list.value("recheck_due", false)) status += _(L" · time for a re-check");
    } else {
      status = wxString::Format(_(L"%ld questions · not checked yet"), items);
    }
    text->Add(make_note(choices_, status, kTextWidth - 150));
    row->Add(text, 1, wxALIGN_CENTER_VERTICAL);
    auto* start_button = new wxButton(choices_, wxID_ANY, _("&Start"));
    start_button->SetName("start_" + from_utf8(id));
    start_button->SetToolTip(wxString::Format(_(L"Go through \u201c%s\u201d"), from_utf8(text_of(list, "title"))));
    start_button->Bind(wxEVT_BUTTON, [this, id](wxCommandEvent&) { start(id); });
    row->Add(start_button, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(12));
    sizer->Add(row, 0, wxEXPAND | wxRIGHT, FromDIP(8));
  }
  if (lists.empty()) sizer->Add(make_note(choices_, _("limberd offers no checklists."), kTextWidth));
  choices_->FitInside();
  choices_->GetParent()->Layout();
}

void ChecklistWizard::start(const std::string& checklist_id) {
  link_.call("checklist.get", Json{{"id", checklist_id}}, [this](const Json& result, const rpc::Error* error) {
    if (error != nullptr) {
      show_problem(wxString::Format(_("Cannot load the checklist: %s"), from_utf8(error->message)));
      return;
    }
    checklist_id_ = text_of(result, "id");
    checklist_title_ = text_of(result, "title");
    items_.clear();
    for (const Json& j : result.value("items", Json::array())) {
      items_.push_back(Item{text_of(j, "id"), text_of(j, "area"), text_of(j, "question"), text_of(j, "why"),
                            text_of(j, "fix"), text_of(j, "numbers"), text_of(j, "source"), text_of(j, "answer")});
    }
    if (items_.empty()) {
      show_problem(_("This checklist has no questions."));
      return;
    }
    finish_when_answered_ = false;
    book_->SetSelection(1);
    show_item(0);
  });
}

void ChecklistWizard::show_item(size_t index) {
  current_ = index;
  const Item& item = items_[index];
  progress_text_->SetLabel(wxString::Format(_(L"%s · question %zu of %zu"), from_utf8(checklist_title_), index + 1,
                                            items_.size()));
  progress_->SetRange(static_cast<int>(items_.size()));
  progress_->SetValue(static_cast<int>(index));
  area_->SetLabel(from_utf8(item.area).Upper());
  set_wrapped_label(question_, from_utf8(item.question), kTextWidth);
  set_wrapped_label(why_, from_utf8(item.why), kTextWidth);
  set_wrapped_label(fix_, from_utf8(item.fix), kTextWidth);
  set_wrapped_label(numbers_, from_utf8(item.numbers), kTextWidth);
  numbers_heading_->Show(!item.numbers.empty());
  numbers_->Show(!item.numbers.empty());
  set_wrapped_label(source_, item.source.empty() ? wxString() : _("Source: ") + from_utf8(item.source), kTextWidth);
  set_wrapped_label(previous_,
                    item.answer.empty() ? wxString() : _("Your last answer: ") + answer_label(item.answer),
                    kTextWidth);
  item_problem_->SetLabel(wxString());
  back_->Enable(index > 0);
  item_page_->Layout();
}

void ChecklistWizard::answer(const char* value) {
  Item& item = items_[current_];
  item.answer = value;
  ++pending_answers_;
  link_.call("checklist.answer", Json{{"checklist", checklist_id_}, {"item", item.id}, {"answer", value}},
             [this](const Json&, const rpc::Error* error) {
               --pending_answers_;
               if (error != nullptr) {
                 finish_when_answered_ = false;
                 show_problem(wxString::Format(_("Your answer was not saved: %s"), from_utf8(error->message)));
                 if (book_->GetSelection() != 1) book_->SetSelection(1);
                 return;
               }
               if (finish_when_answered_ && pending_answers_ == 0) finish();
             });
  if (current_ + 1 < items_.size()) {
    show_item(current_ + 1);
  } else {
    finish();
  }
}

void ChecklistWizard::finish() {
  // The result must include every answer: wait until limberd has them all.
  if (pending_answers_ > 0) {
    finish_when_answered_ = true;
    return;
  }
  finish_when_answered_ = false;
  link_.call("checklist.get", Json{{"id", checklist_id_}}, [this](const Json& result, const rpc::Error* error) {
    if (error != nullptr) {
      show_problem(wxString::Format(_("Cannot load the result: %s"), from_utf8(error->message)));
      return;
    }
    show_result(result);
  });
}

void ChecklistWizard::show_result(const Json& checklist) {
  const Json score = checklist.value("score", Json::object());
  result_title_->SetLabel(wxString::Format(_("%s: your result"), from_utf8(text_of(checklist, "title"))));
  const int yes = score.value("yes", 0), no = score.value("no", 0);
  const int na = score.value("not_applicable", 0), open = score.value("unanswered", 0);
  score_->SetLabel(wxString::Format("%d %%", score.value("percent", 0)));
  score_->SetForegroundColour(no == 0 ? success_text_colour() : GetForegroundColour());
  wxString detail = wxString::Format(_("%d of %d answered points are right."), yes, yes + no);
  if (na > 0) detail += wxString::Format(_(" %d did not apply."), na);
  if (open > 0) detail += wxString::Format(_(" %d not answered yet."), open);
  set_wrapped_label(score_detail_, detail, kTextWidth - 160);
  const std::string last = text_of(checklist, "last_checked");
  set_wrapped_label(last_checked_, last.empty() ? _("Not checked yet.") : _("Last checked: ") + format_day(last),
                    kTextWidth - 160);

  wxSizer* sizer = todo_->GetSizer();
  todo_->DestroyChildren();
  sizer->Clear();
  const Json to_do = checklist.value("to_do", Json::array());
  int n = 0;
  for (const Json& item : to_do) {
    auto* question = new wxStaticText(todo_, wxID_ANY, wxString());
    question->SetFont(scaled_font(todo_, 1.0, true));
    set_wrapped_label(question, wxString::Format("%d. %s", ++n, from_utf8(text_of(item, "question"))),
                      kTextWidth - 20);
    sizer->Add(question, 0, wxBOTTOM, FromDIP(2));
    sizer->Add(make_paragraph(todo_, from_utf8(text_of(item, "fix")), kTextWidth - 40), 0,
               wxLEFT | wxBOTTOM, FromDIP(14));
  }
  if (to_do.empty()) {
    sizer->Add(make_paragraph(todo_, _("Nothing to do: every point that applies to you is right."), kTextWidth));
  }
  todo_->FitInside();
  book_->SetSelection(2);
  book_->GetPage(2)->Layout();
}

void ChecklistWizard::show_problem(const wxString& text) {
  set_wrapped_label(choose_problem_, text, kTextWidth);
  set_wrapped_label(item_problem_, text, kTextWidth);
  if (wxWindow* page = book_->GetCurrentPage()) page->Layout();
}

}  // namespace limber::tray
