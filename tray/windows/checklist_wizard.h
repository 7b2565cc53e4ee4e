// ChecklistWizard: the desk-setup checklist window. The user picks a
// checklist (desk setup, laptop, home office…), answers one item per page —
// the question, why it matters, how to fix it, the numbers and the source —
// with Yes / No / Not applicable, and ends on the score, the to-do list of
// "no" answers with their fixes, and the date of the check.
//
// Every answer goes to limberd at once (checklist.answer), so a wizard
// closed half-way keeps what was answered. Data comes from checklist.list
// and checklist.get (docs/protocol.md).
//
// Widget names (for tests and accessibility tools): "checklist_choices",
// "item_question", "answer_yes", "answer_no", "answer_na", "answer_back",
// "result_score", "result_todo", "result_last_checked".
//
// Created by show_tray_window(); UI thread only.
#pragma once

#include <wx/frame.h>

#include <string>
#include <vector>

#include "window_link.h"

class wxBoxSizer;
class wxButton;
class wxGauge;
class wxPanel;
class wxScrolledWindow;
class wxSimplebook;
class wxStaticText;

namespace limber::tray {

class ChecklistWizard final : public wxFrame {
 public:
  ChecklistWizard(wxWindow* parent, DaemonLink& link);

 private:
  struct Item {
    std::string id, area, question, why, fix, numbers, source, answer;
  };

  wxPanel* build_choose_page(wxSimplebook* book);
  wxPanel* build_item_page(wxSimplebook* book);
  wxSizer* build_answer_buttons(wxPanel* page);
  wxPanel* build_result_page(wxSimplebook* book);

  void load_checklists();
  void show_checklists(const rpc::Json& lists);
  void start(const std::string& checklist_id);
  void show_item(size_t index);
  void answer(const char* value);
  void finish();
  void show_result(const rpc::Json& checklist);
  void show_problem(const wxString& text);

  WindowLink link_;
  wxSimplebook* book_ = nullptr;

  // Choose page.
  wxScrolledWindow* choices_ = nullptr;
  wxStaticText* choose_problem_ = nullptr;

  // Item page.
  wxStaticText* progress_text_ = nullptr;
  wxGauge* progress_ = nullptr;
  wxStaticText* area_ = nullptr;
  wxStaticText* question_ = nullptr;
  wxStaticText* why_ = nullptr;
  wxStaticText* fix_ = nullptr;
  wxStaticText* numbers_heading_ = nullptr;
  wxStaticText* numbers_ = nullptr;
  wxStaticText* source_ = nullptr;
  wxStaticText* previous_ = nullptr;
  wxStaticText* item_problem_ = nullptr;
  wxButton* back_ = nullptr;
  wxPanel* item_page_ = nullptr;

  // Result page.
  wxStaticText* result_title_ = nullptr;
  wxStaticText* score_ = nullptr;
  wxStaticText* score_detail_ = nullptr;
  wxStaticText* last_checked_ = nullptr;
  wxScrolledWindow* todo_ = nullptr;

  std::string checklist_id_;
  std::string checklist_title_;
  std::vector<Item> items_;
  size_t current_ = 0;
  int pending_answers_ = 0;
  bool finish_when_answered_ = false;
};

}  // namespace limber::tray
