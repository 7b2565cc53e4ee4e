#include "setting_row.h"

#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/window.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "limber/duration.h"
#include "window_style.h"

namespace limber::tray {

using rpc::Json;

namespace {

constexpr int kDescriptionWidth = 360;  // DIP
constexpr int kRowWidth = 600;          // DIP

std::string text_of(const Json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

long seconds_of(const std::string& text) {
  Duration d{};
  if (!parse_duration(text, &d, nullptr)) return -1;
  return static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(d).count());
}

// The bounds in "a duration like "20m" from 1m to 4h", in seconds.
void duration_bounds(const std::string& expected, long* lo, long* hi) {
  *lo = 0;
  *hi = 24 * 3600;
  const size_t from = expected.rfind(" from ");
  const size_t to = expected.rfind(" to ");
  if (from == std::string::npos || to == std::string::npos || to < from) return;
  const long a = seconds_of(expected.substr(from + 6, to - from - 6));
  const long b = seconds_of(expected.substr(to + 4));
  if (a >= 0) *lo = a;
  if (b >= 0) *hi = b;
}

bool contains(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

SettingRow::SettingRow(wxWindow* parent, const Json& meta, const wxString& label, Apply apply)
    : key_(text_of(meta, "key")), kind_(setting_kind_from_expected(text_of(meta, "expected"))), apply_(std::move(apply)) {
  auto* column = new wxBoxSizer(wxVERTICAL);
  sizer_ = column;
  build_control(parent, label, text_of(meta, "expected"));

  const wxString description = from_utf8(text_of(meta, "description"));
  wxStaticText* note = make_note(parent, description,
                                 kind_.control == SettingControl::kCheckBox || kind_.control == SettingControl::kIdList
                                     ? kRowWidth
                                     : kDescriptionWidth);
  note->SetFont(scaled_font(parent, 0.9, false));

  if (kind_.control == SettingControl::kCheckBox) {
    column->Add(check_, 0, wxBOTTOM, parent->FromDIP(2));
    column->Add(note, 0, wxLEFT, parent->FromDIP(26));
  } else if (kind_.control == SettingControl::kIdList || kind_.control == SettingControl::kWordChecks) {
    auto* title = new wxStaticText(parent, wxID_ANY, label);
    column->Add(title, 0, wxBOTTOM, parent->FromDIP(2));
    column->Add(note, 0, wxBOTTOM, parent->FromDIP(6));
    if (id_list_ != nullptr) {
      column->Add(id_list_, 0, wxEXPAND);
    } else {
      auto* checks = new wxBoxSizer(wxHORIZONTAL);
      for (wxCheckBox* c : word_checks_) checks->Add(c, 0, wxRIGHT, parent->FromDIP(18));
      column->Add(checks);
    }
  } else {
    auto* line = new wxBoxSizer(wxHORIZONTAL);
    auto* text = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(parent, wxID_ANY, label);
    text->Add(title, 0, wxBOTTOM, parent->FromDIP(2));
    text->Add(note);
    line->Add(text, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, parent->FromDIP(12));
    auto* control_box = new wxBoxSizer(wxHORIZONTAL);
    control_box->Add(control_, 0, wxALIGN_CENTER_VERTICAL);
    line->Add(control_box, 0, wxALIGN_CENTER_VERTICAL);
    column->Add(line, 0, wxEXPAND);
    control_->SetToolTip(label);
  }

  managed_ = new wxStaticText(parent, wxID_ANY, _("Managed by your organisation"));
  managed_->SetName(from_utf8(key_ + ".managed"));
  managed_->SetFont(scaled_font(parent, 0.9, true));
  managed_->SetForegroundColour(muted_text_colour());
  column->Add(managed_, 0, wxTOP, parent->FromDIP(4));
  error_ = new wxStaticText(parent, wxID_ANY, wxString());
  error_->SetName(from_utf8(key_ + ".error"));
  error_->SetForegroundColour(error_text_colour());
  column->Add(error_, 0, wxTOP, parent->FromDIP(4));
  managed_->Hide();
  error_->Hide();
  update(meta);
}

void SettingRow::build_control(wxWindow* parent, const wxString& label, const std::string& expected) {
  const wxString name = from_utf8(key_);
  switch (kind_.control) {
    case SettingControl::kCheckBox:
      check_ = new wxCheckBox(parent, wxID_ANY, label);
      check_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { send(check_->GetValue() ? "true" : "false"); });
      control_ = check_;
      break;
    case SettingControl::kChoice: {
      choice_ = new wxChoice(parent, wxID_ANY);
      for (const std::string& c : kind_.choices) choice_->Append(from_utf8(c));
      choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int i = choice_->GetSelection();
        if (i >= 0) send(kind_.choices[static_cast<size_t>(i)]);
      });
      control_ = choice_;
      break;
    }
    case SettingControl::kWordChecks:
      build_word_checks(parent);
      control_ = word_checks_.empty() ? nullptr : word_checks_.front();
      break;
    case SettingControl::kIdList:
      id_list_ = new wxCheckListBox(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(-1, 150)));
      id_list_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent&) { send(checked_ids()); });
      control_ = id_list_;
      break;
    case SettingControl::kDuration:
      build_duration(parent, expected);
      control_ = text_;
      break;
    case SettingControl::kInteger: {
      spin_ = new wxSpinCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, parent->FromDIP(wxSize(130, -1)),
                             wxSP_ARROW_KEYS | wxTE_PROCESS_ENTER, static_cast<int>(kind_.min_int),
                             static_cast<int>(kind_.max_int));
      spin_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { send(std::to_string(spin_->GetValue())); });
      control_ = spin_;
      break;
    }
    case SettingControl::kText:
      text_ = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, parent->FromDIP(wxSize(220, -1)),
                             wxTE_PROCESS_ENTER);
      text_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { send(to_utf8(text_->GetValue())); });
      text_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        if (to_utf8(text_->GetValue()) != shown_) send(to_utf8(text_->GetValue()));
        e.Skip();
      });
      control_ = text_;
      break;
  }
  // Word checks are named one by one ("exercises.equipment.band").
  if (control_ != nullptr && kind_.control != SettingControl::kWordChecks) {
    control_->SetName(name);
    enable_with_lock_.push_back(control_);
  }
}

