// SettingsWindow: the common settings — micro and rest breaks, the daily
// limit, work hours, the prompt (whatever prompt.* keys limberd has), and
// the exercises offered — built from config.list's metadata (one
// SettingRow per key). Every change goes to limberd at once (config.set);
// a refused value is shown under its row; the window follows
// config.changed. Keys locked by policy are disabled and marked "Managed
// by your organisation", with the policy file (config.explain) in a
// tooltip.
//
// Created by show_tray_window(); UI thread only.
#pragma once

#include <wx/frame.h>

#include <memory>
#include <vector>

#include "setting_row.h"
#include "window_link.h"

class wxScrolledWindow;
class wxStaticText;

namespace limber::tray {

class SettingsWindow final : public wxFrame {
 public:
  SettingsWindow(wxWindow* parent, DaemonLink& link);
  ~SettingsWindow() override;

  // The row for `key`, or null (tests).
  SettingRow* row(const std::string& key);

 private:
  void load();
  void build(const rpc::Json& keys);
  void apply(const std::string& key, const std::string& value);
  void explain_locked();

  WindowLink link_;
  wxScrolledWindow* page_ = nullptr;
  wxStaticText* problem_ = nullptr;
  std::vector<std::unique_ptr<SettingRow>> rows_;
  std::vector<std::string> built_keys_;
  rpc::Json exercises_;
};

}  // namespace limber::tray
