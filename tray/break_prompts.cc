#include "break_prompts.h"

#include <wx/display.h>

#include "break_cover_window.h"
#include "break_prompt_window.h"
#include "daemon_link.h"
#include "tray_log.h"

namespace limber::tray {

BreakPrompts::BreakPrompts(DaemonLink& link) : link_(link) {
  listener_ = link_.add_listener([this](const std::string& method, const rpc::Json& params) {
    on_event(method, params);
  });
}

BreakPrompts::~BreakPrompts() {
  link_.remove_listener(listener_);
  close("the tray is quitting");
}

void BreakPrompts::on_event(const std::string& method, const rpc::Json& params) {
  if (method == "link.connected") {
    load_strict();
  } else if (method == "link.disconnected") {
    close("the link to limberd dropped");
    dismissed_id_ = 0;
  } else if (method == "state.changed") {
    on_status(params);
  } else if (method == "break.due" || method == "break.prompt") {
    // break.prompt: limberd changed how the due break is shown (auto: the
    // user paused after a notification; a tray arrived or left).
    BreakPrompt prompt;
    if (!parse_break_prompt(params, &prompt)) return;
    if (!prompt.by_window) {
      if (window_ != nullptr && window_->break_id() == prompt.id) close("limberd shows it as a notification");
      log_debug("prompt: break " + std::to_string(prompt.id) + " is shown as a notification by limberd");
      return;
    }
    if (window_ == nullptr && prompt.id != dismissed_id_) open(prompt);
  } else if (method == "break.progress") {
    if (window_ != nullptr && params.value("id", uint64_t{0}) == window_->break_id()) {
      window_->set_progress(params.value("progress_s", int64_t{0}), params.value("duration_s", int64_t{0}),
                            params.value("counting", true));
    }
  } else if (method == "break.ended") {
    if (window_ != nullptr && params.value("id", uint64_t{0}) == window_->break_id()) {
      close(("the break ended: " + params.value("outcome", std::string("?"))).c_str());
    }
  } else if (method == "config.changed") {
    for (const rpc::Json& key : params.value("keys", rpc::Json::array())) {
      if (key == "prompt.strict") load_strict();
    }
  }
}

void BreakPrompts::on_status(const rpc::Json& status) {
  if (!status.is_object()) return;
  BreakPrompt prompt;
  if (!status.contains("due") || !parse_break_prompt(status["due"], &prompt)) {
    close("no break is due");
    return;
  }
  if (prompt.held) {
    close("quiet mode holds the break");
    return;
  }
  if (!prompt.by_window) {
    close("limberd shows it as a notification");
    return;
  }
  if (window_ != nullptr && window_->break_id() == prompt.id) {
    window_->update(prompt);
    return;
  }
  if (window_ != nullptr) close("another break is due");
  if (prompt.id != dismissed_id_) open(prompt);
}

void BreakPrompts::open(const BreakPrompt& prompt) {
  const uint64_t id = prompt.id;
  // limberd says whether the break is strict; the setting read at connect
  // covers a daemon that predates DueBreak.strict.
  const bool strict = prompt.strict || strict_;
  window_ = new BreakPromptWindow(link_, prompt, strict, [this, id] {
    // The user closed it: the break stays due, the tray icon says so.
    log_line("prompt: closed by the user; break " + std::to_string(id) + " stays due");
    window_ = nullptr;
    dismissed_id_ = id;
    for (BreakCoverWindow* cover : covers_) cover->Destroy();
    covers_.clear();
  });
  window_->present();
  if (strict) {
    const int with_prompt = wxDisplay::GetFromWindow(window_);
    for (unsigned i = 0; i < wxDisplay::GetCount(); ++i) {
      if (static_cast<int>(i) == with_prompt) continue;
      auto* cover = new BreakCoverWindow(wxDisplay(i).GetGeometry());
      cover->ShowFullScreen(true);
      covers_.push_back(cover);
    }
  }
}

void BreakPrompts::close(const char* why) {
  if (window_ != nullptr) {
    log_line(std::string("prompt: closed, ") + why);
    window_->dismiss();
    window_ = nullptr;
  }
  for (BreakCoverWindow* cover : covers_) cover->Destroy();
  covers_.clear();
}

void BreakPrompts::load_strict() {
  link_.call("config.get", rpc::Json{{"key", "prompt.strict"}}, [this](const rpc::Json& result, const rpc::Error* error) {
    // A daemon that predates the key answers kInvalidParams: gentle.
    const rpc::Json value = error == nullptr ? result.value("value", rpc::Json()) : rpc::Json();
    strict_ = value == true || value == "true";
  });
}

}  // namespace limber::tray