// One check box per word (exercises.equipment: band, wall…), named one by one.
void SettingRow::build_word_checks(wxWindow* parent) {
    for (const std::string& c : kind_.choices) {
      auto* box = new wxCheckBox(parent, wxID_ANY, from_utf8(c));
      box->SetName(from_utf8(key_ + "." + c));
      box->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        std::vector<std::string> words;
        for (size_t i = 0; i < word_checks_.size(); ++i) {
          if (word_checks_[i]->GetValue()) words.push_back(kind_.choices[i]);
        }
        send(join_word_list(words));
      });
      word_checks_.push_back(box);
      enable_with_lock_.push_back(box);
    }
}

// Typed in natural units ("5 min", "1 h 30 min") and checked here: a spin
// box turned "abc" into its minimum and saved that.
void SettingRow::build_duration(wxWindow* parent, const std::string& expected) {
  duration_bounds(expected, &min_s_, &max_s_);
  text_ = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, parent->FromDIP(wxSize(130, -1)),
                         wxTE_PROCESS_ENTER);
  text_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { send_duration(); });
  text_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
    send_duration();
    e.Skip();
  });
}

void SettingRow::update(const Json& meta) {
  locked_ = meta.value("locked", false);
  for (wxWindow* w : enable_with_lock_) w->Enable(!locked_);
  if (managed_->IsShown() != locked_) {
    managed_->Show(locked_);
    managed_->GetParent()->Layout();
  }
  // A value the user is typing, or one whose change limberd has not yet
  // answered, is not overwritten by an older state.
  const bool editing = pending_ > 0 || (text_ != nullptr && text_->HasFocus() && to_utf8(text_->GetValue()) != shown_);
  value_ = text_of(meta, "value");
  if (!editing) show_value();
}

