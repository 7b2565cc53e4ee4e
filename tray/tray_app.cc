#include "tray_app.h"

#include <glib-unix.h>

#include <wx/image.h>
#include <wx/log.h>

#include <csignal>
#include <cstdlib>

#include "break_prompts.h"
#include "daemon_connection.h"
#include "single_instance.h"
#include "status_window.h"
#include "tray_log.h"
#include "tray_menu.h"
#include "tray_presence.h"
#include "tray_translations.h"

namespace limber::tray {

namespace {

TrayOptions g_options;
int g_exit_status = -1;

// The countdown in the tooltip moves while the user works, but limberd
// only notifies on changes: ask again this often.
constexpr int kRefreshMs = 15000;

}  // namespace

void set_tray_options(TrayOptions options) { g_options = std::move(options); }
int tray_exit_status() { return g_exit_status; }

TrayApp::TrayApp() = default;
TrayApp::~TrayApp() = default;

bool TrayApp::OnInit() {
  set_debug_logging(g_options.debug);
  const char* xdg = std::getenv("XDG_RUNTIME_DIR");
  if (xdg == nullptr || xdg[0] != '/') {
    log_line("XDG_RUNTIME_DIR is not set (or not absolute): cannot find limberd");
    g_exit_status = 1;
    return false;
  }
  runtime_dir_ = std::string(xdg) + "/limber";

  instance_ = std::make_unique<SingleInstance>(runtime_dir_);
  std::string err;
  if (!instance_->acquire(&err)) {
    if (!err.empty()) {
      log_line(err);
      g_exit_status = 1;
      return false;
    }
    log_line(instance_->knock() ? "another limber-tray is running: asked it to show its window"
                                : "another limber-tray is running (it did not answer)");
    g_exit_status = 0;
    return false;
  }

  load_tray_translations(g_options.language, g_options.locale_dir);
  wxInitAllImageHandlers();
  SetExitOnFrameDelete(false);  // the status window only hides; quit is explicit
  // Quit cleanly on SIGTERM/SIGINT (logout, systemd, tests).
  for (int signo : {SIGTERM, SIGINT}) {
    g_unix_signal_add(signo, [](gpointer) -> gboolean {
      wxTheApp->ExitMainLoop();
      return G_SOURCE_CONTINUE;
    }, nullptr);
  }

  const std::string socket = g_options.socket_path.empty() ? runtime_dir_ + "/limberd.sock" : g_options.socket_path;
  link_ = std::make_unique<DaemonConnection>(socket, std::string("limber-tray/") + LIMBER_VERSION);
  menu_ = std::make_unique<TrayMenu>(
      *link_, [this] { window_->bring_forward(); }, [this] { quit(); });
  window_ = new StatusWindow([this] { return menu_->items(status_); });
  std::string why;
  presence_ = make_tray_presence(g_options.presence, *window_, runtime_dir_, &why);
  log_line("showing the tray as " + std::string(presence_->kind()) + " (" + why + ")");
  prompts_ = std::make_unique<BreakPrompts>(*link_);

  if (!instance_->listen([this] { window_->bring_forward(); }, &err)) log_line(err);
  link_->add_listener([this](const std::string& method, const rpc::Json& params) { on_link_event(method, params); });
  refresh_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { refresh_status(); });
  refresh_timer_.Start(kRefreshMs);

  show_status(disconnected_status());
  log_line("looking for limberd at " + socket);
  link_->start();
  return true;
}

int TrayApp::OnExit() {
  refresh_timer_.Stop();
  prompts_.reset();
  presence_.reset();
  link_.reset();
  instance_.reset();
  return wxApp::OnExit();
}

void TrayApp::on_link_event(const std::string& method, const rpc::Json& params) {
  if (method == "link.connected") {
    log_line("connected to limberd");
    refresh_status();
  } else if (method == "link.disconnected") {
    log_line("disconnected from limberd (" + params.value("reason", std::string()) + "); retrying every second");
    show_status(disconnected_status());
  } else if (method == "state.changed") {
    show_status(tray_status_from(params));
  }
}

void TrayApp::refresh_status() {
  if (!link_->connected()) return;
  link_->call("status", rpc::Json::object(), [this](const rpc::Json& result, const rpc::Error* error) {
    if (error != nullptr) return;  // a drop is reported by link.disconnected
    show_status(tray_status_from(result));
    prompts_->on_status(result);
  });
}

void TrayApp::show_status(const TrayStatus& status) {
  const bool changed = status.summary != status_.summary || status.icon != status_.icon;
  status_ = status;
  const auto items = menu_->items(status_);
  window_->show_status(status_, items);
  presence_->show(status_, items);
  if (changed) log_debug("status: " + std::string(icon_name(status.icon)) + ": " + status.summary.utf8_string());
}

void TrayApp::quit() {
  log_line("quitting (limberd keeps running)");
  window_->Destroy();
  ExitMainLoop();
}

}  // namespace limber::tray
