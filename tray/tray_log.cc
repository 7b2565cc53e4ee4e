#include "tray_log.h"

#include <cstdio>

namespace limber::tray {

namespace {
bool g_debug = false;
}

void set_debug_logging(bool on) { g_debug = on; }
bool debug_logging() { return g_debug; }

void log_line(std::string_view text) {
  std::fprintf(stderr, "limber-tray: %.*s\n", static_cast<int>(text.size()), text.data());
  std::fflush(stderr);
}

void log_debug(std::string_view text) {
  if (!g_debug) return;
  std::fprintf(stderr, "limber-tray: debug: %.*s\n", static_cast<int>(text.size()), text.data());
  std::fflush(stderr);
}

}  // namespace limber::tray
