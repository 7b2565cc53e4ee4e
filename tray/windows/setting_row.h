// SettingRow: one setting in the settings window — its label, the control
// that suits its type (setting_kind.h), the daemon's description, the
// "Managed by your organisation" note when a policy locks it, and an inline
// error when limberd refuses a value.
//
// A row is not a window: it owns nothing but its state; its widgets belong
// to the parent it was made in. The control is named after the key
// ("micro.interval") so tests and tools can find it.
//
// UI thread only.
#pragma once

#include <wx/string.h>

#include <functional>
#include <string>
#include <vector>

#include "limber/jsonrpc.h"
#include "setting_kind.h"

class wxCheckBox;
class wxCheckListBox;
class wxChoice;
class wxSizer;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;
class wxWindow;

namespace limber::tray {

class SettingRow {
 public:
  // Sends `value` for `key` to limberd; the row is told how it went through
  // applied() or show_error().
  using Apply = std::function<void(const std::string& key, const std::string& value)>;

  // `meta` is one entry of config.list's "keys".
  SettingRow(wxWindow* parent, const rpc::Json& meta, const wxString& label, Apply apply);

  const std::string& key() const { return key_; }
  wxSizer* sizer() const { return sizer_; }
  wxWindow* control() const { return control_; }
  bool locked() const { return locked_; }
  const std::string& value() const { return value_; }

  // A fresh config.list entry: shows its value (unless the user is editing
  // this row) and its locked state.
  void update(const rpc::Json& meta);
  // The policy file that locks the key, for the "managed" note's tooltip.
  void set_locked_by(const std::string& file);
  // The catalog (exercises.list "exercises") to choose ids from (kIdList).
  void set_exercises(const rpc::Json& exercises);
  // limberd's answer to an apply: nothing, or its error message.
  void applied();
  // `answer`: the message is limberd's answer to an apply (not a check of
  // the row's own).
  void show_error(const wxString& message, bool answer = true);

 private:
  void build_control(wxWindow* parent, const wxString& label, const std::string& expected);
  void build_word_checks(wxWindow* parent);
  void build_duration(wxWindow* parent, const std::string& expected);
  void show_value();
  void send(const std::string& value);
  // Checks the typed duration: sends it, or says beside the field why not.
  void send_duration();
  std::string checked_ids() const;

  std::string key_;
  SettingKind kind_;
  Apply apply_;
  std::string value_;
  bool locked_ = false;
  int pending_ = 0;  // applies sent and not yet answered
  long min_s_ = 0;  // kDuration: the allowed range, in seconds
  long max_s_ = 0;
  std::string shown_;  // the text the field was last given (text fields)
  bool own_error_ = false;  // the error shown is the row's own check, not limberd's

  wxSizer* sizer_ = nullptr;
  wxWindow* control_ = nullptr;
  wxCheckBox* check_ = nullptr;
  wxChoice* choice_ = nullptr;
  wxSpinCtrl* spin_ = nullptr;
  wxTextCtrl* text_ = nullptr;
  std::vector<wxCheckBox*> word_checks_;
  wxCheckListBox* id_list_ = nullptr;
  std::vector<std::string> id_list_ids_;
  std::vector<wxWindow*> enable_with_lock_;
  wxStaticText* managed_ = nullptr;
  wxStaticText* error_ = nullptr;
};

}  // namespace limber::tray