void SettingRow::show_value() {
  switch (kind_.control) {
    case SettingControl::kCheckBox: check_->SetValue(value_ == "true"); break;
    case SettingControl::kChoice: {
      const auto it = std::find(kind_.choices.begin(), kind_.choices.end(), value_);
      choice_->SetSelection(it == kind_.choices.end() ? wxNOT_FOUND : static_cast<int>(it - kind_.choices.begin()));
      break;
    }
    case SettingControl::kWordChecks: {
      const std::vector<std::string> words = split_word_list(value_);
      for (size_t i = 0; i < word_checks_.size(); ++i) word_checks_[i]->SetValue(contains(words, kind_.choices[i]));
      break;
    }
    case SettingControl::kIdList: {
      const std::vector<std::string> ids = split_word_list(value_);
      for (size_t i = 0; i < id_list_ids_.size(); ++i) {
        id_list_->Check(static_cast<unsigned>(i), contains(ids, id_list_ids_[i]));
      }
      break;
    }
    case SettingControl::kDuration: {
      Duration d{};
      text_->ChangeValue(parse_duration(value_, &d, nullptr) ? from_utf8(format_duration_natural(d))
                                                             : from_utf8(value_));
      break;
    }
    case SettingControl::kInteger: spin_->SetValue(static_cast<int>(std::strtol(value_.c_str(), nullptr, 10))); break;
    case SettingControl::kText: text_->ChangeValue(from_utf8(value_)); break;
  }
  if (text_ != nullptr) shown_ = to_utf8(text_->GetValue());
}

void SettingRow::send_duration() {
  const std::string typed = to_utf8(text_->GetValue());
  if (typed == shown_) return;  // nothing changed (focus passing through)
  Duration d{};
  std::string err;
  if (!parse_duration_natural(typed, &d, &err)) {
    show_error(from_utf8(err), false);
    return;
  }
  const long s = static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(d).count());
  if (s < min_s_ || s > max_s_) {
    show_error(wxString::Format(_("Choose a time from %s to %s."),
                                from_utf8(format_duration_natural(std::chrono::seconds(min_s_))),
                                from_utf8(format_duration_natural(std::chrono::seconds(max_s_)))),
               false);
    return;
  }
  send(format_duration(d));
}

void SettingRow::set_locked_by(const std::string& file) {
  const wxString tip = file.empty() ? _("A policy file of your organisation sets this value.")
                                    : wxString::Format(_("Set by the policy file %s"), from_utf8(file));
  managed_->SetToolTip(tip);
  if (control_ != nullptr) control_->SetToolTip(tip);
}

void SettingRow::set_exercises(const Json& exercises) {
  if (id_list_ == nullptr) return;
  std::vector<std::pair<std::string, std::string>> by_name;  // name, id
  for (const Json& e : exercises) by_name.emplace_back(text_of(e, "name"), text_of(e, "id"));
  std::sort(by_name.begin(), by_name.end());
  id_list_->Clear();
  id_list_ids_.clear();
  for (const auto& [name, id] : by_name) {
    id_list_->Append(from_utf8(name));
    id_list_ids_.push_back(id);
  }
  show_value();
}

std::string SettingRow::checked_ids() const {
  // Ids in the value that the catalog does not list (any more) are kept.
  std::vector<std::string> ids;
  for (const std::string& id : split_word_list(value_)) {
    if (!contains(id_list_ids_, id)) ids.push_back(id);
  }
  for (size_t i = 0; i < id_list_ids_.size(); ++i) {
    if (id_list_->IsChecked(static_cast<unsigned>(i))) ids.push_back(id_list_ids_[i]);
  }
  return join_word_list(ids);
}

void SettingRow::send(const std::string& value) {
  if (locked_) return;
  own_error_ = false;
  ++pending_;
  apply_(key_, value);
}

void SettingRow::applied() {
  if (pending_ > 0) --pending_;
  // A late answer to an earlier value does not clear the row's own check.
  if (error_->IsShown() && !own_error_) {
    error_->Hide();
    error_->GetParent()->Layout();
  }
}

void SettingRow::show_error(const wxString& message, bool answer) {
  if (answer && pending_ > 0) --pending_;
  own_error_ = !answer;
  error_->SetLabel(message);
  error_->Wrap(error_->FromDIP(kRowWidth));
  error_->Show();
  error_->GetParent()->Layout();
}

}  // namespace limber::tray
