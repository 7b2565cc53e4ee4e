// AboutWindow: "About and privacy" — Limber's version, what it records,
// what it never records, where the history is kept, and what (if anything)
// is reported to the organisation. The wording follows docs/privacy.md;
// change both together.
//
// Reporting is read from limberd (report.get): when the organisation's
// policy turned fleet reporting on, the window names the policy file and
// shows, readably, exactly the report limberd writes; otherwise it says
// nothing is reported.
//
// Widget names: "about_version", "about_records", "about_never",
// "about_reporting", "about_history_path".
//
// Created by show_tray_window(); UI thread only.
#pragma once

#include <wx/frame.h>
#include <wx/sizer.h>

#include "window_link.h"

class wxStaticText;

namespace limber::tray {

class AboutWindow final : public wxFrame {
 public:
  AboutWindow(wxWindow* parent, DaemonLink& link);

 private:
  void add_privacy_sections(wxWindow* page, wxSizer* sizer);
  void load();
  void show_reporting(const rpc::Json& report);

  WindowLink link_;
  wxStaticText* reporting_ = nullptr;
  wxStaticText* history_path_ = nullptr;
};

}  // namespace limber::tray
