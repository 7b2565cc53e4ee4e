// daemon_footprint_bench: what limberd and limber-tray cost on an X11
// desktop, measured from /proc (see process_sample.h).
//
// Everything runs in a private world: an Xvfb of its own, a private
// dbus-daemon used as session and system bus (no logind and no notification
// server answer on it: the daemon connects and carries on, as on a desktop
// without them), and a temp HOME with its own XDG directories (DaemonHome).
//
//  1. limberd -f --source x11 at real speed: memory after start (with the
//     top mappings from smaps); CPU time and context switches over a window
//     with no input; the same over a window of pointer motions sent by
//     xtest_flood at ~100/s and at ~1000/s.
//  2. limber-tray connected to that limberd and idle: memory, and its CPU
//     time and context switches over a window; then its memory once more
//     with GDK_GL=disable, to show what GTK's GLX probe costs.
//  3. A simulated 8-hour day on a second limberd run with --time-scale:
//     8 × (50 min of input, 10 min away), input from xtest_flood at a rate
//     that keeps the gaps far below the idle grace in simulated time. Nobody
//     answers the prompts, so breaks fall due, are ignored and re-prompted,
//     and the time away counts as natural breaks: the history, IPC and
//     notification paths all run. Memory before and after that day.
//
//   daemon_footprint_bench [--seconds N] [--day-seconds D] [--no-tray]
//     N: length of each measured window (default 60)
//     D: real length of the simulated day (default 120, i.e. time scale 240;
//        at least 60)
//
// Prints Markdown sections on stdout (tests/bench/run.sh puts them into
// results.md), progress on stderr.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "bench_figures.h"
#include "daemon_home.h"
#include "daemon_process.h"
#include "process_sample.h"
#include "test_bus.h"
#include "xvfb_server.h"

extern char** environ;

namespace {

using namespace std::chrono_literals;
using limber::bench::memory_by_mapping;
using limber::bench::ProcessSample;
using limber::bench::sample_process;
using limber::bench::window_cost;
using limber::bench::WindowCost;
using limber::test::DaemonHome;
using limber::test::DaemonProcess;
using Clock = std::chrono::steady_clock;

// Longer than the idle grace (5 s): the user is idle again when a window
// starts, as after a real pause.
constexpr auto kSettle = 6s;

void progress(const std::string& text) { std::fprintf(stderr, "footprint: %s\n", text.c_str()); }

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

std::string mib(long kib) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(kib) / 1024.0);
  return buf;
}

