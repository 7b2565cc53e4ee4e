// break_latency_bench: how soon a subscribed client hears `break.due`.
//
// limberd runs with --source x11 on a private Xvfb, in a temp HOME whose
// config has a 1-minute micro-break of 5 s and no rest break. The client is
// subscribed to break.due only. Two paths are measured:
//
//  * Asked for: the client sends `break.now` and times until `break.due`
//    arrives. The break becomes due while the daemon handles the request, so
//    the figure is an upper bound of due -> notification that also holds one
//    request's trip to the daemon. Then `break.skip` ends it. Repeated for
//    the window (--seconds, default 60; at least 20 samples).
//  * Due by the rules: the daemon's own due time is not exported at better
//    than one second, so it is made known instead. The user is idle; at T0
//    this program starts pointer motion through XTest at 500 events/s and
//    keeps it up. The engine counts activity from the first input it sees,
//    so the micro-break falls due at T0 + 60 s + (X delivery of the first
//    event), and the figure is receive time - (T0 + 60 s): due ->
//    notification plus that delivery delay and up to one input period
//    (2 ms). Then the input stops, the break is skipped and the user stays
//    away 7 s before the next sample (--rule-samples, default 2; 0 skips
//    them).
//
// Prints a Markdown section on stdout; progress on stderr.
#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "bench_figures.h"
#include "daemon_home.h"
#include "daemon_process.h"
#include "rpc_test_client.h"
#include "xvfb_server.h"

namespace {

using namespace std::chrono_literals;
using limber::test::DaemonHome;
using limber::test::DaemonProcess;
using limber::test::Json;
using limber::test::RpcTestClient;
using Clock = std::chrono::steady_clock;

constexpr auto kMicroInterval = 60s;

double ms_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

// Pointer motion at 500 events/s on its own X connection until stopped.
class PointerMotion {
 public:
  explicit PointerMotion(const std::string& display) : display_name_(display) {}
  ~PointerMotion() { stop(); }

  // Returns the moment the first event was flushed to the server.
  Clock::time_point start() {
    std::atomic<bool> first_sent{false};
    Clock::time_point first{};
    thread_ = std::thread([this, &first_sent, &first] {
      Display* display = XOpenDisplay(display_name_.c_str());
      if (display == nullptr) {
        first = Clock::now();
        first_sent = true;
        return;
      }
      auto next = Clock::now();
      for (long n = 0; !stop_; ++n) {
        XTestFakeRelativeMotionEvent(display, (n & 1) == 0 ? 1 : -1, 0, CurrentTime);
        XFlush(display);
        if (n == 0) {
          first = Clock::now();
          first_sent = true;
        }
        next += 2ms;
        std::this_thread::sleep_until(next);
      }
      XCloseDisplay(display);
    });
    while (!first_sent) std::this_thread::sleep_for(100us);
    return first;
  }

  void stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    stop_ = false;
  }

 private:
  std::string display_name_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

struct Percentiles {
  size_t n = 0;
  double p50 = 0, p99 = 0, max = 0;
};

Percentiles percentiles(std::vector<double> v) {
  Percentiles p;
  p.n = v.size();
  if (v.empty()) return p;
  std::sort(v.begin(), v.end());
  p.p50 = v[v.size() / 2];
  p.p99 = v[std::min(v.size() - 1, v.size() * 99 / 100)];
  p.max = v.back();
  return p;
}

void progress(const std::string& text) { std::fprintf(stderr, "latency: %s\n", text.c_str()); }

}  // namespace

