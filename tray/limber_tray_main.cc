// limber-tray: command line, then the wx application (TrayApp).
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "tray_app.h"

#define LIMBER_NO_GETTEXT_MACROS  // wx's _() is the tray's
#include "limber/i18n.h"

wxIMPLEMENT_APP_NO_MAIN(limber::tray::TrayApp);

namespace {

constexpr const char* kUsage = R"(Usage: limber-tray [OPTION]...
Limber's tray app: shows when the next break is due, prompts with an
illustrated exercise when it is, and opens the desk checklist, statistics
and settings. It is a view over limberd, the Limber daemon, which keeps
reminding (through desktop notifications) when no tray runs.

Options:
      --presence HOW   appindicator, xembed or window (default: auto, which
                       uses a StatusNotifierItem when the desktop has a
                       StatusNotifierWatcher, else an XEmbed tray icon, else
                       a status window)
      --socket PATH    limberd's socket (default:
                       $XDG_RUNTIME_DIR/limber/limberd.sock)
      --debug          log more (to stderr)
  -h, --help           show this help and exit
  -V, --version        show the version and exit

Starting limber-tray while it already runs shows the running one's status
window. Exit status: 0 on quit (also when another instance was running),
1 when it could not start, 2 on a usage error.
)";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "limber-tray: %s\nTry 'limber-tray --help' for more information.\n", message.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  limber::tray::TrayOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&](std::string_view name, std::string* out) {
      if (arg.size() > name.size() && arg.substr(0, name.size()) == name && arg[name.size()] == '=') {
        *out = std::string(arg.substr(name.size() + 1));
        return true;
      }
      if (arg != name) return false;
      if (i + 1 >= argc) {
        *out = "\x01";  // marks a missing value
        return true;
      }
      *out = argv[++i];
      return true;
    };
    std::string v;
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (arg == "-V" || arg == "--version") {
      std::printf("limber-tray %s\n", LIMBER_VERSION);
      return 0;
    }
    if (arg == "--debug") {
      options.debug = true;
    } else if (value("--presence", &v)) {
      if (v != "auto" && v != "appindicator" && v != "xembed" && v != "window") {
        return usage_error("--presence must be auto, appindicator, xembed or window");
      }
      options.presence = v;
    } else if (value("--socket", &v)) {
      if (v == "\x01" || v.empty()) return usage_error("--socket needs a path");
      options.socket_path = v;
    } else {
      return usage_error("unknown option '" + std::string(arg) + "'");
    }
  }
  // wx converts the UTF-8 strings in the source ("…", "—") with the C
  // library's locale; in the "C" locale (a bare session, the tests) they
  // would come out empty. start_i18n() keeps the user's locale but makes
  // its character set UTF-8, for us and for GTK, which sets it again.
  options.language = limber::start_i18n();
  options.locale_dir = limber::limber_locale_dir();
  limber::tray::set_tray_options(options);
  // The tray draws nothing with OpenGL, but GTK 3 opens GLX at start-up to
  // pick visuals, which maps the GL driver (with Mesa: libLLVM, ~50 MiB
  // resident). Turning GDK's GL off halves the tray's memory; a user who
  // sets GDK_GL themselves keeps their value.
  ::setenv("GDK_GL", "disable", 0);
  // wxEntry creates and runs TrayApp (and deletes it before returning).
  const int status = wxEntry(argc, argv);
  const int ours = limber::tray::tray_exit_status();
  return ours >= 0 ? ours : status;
}
