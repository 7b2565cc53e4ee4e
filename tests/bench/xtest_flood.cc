// xtest_flood: synthetic pointer input for the footprint benchmark. One
// process sends relative pointer motions through XTest at a steady rate, so
// the X server produces the same raw motion events (XI_RawMotion) and idle
// time resets a real mouse would, without one xdotool process per event.
//
//   xtest_flood --rate N --seconds S            N motions a second for S s
//   xtest_flood --rate N --on-ms A --off-ms B --cycles C
//                                               C times: A ms of motions at N/s,
//                                               then B ms without input
//
// Pacing uses absolute deadlines (clock_nanosleep TIMER_ABSTIME on
// CLOCK_MONOTONIC), so a late wake-up does not slow the average rate. The
// pointer moves one pixel right, then one left: it never drifts off-screen.
// Prints "sent N events in T s (R/s)" on stdout when done; SIGTERM or SIGINT
// end it early with the same line.
//
// Uses $DISPLAY. Single-threaded.
#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>
#include <time.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

volatile std::sig_atomic_t g_stop = 0;

void request_stop(int) { g_stop = 1; }

constexpr long kNanosPerSecond = 1'000'000'000L;

long long now_ns() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<long long>(ts.tv_sec) * kNanosPerSecond + ts.tv_nsec;
}

void sleep_until_ns(long long t) {
  timespec ts{};
  ts.tv_sec = static_cast<time_t>(t / kNanosPerSecond);
  ts.tv_nsec = static_cast<long>(t % kNanosPerSecond);
  while (!g_stop && clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr) != 0) {
  }
}

int usage() {
  std::fprintf(stderr,
               "usage: xtest_flood --rate N (--seconds S | --on-ms A --off-ms B --cycles C)\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  double rate = 0;
  double seconds = 0;
  long on_ms = 0;
  long off_ms = 0;
  long cycles = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    const char* value = argv[i + 1];
    if (name == "--rate") {
      rate = std::atof(value);
    } else if (name == "--seconds") {
      seconds = std::atof(value);
    } else if (name == "--on-ms") {
      on_ms = std::atol(value);
    } else if (name == "--off-ms") {
      off_ms = std::atol(value);
    } else if (name == "--cycles") {
      cycles = std::atol(value);
    } else {
      return usage();
    }
  }
  if (seconds > 0) {
    on_ms = static_cast<long>(seconds * 1000);
    off_ms = 0;
    cycles = 1;
  }
  if (rate <= 0 || rate > 100'000 || on_ms <= 0 || off_ms < 0 || cycles <= 0) return usage();

  Display* display = XOpenDisplay(nullptr);
  if (display == nullptr) {
    std::fprintf(stderr, "xtest_flood: cannot open the display (is $DISPLAY set?)\n");
    return 1;
  }
  int event_base = 0;
  int error_base = 0;
  int major = 0;
  int minor = 0;
  if (!XTestQueryExtension(display, &event_base, &error_base, &major, &minor)) {
    std::fprintf(stderr, "xtest_flood: the X server has no XTEST extension\n");
    return 1;
  }
  std::signal(SIGTERM, request_stop);
  std::signal(SIGINT, request_stop);

  const long long period = static_cast<long long>(static_cast<double>(kNanosPerSecond) / rate);
  const long long start = now_ns();
  long long sent = 0;
  long long cycle_start = start;
  for (long c = 0; c < cycles && !g_stop; ++c) {
    const long long on_end = cycle_start + on_ms * 1'000'000LL;
    for (long long next = cycle_start; next < on_end && !g_stop; next += period) {
      sleep_until_ns(next);
      if (g_stop) break;
      XTestFakeRelativeMotionEvent(display, (sent & 1) == 0 ? 1 : -1, 0, CurrentTime);
      XFlush(display);
      ++sent;
      // A round trip now and then keeps the server from falling behind
      // unnoticed (and reports a lost server through Xlib).
      if (sent % 500 == 0) XSync(display, False);
    }
    cycle_start = on_end + off_ms * 1'000'000LL;
    sleep_until_ns(cycle_start);
  }
  XSync(display, False);
  const double elapsed = static_cast<double>(now_ns() - start) / kNanosPerSecond;
  std::printf("sent %lld events in %.2f s (%.1f/s)\n", sent, elapsed,
              elapsed > 0 ? static_cast<double>(sent) / elapsed : 0.0);
  XCloseDisplay(display);
  return 0;
}