int main(int argc, char** argv) {
  const limber::bench::FigureLog figures(&argc, argv);
  using limber::bench::format;
  int seconds = 60;
  int rule_samples = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--seconds") {
      seconds = std::max(1, std::atoi(argv[i + 1]));
    } else if (arg == "--rule-samples") {
      rule_samples = std::max(0, std::atoi(argv[i + 1]));
    }
  }
  std::string err;
  limber::test::XvfbServer xvfb;
  if (!xvfb.start(&err)) {
    std::fprintf(stderr, "latency: no Xvfb: %s\n", err.c_str());
    return 1;
  }
  DaemonHome home;
  home.write_user_config(
      "[micro]\ninterval = \"1m\"\nduration = \"5s\"\n[rest]\nenabled = false\n");
  DaemonProcess daemon;
  if (!daemon.start(LIMBERD_PATH, {"-f", "--source", "x11", "--log-level", "info"},
                    home.environment({"DISPLAY=" + xvfb.display()}), &err) ||
      !daemon.wait_for_line("limberd: ready$", 20s)) {
    std::fprintf(stderr, "latency: limberd did not start: %s\n%s\n", err.c_str(), daemon.stderr_text().c_str());
    return 1;
  }
  std::this_thread::sleep_for(6s);  // the user is idle: past the idle grace
  RpcTestClient client;
  if (!client.connect(limber::test::socket_path(home.runtime_dir()), &err) ||
      !client.call("subscribe", Json{{"events", {"break.due"}}})) {
    std::fprintf(stderr, "latency: cannot subscribe: %s\n", err.c_str());
    return 1;
  }

  // Asked for: break.now -> break.due.
  progress("break.now -> break.due for " + std::to_string(seconds) + " s");
  std::vector<double> asked;
  const auto until = Clock::now() + std::chrono::seconds(seconds);
  while (Clock::now() < until || asked.size() < 20) {
    client.clear_notifications();
    const auto sent = Clock::now();
    const int64_t id = client.send_request("break.now", Json{{"kind", "micro"}});
    const auto due = client.wait_notification("break.due", 5s);
    const auto received = Clock::now();
    const auto reply = client.wait_reply(id, 5s);
    if (!due || !reply || limber::test::error_code(*reply) != 0) {
      std::fprintf(stderr, "latency: break.now failed\n%s\n", daemon.stderr_text().c_str());
      return 1;
    }
    asked.push_back(ms_between(sent, received));
    client.call("break.skip");
  }

  // Due by the rules: T0 + 60 s -> break.due.
  std::vector<double> by_rule;
  for (int i = 0; i < rule_samples; ++i) {
    progress("micro-break due by the rules, sample " + std::to_string(i + 1) + " of " +
             std::to_string(rule_samples) + " (about 70 s each)");
    client.clear_notifications();
    PointerMotion motion(xvfb.display());
    const auto t0 = motion.start();
    const auto due = client.wait_notification("break.due", kMicroInterval + 30s);
    const auto received = Clock::now();
    motion.stop();
    if (!due) {
      std::fprintf(stderr, "latency: no break.due within 90 s\n%s\n", daemon.stderr_text().c_str());
      return 1;
    }
    by_rule.push_back(ms_between(t0 + kMicroInterval, received));
    client.call("break.skip");
    std::this_thread::sleep_for(7s);
  }
  daemon.send_signal(SIGTERM);
  daemon.wait_for_exit(10s);

  const Percentiles a = percentiles(asked);
  std::printf("## Break notification latency (`break_latency_bench`)\n\n");
  std::printf("`limberd -f --source x11` on a private Xvfb, 1-minute micro-breaks; one client\n"
              "subscribed to `break.due` on the socket.\n\n");
  std::printf("| path | samples | p50 | p99 | max |\n|---|---:|---:|---:|---:|\n");
  std::printf("| asked for: `break.now` sent -> `break.due` received | %zu | %.3f ms | %.3f ms | %.3f ms |\n",
              a.n, a.p50, a.p99, a.max);
  figures.add("break.due latency, asked for (break.now): p50 / p99", format("%.3f / %.3f ms", a.p50, a.p99));
  if (!by_rule.empty()) {
    const Percentiles r = percentiles(by_rule);
    std::printf("| due by the rules: first input + 60 s -> `break.due` received | %zu | %.1f ms | %.1f ms | %.1f ms |\n",
                r.n, r.p50, r.p99, r.max);
    figures.add("break.due latency, due by the rules: p50 / max (" + std::to_string(r.n) + " samples)",
                format("%.1f / %.1f ms", r.p50, r.max));
  }
  std::printf("\nThe first path is an upper bound (it includes the request's trip). The second\n"
              "includes the X server's delivery of the first input, up to one 2 ms input period,\n"
              "and the 1 ms by which limberd arms its deadline timer late on purpose.\n");
  return 0;
}
