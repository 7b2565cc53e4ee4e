// kwin_keys COUNT DELAY_MS: the user, for the KWin desktop tests. Presses
// and releases the A key COUNT times through KWin's org_kde_kwin_fake_input
// (version 4, keyboard_key), DELAY_MS apart, so the first and the last key
// are (COUNT - 1) * DELAY_MS apart. Connects to $WAYLAND_DISPLAY.
//
// KWin offers fake input only to clients it trusts; with
// KWIN_WAYLAND_NO_PERMISSION_CHECKS=1 that is any client of its own uid.
// Exits 2 when the protocol is not offered, 1 on any other failure.
#include <linux/input-event-codes.h>
#include <wayland-client.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "fake-input-client-protocol.h"

namespace {

struct Globals {
  org_kde_kwin_fake_input* fake_input = nullptr;
};

void on_global(void* data, wl_registry* registry, uint32_t name, const char* interface, uint32_t version) {
  auto* globals = static_cast<Globals*>(data);
  if (std::strcmp(interface, org_kde_kwin_fake_input_interface.name) == 0 && version >= 4) {
    globals->fake_input =
        static_cast<org_kde_kwin_fake_input*>(wl_registry_bind(registry, name, &org_kde_kwin_fake_input_interface, 4));
  }
}

void on_global_remove(void*, wl_registry*, uint32_t) {}

const wl_registry_listener kRegistryListener = {on_global, on_global_remove};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: kwin_keys COUNT DELAY_MS\n");
    return 1;
  }
  const int count = std::atoi(argv[1]);
  const int delay_ms = std::atoi(argv[2]);
  wl_display* display = wl_display_connect(nullptr);
  if (display == nullptr) {
    std::fprintf(stderr, "kwin_keys: cannot connect to the Wayland display\n");
    return 1;
  }
  Globals globals;
  wl_registry* registry = wl_display_get_registry(display);
  wl_registry_add_listener(registry, &kRegistryListener, &globals);
  wl_display_roundtrip(display);
  if (globals.fake_input == nullptr) {
    std::fprintf(stderr, "kwin_keys: the compositor offers no org_kde_kwin_fake_input version 4 to this client\n");
    wl_display_disconnect(display);
    return 2;
  }
  org_kde_kwin_fake_input_authenticate(globals.fake_input, "Limber tests", "typing for the idle tests");
  for (int i = 0; i < count; ++i) {
    if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    org_kde_kwin_fake_input_keyboard_key(globals.fake_input, KEY_A, WL_KEYBOARD_KEY_STATE_PRESSED);
    org_kde_kwin_fake_input_keyboard_key(globals.fake_input, KEY_A, WL_KEYBOARD_KEY_STATE_RELEASED);
    if (wl_display_roundtrip(display) < 0) {
      std::fprintf(stderr, "kwin_keys: lost the Wayland display\n");
      return 1;
    }
  }
  wl_proxy_destroy(reinterpret_cast<wl_proxy*>(globals.fake_input));  // version 4 has no destructor request
  wl_registry_destroy(registry);
  wl_display_disconnect(display);
  return 0;
}
