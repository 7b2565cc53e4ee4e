#include "settings_window.h"

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/translation.h>

#include <cctype>

#include "window_style.h"

namespace limber::tray {

using rpc::Json;

namespace {

constexpr int kWidth = 620;  // DIP

struct Shown {
  const char* key;  // a key, or a prefix ending in '.' for every key under it
  const char* label;
};
struct Section {
  const char* title;
  std::vector<Shown> keys;
};

// The common settings, in the order a person looks for them. Keys limberd
// does not have are left out; the rest stay with limberctl and the file.
const std::vector<Section>& sections() {
  static const std::vector<Section> list = {
      {wxTRANSLATE("Micro-breaks"),
       {{"micro.enabled", wxTRANSLATE("Remind me to take micro-breaks")},
        {"micro.interval", wxTRANSLATE("Time between micro-breaks")},
        {"micro.duration", wxTRANSLATE("Length of a micro-break")},
        {"micro.snooze", wxTRANSLATE("Postpone a micro-break by")},
        {"micro.max_postpones", wxTRANSLATE("Times a micro-break may be postponed")},
        {"micro.allow_skip", wxTRANSLATE("Allow skipping a micro-break")}}},
      {wxTRANSLATE("Rest breaks"),
       {{"rest.enabled", wxTRANSLATE("Remind me to take rest breaks")},
        {"rest.interval", wxTRANSLATE("Time between rest breaks")},
        {"rest.duration", wxTRANSLATE("Length of a rest break")},
        {"rest.snooze", wxTRANSLATE("Postpone a rest break by")},
        {"rest.max_postpones", wxTRANSLATE("Times a rest break may be postponed")},
        {"rest.allow_skip", wxTRANSLATE("Allow skipping a rest break")}}},
      {wxTRANSLATE("Daily limit"),
       {{"daily.enabled", wxTRANSLATE("Suggest stopping after a day's active time")},
        {"daily.interval", wxTRANSLATE("Active time per day")}}},
      {wxTRANSLATE("Work hours"),
       {{"schedule.work_hours", wxTRANSLATE("Remind me during")},
        {"schedule.day_starts_at", wxTRANSLATE("A new day starts at")}}},
      {wxTRANSLATE("Do not disturb"),
       {{"dnd.fullscreen", wxTRANSLATE("Hold reminders during fullscreen applications")},
        {"dnd.inhibitors", wxTRANSLATE("Hold reminders while a video or presentation plays")},
        {"dnd.desktop", wxTRANSLATE("Follow the desktop's do-not-disturb")},
        {"dnd.calls", wxTRANSLATE("Hold reminders during calls")},
        {"dnd.", nullptr}}},
      {wxTRANSLATE("Break prompt"),
       {{"prompt.style", wxTRANSLATE("Prompt style")}, {"prompt.sound", wxTRANSLATE("Play a sound")}, {"prompt.", nullptr}}},
      {wxTRANSLATE("Exercises"),
       {{"exercises.floor", wxTRANSLATE("Offer floor exercises")},
        {"exercises.equipment", wxTRANSLATE("Equipment at my desk")},
        {"exercises.excluded", wxTRANSLATE("Never offer these exercises")},
        {"exercises.favourites", wxTRANSLATE("Offer these exercises more often")}}},
      {wxTRANSLATE("Reporting"), {{"report.", nullptr}}},
  };
  return list;
}

std::string text_of(const Json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "prompt.sound_file" → "Sound file": a readable label for a key the
// window has no words of its own for.
wxString label_from_key(const std::string& key) {
  std::string name = key.substr(key.find('.') + 1);
  for (char& c : name) {
    if (c == '_') c = ' ';
  }
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return from_utf8(name);
}

// The keys of config.list to show under `section`, with their labels.
std::vector<std::pair<const Json*, wxString>> keys_in(const Section& section, const Json& keys) {
  std::vector<std::pair<const Json*, wxString>> found;
  auto already = [&](const std::string& key) {
    for (const auto& f : found) {
      if (text_of(*f.first, "key") == key) return true;
    }
    return false;
  };
  for (const Shown& shown : section.keys) {
    const std::string wanted = shown.key;
    const bool prefix = wanted.back() == '.';
    for (const Json& meta : keys) {
      const std::string key = text_of(meta, "key");
      if (prefix ? key.rfind(wanted, 0) == 0 : key == wanted) {
        if (!already(key)) found.emplace_back(&meta, shown.label != nullptr ? wxGetTranslation(shown.label)
                                                                            : label_from_key(key));
      }
    }
  }
  return found;
}

}  // namespace

SettingsWindow::SettingsWindow(wxWindow* parent, DaemonLink& link)
    : wxFrame(parent, wxID_ANY, _(L"Settings — Limber")), link_(link) {
  SetName("limber_settings");
  auto* panel = new wxPanel(this);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* head = new wxBoxSizer(wxVERTICAL);
  head->Add(make_heading(panel, _("Settings")), 0, wxBOTTOM, FromDIP(4));
  head->Add(make_note(panel, _("Changes apply at once. Settings with a lock are managed by your organisation."),
                      kWidth));
  sizer->Add(head, 0, wxALL, FromDIP(20));
  page_ = new wxScrolledWindow(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
  page_->SetName("settings_page");
  page_->SetScrollRate(0, FromDIP(12));
  page_->SetSizer(new wxBoxSizer(wxVERTICAL));
  sizer->Add(page_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(20));
  problem_ = make_paragraph(panel, wxString(), kWidth);
  problem_->SetForegroundColour(error_text_colour());
  sizer->Add(problem_, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(20));
  sizer->Add(new wxStaticLine(panel), 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->AddStretchSpacer();
  auto* close = new wxButton(panel, wxID_CLOSE);
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
  buttons->Add(close);
  sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(12));
  panel->SetSizer(sizer);
  SetMinClientSize(FromDIP(wxSize(560, 480)));
  SetClientSize(FromDIP(wxSize(kWidth + 60, 720)));

  link_.listen([this](const std::string& method, const Json&) {
    if (method == "config.changed" || method == "link.connected") load();
  });
  load();
}

SettingsWindow::~SettingsWindow() = default;

SettingRow* SettingsWindow::row(const std::string& key) {
  for (const auto& r : rows_) {
    if (r->key() == key) return r.get();
  }
  return nullptr;
}

void SettingsWindow::load() {
  link_.call("exercises.list", Json::object(), [this](const Json& result, const rpc::Error* error) {
    if (error != nullptr) return;  // the list stays empty; config.list reports the link's trouble
    exercises_ = result.value("exercises", Json::array());
    for (const char* key : {"exercises.excluded", "exercises.favourites"}) {
      if (SettingRow* r = row(key)) r->set_exercises(exercises_);
    }
  });
  link_.call("config.list", Json::object(), [this](const Json& result, const rpc::Error* error) {
    if (error != nullptr) {
      set_wrapped_label(problem_, _("Cannot load the settings: ") + from_utf8(error->message), kWidth);
      GetChildren().front()->Layout();
      return;
    }
    set_wrapped_label(problem_, wxString(), kWidth);
    build(result.value("keys", Json::array()));
  });
}

void SettingsWindow::build(const Json& keys) {
  std::vector<std::string> key_names;
  for (const Section& section : sections()) {
    for (const auto& [meta, label] : keys_in(section, keys)) key_names.push_back(text_of(*meta, "key"));
  }
  if (key_names == built_keys_) {
    // Same settings as before: only values and locks change.
    for (const Json& meta : keys) {
      if (SettingRow* r = row(text_of(meta, "key"))) r->update(meta);
    }
    explain_locked();
    return;
  }
  built_keys_ = key_names;
  rows_.clear();
  page_->DestroyChildren();
  wxSizer* sizer = page_->GetSizer();
  sizer->Clear();
  bool first = true;
  for (const Section& section : sections()) {
    const auto shown = keys_in(section, keys);
    if (shown.empty()) continue;
    if (!first) sizer->Add(new wxStaticLine(page_), 0, wxEXPAND | wxTOP | wxBOTTOM, FromDIP(14));
    first = false;
    auto* title = new wxStaticText(page_, wxID_ANY, wxGetTranslation(section.title));
    title->SetFont(scaled_font(page_, 1.1, true));
    sizer->Add(title, 0, wxBOTTOM, FromDIP(10));
    for (const auto& [meta, label] : shown) {
      auto r = std::make_unique<SettingRow>(page_, *meta, label, [this](const std::string& key, const std::string& value) {
        apply(key, value);
      });
      sizer->Add(r->sizer(), 0, wxEXPAND | wxBOTTOM | wxRIGHT, FromDIP(12));
      if (r->key().rfind("exercises.", 0) == 0 && exercises_.is_array()) r->set_exercises(exercises_);
      rows_.push_back(std::move(r));
    }
  }
  page_->FitInside();
  page_->Layout();
  explain_locked();
}

void SettingsWindow::apply(const std::string& key, const std::string& value) {
  link_.call("config.set", Json{{"key", key}, {"value", value}},
             [this, key](const Json&, const rpc::Error* error) {
               SettingRow* r = row(key);
               if (r == nullptr) return;
               if (error == nullptr) {
                 r->applied();
               } else if (error->code == rpc::kManaged) {
                 r->show_error(_("Managed by your organisation: this value cannot be changed here."));
               } else {
                 r->show_error(from_utf8(error->message));
               }
               page_->FitInside();
             });
}

void SettingsWindow::explain_locked() {
  for (const auto& r : rows_) {
    if (!r->locked()) continue;
    const std::string key = r->key();
    link_.call("config.explain", Json{{"key", key}}, [this, key](const Json& result, const rpc::Error* error) {
      if (SettingRow* found = row(key); found != nullptr && error == nullptr) {
        found->set_locked_by(text_of(result, "locked_by"));
      }
    });
  }
}

}  // namespace limber::tray
