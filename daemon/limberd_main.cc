// limberd: command line, one-instance lock, and (without --foreground) the
// detach from the terminal. The daemon itself is Limberd (limberd.h).
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "limber/i18n.h"
#include "limberd.h"
#include "log.h"
#include "runtime_dir.h"
#include "store/history_path.h"

#ifndef LIMBER_VERSION
#define LIMBER_VERSION "unknown"
#endif

namespace {

using namespace limber;

constexpr const char* kUsage = R"(Usage: limberd [OPTION]...
Limber's per-user daemon: watches whether you are at the keyboard, decides
when a micro-break or a rest break is due, and keeps the history of breaks.
The tray (limber-tray) and limberctl show and control what it decides.

Options:
  -c, --config FILE      read FILE instead of ~/.config/limber/limber.toml
                         (site defaults in /etc/limber/limber.toml and the
                         managed policies in /etc/limber/policy.d still apply)
  -f, --foreground       stay attached to the terminal and log to stderr
                         (implied when started by systemd)
      --log-level LEVEL  error, warning, notice, info (default) or debug
      --demo             short break rules (a micro-break within 30 s) and a
                         separate demo history, for a first look; without a
                         working activity source a pretend user types
      --source NAME      activity source: auto, mutter, wayland, x11
                         (overrides activity.source; "demo" with --demo)
      --time-scale N     run the daemon's clocks N times faster (tests, demos)
  -h, --help             show this help and exit
  -V, --version          show the version and exit

Without --foreground, limberd detaches once it is ready and logs to
$XDG_STATE_HOME/limber/limberd.log. Signals: SIGTERM or SIGINT stop it (the
break timers are saved), SIGHUP reloads the configuration.

Exit status: 0 after a clean stop, 1 when it could not start (another
limberd is running, or no activity source works), 2 on a usage error.
)";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "limberd: %s\nTry 'limberd --help' for more information.\n", message.c_str());
  return 2;
}

// Forks; the parent waits until the child is ready (exit 0) or has failed
// (the child's status). Returns in the child with *ready_fd to signal on.
void detach(int* ready_fd) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    std::perror("limberd: pipe");
    std::exit(1);
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    std::perror("limberd: fork");
    std::exit(1);
  }
  if (pid > 0) {
    ::close(fds[1]);
    char byte = 0;
    if (::read(fds[0], &byte, 1) == 1) std::exit(0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    std::exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
  }
  ::close(fds[0]);
  ::setsid();
  const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null >= 0) {
    ::dup2(null, STDIN_FILENO);
    ::dup2(null, STDOUT_FILENO);
    ::close(null);
  }
  *ready_fd = fds[1];
}

// Once ready: tell the waiting parent and move the log to a file.
void finish_detach(int ready_fd) {
  const std::string history = default_history_path();
  const std::string log_path = history.substr(0, history.rfind('/') + 1) + "limberd.log";
  const int log_fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (log_fd >= 0) {
    ::dup2(log_fd, STDERR_FILENO);
    ::close(log_fd);
  }
  const char byte = 'R';
  ssize_t ignored = ::write(ready_fd, &byte, 1);
  (void)ignored;
  ::close(ready_fd);
}

// Reads the command line into *options; returns -1 to go on, or the exit
// status (--help, --version, a usage error).
int parse_args(int argc, char** argv, DaemonOptions* options, bool* foreground) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&](std::string_view name) -> const char* {
      if (arg.size() > name.size() && arg.substr(0, name.size()) == name && arg[name.size()] == '=') {
        return argv[i] + name.size() + 1;
      }
      if (i + 1 >= argc) return nullptr;
      return argv[++i];
    };
    auto is = [&](std::string_view name) {
      return arg == name || (arg.size() > name.size() && arg.substr(0, name.size() + 1) == std::string(name) + "=");
    };
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (arg == "-V" || arg == "--version") {
      std::printf("limberd %s\n", LIMBER_VERSION);
      return 0;
    } else if (arg == "-f" || arg == "--foreground") {
      *foreground = true;
    } else if (arg == "--demo") {
      options->demo = true;
    } else if (arg == "-c" || is("--config")) {
      const char* v = value("--config");
      if (!v) return usage_error("--config needs a file");
      options->config_file = v;
    } else if (is("--log-level")) {
      const char* v = value("--log-level");
      LogLevel level{};
      if (!v || !parse_log_level(v, &level)) return usage_error("--log-level needs one of error, warning, notice, info, debug");
      set_log_level(level);
    } else if (is("--source")) {
      const char* v = value("--source");
      const std::string name = v ? v : "";
      if (name != "auto" && name != "mutter" && name != "wayland" && name != "x11" && name != "demo") {
        return usage_error("--source needs one of auto, mutter, wayland, x11 (or demo)");
      }
      options->source_override = name;
    } else if (is("--time-scale")) {
      const char* v = value("--time-scale");
      char* end = nullptr;
      const double scale = v ? std::strtod(v, &end) : 0;
      if (!v || *end != '\0' || scale < 1 || scale > 100000) return usage_error("--time-scale needs a number from 1 to 100000");
      options->time_scale = scale;
    } else {
      return usage_error("unknown option '" + std::string(arg) + "'");
    }
  }
  if (options->source_override == "demo" && !options->demo) return usage_error("--source demo works only with --demo");
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  limber::start_i18n();  // the notifications' texts in the user's language
  DaemonOptions options;
  bool foreground = std::getenv("NOTIFY_SOCKET") != nullptr || std::getenv("INVOCATION_ID") != nullptr;
  if (int status = parse_args(argc, argv, &options, &foreground); status >= 0) return status;

  std::string runtime_dir;
  if (Status st = ensure_runtime_dir(&runtime_dir); !st) {
    log_error(st.message());
    return 1;
  }
  options.runtime_dir = runtime_dir;
  InstanceLock lock;
  if (Status st = lock.acquire(runtime_dir); !st) {
    log_error(st.message());
    return 1;
  }

  int ready_fd = -1;
  if (!foreground) detach(&ready_fd);
  if (ready_fd >= 0) {
    options.on_ready = [ready_fd] { finish_detach(ready_fd); };
  }
  Limberd daemon(std::move(options));
  return daemon.run();
}