// Runs xtest_flood with `args` on `display` to completion; its summary line
// (stdout) goes to *summary. False if it could not run or failed.
bool run_flood(const std::string& display, const std::vector<std::string>& args,
               const std::string& out_file, std::string* summary) {
  std::vector<std::string> env_text;
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::string(*e).rfind("DISPLAY=", 0) != 0) env_text.emplace_back(*e);
  }
  env_text.push_back("DISPLAY=" + display);
  std::vector<char*> envp;
  for (std::string& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_text = {XTEST_FLOOD_PATH};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return false;
  int status = 0;
  waitpid(pid, &status, 0);
  std::ifstream in(out_file);
  std::getline(in, *summary);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

struct Window {
  std::string what;
  std::string input;  // what the flood driver reported, or "none"
  WindowCost cost;
};

// Samples `pid` around `during` (which blocks for the window's length).
template <typename F>
WindowCost measure_window(pid_t pid, F&& during) {
  const ProcessSample before = sample_process(pid);
  const auto start = Clock::now();
  during();
  const ProcessSample after = sample_process(pid);
  return window_cost(before, after, seconds_since(start));
}

void print_windows(const std::vector<Window>& windows) {
  std::printf("| window | input | CPU time (schedstat) | utime+stime | share of one core | context switches | per second |\n");
  std::printf("|---|---|---:|---:|---:|---:|---:|\n");
  for (const Window& w : windows) {
    std::printf("| %s | %s | %.2f ms | %.2f s | %.4f %% | %ld | %.2f |\n", w.what.c_str(), w.input.c_str(),
                w.cost.cpu_seconds * 1000.0, w.cost.tick_cpu_seconds, w.cost.cpu_percent(), w.cost.switches,
                w.cost.switches_per_minute() / 60.0);
  }
}

void print_mappings(pid_t pid, size_t top) {
  const auto shares = memory_by_mapping(pid);
  long total = 0;
  for (const auto& s : shares) total += s.rss_kib;
  std::printf("| mapping | RSS | PSS |\n|---|---:|---:|\n");
  long shown = 0;
  for (size_t i = 0; i < std::min(top, shares.size()); ++i) {
    std::printf("| `%s` | %ld KiB | %ld KiB |\n", shares[i].name.c_str(), shares[i].rss_kib,
                shares[i].pss_kib);
    shown += shares[i].rss_kib;
  }
  std::printf("| everything else (%zu mappings) | %ld KiB | |\n",
              shares.size() > top ? shares.size() - top : 0, total - shown);
}

bool start_limberd(DaemonProcess* daemon, const std::vector<std::string>& env,
                   std::vector<std::string> extra_args) {
  std::vector<std::string> args = {"-f", "--source", "x11", "--log-level", "info"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  std::string err;
  if (!daemon->start(LIMBERD_PATH, args, env, &err)) {
    progress("cannot start limberd: " + err);
    return false;
  }
  if (!daemon->wait_for_line("limberd: ready$", 20s)) {
    progress("limberd did not become ready; its log:\n" + daemon->stderr_text());
    return false;
  }
  return true;
}

void stop(DaemonProcess* process) {
  process->send_signal(SIGTERM);
  if (process->wait_for_exit(10s) < 0) process->kill_now();
}

}  // namespace

int main(int argc, char** argv) {
  const limber::bench::FigureLog figures(&argc, argv);
  using limber::bench::format;
  int seconds = 60;
  int day_seconds = 120;
  bool with_tray = true;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--seconds" && i + 1 < argc) {
      seconds = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--day-seconds" && i + 1 < argc) {
      day_seconds = std::atoi(argv[++i]);
    } else if (arg == "--no-tray") {
      with_tray = false;
    } else {
      std::fprintf(stderr, "usage: daemon_footprint_bench [--seconds N] [--day-seconds D] [--no-tray]\n");
      return 2;
    }
  }
  const auto window = std::chrono::seconds(seconds);
  const std::string window_text = std::to_string(seconds) + " s";

  std::string err;
  limber::test::XvfbServer xvfb;
  if (!xvfb.start(&err)) {
    std::fprintf(stderr, "footprint: no Xvfb: %s\n", err.c_str());
    return 1;
  }
  limber::test::PrivateBus bus;
  if (!bus.start(&err)) {
    std::fprintf(stderr, "footprint: no private dbus-daemon: %s\n", err.c_str());
    return 1;
  }
  DaemonHome home;
  if (!home.ok()) return 1;
  const std::vector<std::string> env =
      home.environment({"DISPLAY=" + xvfb.display(), "DBUS_SESSION_BUS_ADDRESS=" + bus.address(),
                        "DBUS_SYSTEM_BUS_ADDRESS=" + bus.address()});
  const std::string flood_out = home.root() + "/flood.txt";

  // 1. limberd at real speed.
  progress("starting limberd --source x11");
  DaemonProcess limberd;
  if (!start_limberd(&limberd, env, {})) return 1;
  std::this_thread::sleep_for(kSettle);
  const pid_t pid = limberd.pid();
  const ProcessSample at_start = sample_process(pid);

  std::vector<Window> windows;
  progress("idle window, " + window_text);
  windows.push_back({"idle", "none", measure_window(pid, [&] { std::this_thread::sleep_for(window); })});
  bool floods_ok = true;
  for (int rate : {100, 1000}) {
    progress("flood window at " + std::to_string(rate) + " events/s, " + window_text);
    std::string summary;
    const WindowCost cost = measure_window(pid, [&] {
      floods_ok = run_flood(xvfb.display(), {"--rate", std::to_string(rate), "--seconds", std::to_string(seconds)},
                            flood_out, &summary) && floods_ok;
    });
    windows.push_back({"flood ~" + std::to_string(rate) + "/s", summary.empty() ? "(driver failed)" : summary, cost});
    std::this_thread::sleep_for(kSettle);
  }
  const ProcessSample after_floods = sample_process(pid);

  std::printf("## Daemon footprint (`daemon_footprint_bench`)\n\n");
  std::printf("`limberd -f --source x11` on a private Xvfb, private dbus-daemon (no logind, no\n"
              "notification server on it), temp HOME/XDG dirs, default configuration.\n\n");
  std::printf("| figure | VmRSS | PSS |\n|---|---:|---:|\n");
  std::printf("| after start (+%lld s) | %s | %s |\n", static_cast<long long>(kSettle.count()),
              mib(at_start.rss_kib).c_str(), mib(at_start.pss_kib).c_str());
  std::printf("| after the idle and flood windows | %s | %s |\n", mib(after_floods.rss_kib).c_str(),
              mib(after_floods.pss_kib).c_str());
  std::printf("\nCPU time (nanoseconds on a CPU from /proc/PID/schedstat, and utime+stime from\n"
              "/proc/PID/stat, which counts 10 ms ticks) and context switches (voluntary +\n"
              "nonvoluntary, /proc/PID/status) over each window; the flood is pointer motion\n"
              "through XTest (`xtest_flood`), one relative move per event:\n\n");
  print_windows(windows);
  std::printf("\nWhere limberd's resident memory goes (/proc/PID/smaps, by file; top 12):\n\n");
  print_mappings(pid, 12);
  figures.add("limberd VmRSS / PSS after start", mib(at_start.rss_kib) + " / " + mib(at_start.pss_kib), "< 10 MB RSS");
  const char* const targets[] = {"a few switches a minute", "near the idle cost", "< 0.5 % of a core, a few wake-ups/s"};
  for (size_t i = 0; i < windows.size(); ++i) {
    const WindowCost& c = windows[i].cost;
    figures.add("limberd " + windows[i].what + " (" + window_text + "): CPU, context switches",
                format("%.4f %% of a core, %ld (%.1f/min)", c.cpu_percent(), c.switches, c.switches_per_minute()),
                targets[std::min<size_t>(i, 2)]);
  }

  // 2. The tray, connected to that limberd.
  if (with_tray) {
    progress("starting limber-tray");
    DaemonProcess tray;
    std::vector<std::string> tray_env = env;
    tray_env.push_back("GDK_BACKEND=x11");
    if (!tray.start(LIMBER_TRAY_PATH, {"--debug"}, tray_env, &err) ||
        !tray.wait_for_line("^limber-tray: connected to limberd$", 30s)) {
      std::printf("\nlimber-tray did not connect: %s\n", tray.stderr_text().c_str());
      floods_ok = false;
    } else {
      std::this_thread::sleep_for(kSettle);
      const ProcessSample tray_start = sample_process(tray.pid());
      progress("tray idle window, " + window_text);
      const WindowCost idle = measure_window(tray.pid(), [&] { std::this_thread::sleep_for(window); });
      const ProcessSample tray_end = sample_process(tray.pid());
      std::printf("\n## Tray footprint (`daemon_footprint_bench`)\n\n");
      std::printf("`limber-tray` on the same Xvfb and bus (GDK_BACKEND=x11; no StatusNotifierWatcher\n"
                  "on the bus, so the icon is the XEmbed one), connected to the limberd above, idle:\n\n");
      std::printf("| figure | VmRSS | PSS |\n|---|---:|---:|\n");
      std::printf("| connected, +%lld s | %s | %s |\n", static_cast<long long>(kSettle.count()),
                  mib(tray_start.rss_kib).c_str(), mib(tray_start.pss_kib).c_str());
      std::printf("| after the idle window | %s | %s |\n\n", mib(tray_end.rss_kib).c_str(),
                  mib(tray_end.pss_kib).c_str());
      print_windows({{"tray idle", "none", idle}});
      figures.add("limber-tray VmRSS / PSS, connected and idle",
                  mib(tray_start.rss_kib) + " / " + mib(tray_start.pss_kib));
      figures.add("limber-tray idle (" + window_text + "): CPU, context switches",
                  format("%.4f %% of a core, %ld (%.1f/min)", idle.cpu_percent(), idle.switches,
                         idle.switches_per_minute()));
      std::printf("\nWhere the tray's resident memory goes (top 12):\n\n");
      print_mappings(tray.pid(), 12);
      stop(&tray);

      // GTK 3 opens GLX at start-up to choose visuals, which on Xvfb loads
      // Mesa's software renderer and libLLVM with it. The same tray with GDK's
      // GL support turned off shows what that costs.
      DaemonProcess no_gl;
      tray_env.push_back("GDK_GL=disable");
      if (no_gl.start(LIMBER_TRAY_PATH, {"--debug"}, tray_env, &err) &&
          no_gl.wait_for_line("^limber-tray: connected to limberd$", 30s)) {
        std::this_thread::sleep_for(kSettle);
        const ProcessSample s = sample_process(no_gl.pid());
        std::printf("\nThe same tray started with `GDK_GL=disable` (GTK does not open GLX, so no Mesa\n"
                    "driver and no libLLVM are loaded): VmRSS %s, PSS %s.\n",
                    mib(s.rss_kib).c_str(), mib(s.pss_kib).c_str());
        figures.add("limber-tray VmRSS / PSS with GDK_GL=disable", mib(s.rss_kib) + " / " + mib(s.pss_kib));
        stop(&no_gl);
      }
    }
  }
  stop(&limberd);

  // 3. A simulated 8-hour day on a fresh limberd with an accelerated clock.
  // Faster than ~480 times, a millisecond of scheduling delay (Xvfb's or the
  // daemon's) becomes several simulated seconds and looks like time away.
  day_seconds = std::max(day_seconds, 60);
  const double scale = 8.0 * 3600.0 / day_seconds;
  // One input a simulated second at most: gaps far below the idle grace.
  const int rate = static_cast<int>(std::clamp(scale, 50.0, 2000.0));
  const long on_ms = static_cast<long>(day_seconds * 1000.0 * 50.0 / 480.0);
  const long off_ms = static_cast<long>(day_seconds * 1000.0 * 10.0 / 480.0);
  progress("simulated 8-hour day in " + std::to_string(day_seconds) + " s (time scale " +
           std::to_string(static_cast<int>(scale)) + ")");
  DaemonHome day_home;
  const std::vector<std::string> day_env =
      day_home.environment({"DISPLAY=" + xvfb.display(), "DBUS_SESSION_BUS_ADDRESS=" + bus.address(),
                            "DBUS_SYSTEM_BUS_ADDRESS=" + bus.address()});
  DaemonProcess day;
  char scale_text[32];
  std::snprintf(scale_text, sizeof scale_text, "%.3f", scale);
  if (!start_limberd(&day, day_env, {"--time-scale", scale_text})) return 1;
  std::this_thread::sleep_for(1s);
  const ProcessSample day_start = sample_process(day.pid());
  std::string summary;
  const WindowCost day_cost = measure_window(day.pid(), [&] {
    floods_ok = run_flood(xvfb.display(),
                          {"--rate", std::to_string(rate), "--on-ms", std::to_string(on_ms), "--off-ms",
                           std::to_string(off_ms), "--cycles", "8"},
                          day_home.root() + "/flood.txt", &summary) && floods_ok;
  });
  const ProcessSample day_end = sample_process(day.pid());
  const size_t dues = day.count_lines(" due( \\(asked for\\))?$");
  const size_t ended = day.count_lines(" ended: ");
  const size_t natural = day.count_lines("limberd: natural ");
  stop(&day);

  std::printf("\n## A simulated 8-hour day (`daemon_footprint_bench`)\n\n");
  std::printf("A fresh `limberd -f --source x11 --time-scale %.0f`: %d s of real time are 8 hours of\n"
              "its clock. Input: 8 × (50 min of pointer motion, 10 min away), from `xtest_flood\n"
              "--rate %d --on-ms %ld --off-ms %ld --cycles 8` (%s). Nobody answers the prompts: the\n"
              "day logged %zu breaks due, %zu ended (ignored, or taken during the time away) and %zu\n"
              "natural breaks, each written to the history and sent to subscribers.\n\n",
              scale, day_seconds, rate, on_ms, off_ms, summary.c_str(), dues, ended, natural);
  std::printf("| figure | VmRSS | PSS |\n|---|---:|---:|\n");
  std::printf("| after start | %s | %s |\n", mib(day_start.rss_kib).c_str(), mib(day_start.pss_kib).c_str());
  std::printf("| after the simulated day | %s | %s |\n", mib(day_end.rss_kib).c_str(),
              mib(day_end.pss_kib).c_str());
  std::printf("\nCPU time over the compressed day: %.3f s in %.0f s of real time (the daemon\n"
              "wakes at its deadlines %.0f times faster than at real speed).\n",
              day_cost.cpu_seconds, day_cost.seconds, scale);
  figures.add("limberd VmRSS / PSS after a simulated 8-hour day",
              mib(day_end.rss_kib) + " / " + mib(day_end.pss_kib), "< 10 MB RSS");
  std::fflush(stdout);
  return floods_ok ? 0 : 1;
}
