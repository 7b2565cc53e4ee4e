// test_compositor: the smallest Wayland compositor the Wayland activity
// source can talk to. No outputs, no surfaces, no input devices: it offers a
// wl_seat and the idle protocols, and a test script plays the user.
//
//   limber_test_compositor <socket-name> [--ext-idle-notify] [--kde-idle] [--no-seat]
//
// The socket is created under $XDG_RUNTIME_DIR. Commands on stdin, one per
// line: "idle" sends idled/idle to every live notification, "resume" sends
// resumed. End of stdin shuts the compositor down (and so disconnects every
// client). On stdout, one line each:
//   ready                                   listening
//   ext-idle-notification timeout=<ms>      a client asked ext_idle_notifier_v1
//   kde-idle-timeout timeout=<ms>           a client asked org_kde_kwin_idle
//   ext-idle-notification destroyed         (and kde-idle-timeout released)
//   error: <what>                           and exit 1
//
// Built from the same protocol XML as the daemon's client code.
#include <unistd.h>
#include <wayland-server.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "ext-idle-notify-v1-server-protocol.h"
#include "kde-idle-server-protocol.h"

namespace {

void say(const std::string& line) {
  std::fputs((line + "\n").c_str(), stdout);
  std::fflush(stdout);
}

struct Compositor {
  wl_display* display = nullptr;
  std::vector<wl_resource*> ext_notifications;
  std::vector<wl_resource*> kde_timeouts;
  std::string input;  // stdin bytes not yet ending in a newline
};

Compositor& compositor_of(wl_resource* resource) {
  return *static_cast<Compositor*>(wl_resource_get_user_data(resource));
}

void forget(std::vector<wl_resource*>& list, wl_resource* resource) {
  list.erase(std::remove(list.begin(), list.end(), resource), list.end());
}

void destroy_resource(wl_client*, wl_resource* resource) { wl_resource_destroy(resource); }

// --- wl_seat: advertised with no capabilities -------------------------------

void no_input_device(wl_client*, wl_resource* seat, uint32_t) {
  wl_resource_post_error(seat, 0, "the test compositor has no input devices");
}

const struct wl_seat_interface kSeatImpl = {no_input_device, no_input_device, no_input_device,
                                            destroy_resource};

void bind_seat(wl_client* client, void* data, uint32_t version, uint32_t id) {
  wl_resource* seat = wl_resource_create(client, &wl_seat_interface, static_cast<int>(version), id);
  if (seat == nullptr) {
    wl_client_post_no_memory(client);
    return;
  }
  wl_resource_set_implementation(seat, &kSeatImpl, data, nullptr);
  wl_seat_send_capabilities(seat, 0);
}

// --- ext-idle-notify-v1 ------------------------------------------------------

const struct ext_idle_notification_v1_interface kExtNotificationImpl = {destroy_resource};

void ext_notification_gone(wl_resource* resource) {
  forget(compositor_of(resource).ext_notifications, resource);
  say("ext-idle-notification destroyed");
}

void ext_get_idle_notification(wl_client* client, wl_resource* notifier, uint32_t id,
                               uint32_t timeout, wl_resource* /*seat*/) {
  Compositor& comp = compositor_of(notifier);
  wl_resource* notification =
      wl_resource_create(client, &ext_idle_notification_v1_interface,
                         wl_resource_get_version(notifier), id);
  if (notification == nullptr) {
    wl_client_post_no_memory(client);
    return;
  }
  wl_resource_set_implementation(notification, &kExtNotificationImpl, &comp,
                                 ext_notification_gone);
  comp.ext_notifications.push_back(notification);
  say("ext-idle-notification timeout=" + std::to_string(timeout));
}

#ifdef LIMBER_EXT_IDLE_NOTIFY_V2
// Version 2 (wayland-protocols 1.36, Debian 13) adds a notification that
// ignores idle inhibitors; this compositor has none, so it is the same one.
void ext_get_input_idle_notification(wl_client* client, wl_resource* notifier, uint32_t id,
                                     uint32_t timeout, wl_resource* seat) {
  ext_get_idle_notification(client, notifier, id, timeout, seat);
}
constexpr int kExtNotifierVersion = 2;
#else
constexpr int kExtNotifierVersion = 1;
#endif

// Filled by name: the interface has one more request in version 2.
constexpr struct ext_idle_notifier_v1_interface make_ext_notifier_impl() {
  struct ext_idle_notifier_v1_interface impl{};
  impl.destroy = destroy_resource;
  impl.get_idle_notification = ext_get_idle_notification;
#ifdef LIMBER_EXT_IDLE_NOTIFY_V2
  impl.get_input_idle_notification = ext_get_input_idle_notification;
#endif
  return impl;
}

constexpr struct ext_idle_notifier_v1_interface kExtNotifierImpl = make_ext_notifier_impl();

void bind_ext_notifier(wl_client* client, void* data, uint32_t version, uint32_t id) {
  wl_resource* notifier =
      wl_resource_create(client, &ext_idle_notifier_v1_interface, static_cast<int>(version), id);
  if (notifier == nullptr) {
    wl_client_post_no_memory(client);
    return;
  }
  wl_resource_set_implementation(notifier, &kExtNotifierImpl, data, nullptr);
}

// --- org_kde_kwin_idle ---------------------------------------------------------

void kde_simulate_user_activity(wl_client*, wl_resource* timeout) {
  org_kde_kwin_idle_timeout_send_resumed(timeout);
}

const struct org_kde_kwin_idle_timeout_interface kKdeTimeoutImpl = {destroy_resource,
                                                                     kde_simulate_user_activity};

void kde_timeout_gone(wl_resource* resource) {
  forget(compositor_of(resource).kde_timeouts, resource);
  say("kde-idle-timeout destroyed");
}

void kde_get_idle_timeout(wl_client* client, wl_resource* idle, uint32_t id,
                          wl_resource* /*seat*/, uint32_t timeout) {
  Compositor& comp = compositor_of(idle);
  wl_resource* resource = wl_resource_create(client, &org_kde_kwin_idle_timeout_interface, 1, id);
  if (resource == nullptr) {
    wl_client_post_no_memory(client);
    return;
  }
  wl_resource_set_implementation(resource, &kKdeTimeoutImpl, &comp, kde_timeout_gone);
  comp.kde_timeouts.push_back(resource);
  say("kde-idle-timeout timeout=" + std::to_string(timeout));
}

const struct org_kde_kwin_idle_interface kKdeIdleImpl = {kde_get_idle_timeout};

void bind_kde_idle(wl_client* client, void* data, uint32_t, uint32_t id) {
  wl_resource* idle = wl_resource_create(client, &org_kde_kwin_idle_interface, 1, id);
  if (idle == nullptr) {
    wl_client_post_no_memory(client);
    return;
  }
  wl_resource_set_implementation(idle, &kKdeIdleImpl, data, nullptr);
}

// --- the script on stdin -----------------------------------------------------

void run_command(Compositor& comp, std::string_view command) {
  if (command == "idle") {
    for (wl_resource* n : comp.ext_notifications) ext_idle_notification_v1_send_idled(n);
    for (wl_resource* t : comp.kde_timeouts) org_kde_kwin_idle_timeout_send_idle(t);
  } else if (command == "resume") {
    for (wl_resource* n : comp.ext_notifications) ext_idle_notification_v1_send_resumed(n);
    for (wl_resource* t : comp.kde_timeouts) org_kde_kwin_idle_timeout_send_resumed(t);
  } else if (!command.empty()) {
    say("error: unknown command '" + std::string(command) + "'");
  }
}

int on_stdin(int fd, uint32_t mask, void* data) {
  auto& comp = *static_cast<Compositor*>(data);
  char buffer[256];
  const ssize_t n = (mask & WL_EVENT_READABLE) != 0 ? read(fd, buffer, sizeof buffer) : 0;
  if (n <= 0) {  // end of the script (or its pipe broke): shut down
    wl_display_terminate(comp.display);
    return 0;
  }
  comp.input.append(buffer, static_cast<size_t>(n));
  for (size_t end; (end = comp.input.find('\n')) != std::string::npos;) {
    run_command(comp, std::string_view(comp.input).substr(0, end));
    comp.input.erase(0, end + 1);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: %s <socket-name> [--ext-idle-notify] [--kde-idle] [--no-seat]\n",
                 argv[0]);
    return 2;
  }
  bool ext = false, kde = false, seat = true;
  for (int i = 2; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--ext-idle-notify") ext = true;
    else if (flag == "--kde-idle") kde = true;
    else if (flag == "--no-seat") seat = false;
    else {
      std::fprintf(stderr, "unknown flag %s\n", argv[i]);
      return 2;
    }
  }

  Compositor comp;
  comp.display = wl_display_create();
  if (comp.display == nullptr) {
    say("error: wl_display_create failed");
    return 1;
  }
  if (wl_display_add_socket(comp.display, argv[1]) != 0) {
    say(std::string("error: cannot create socket ") + argv[1] + " in $XDG_RUNTIME_DIR: " +
        std::strerror(errno));
    wl_display_destroy(comp.display);
    return 1;
  }
  if (seat) wl_global_create(comp.display, &wl_seat_interface, 1, &comp, bind_seat);
  if (ext) wl_global_create(comp.display, &ext_idle_notifier_v1_interface, kExtNotifierVersion, &comp,
                             bind_ext_notifier);
  if (kde) wl_global_create(comp.display, &org_kde_kwin_idle_interface, 1, &comp, bind_kde_idle);
  wl_event_source* commands = wl_event_loop_add_fd(wl_display_get_event_loop(comp.display), STDIN_FILENO,
                                                   WL_EVENT_READABLE, on_stdin, &comp);

  say("ready");
  wl_display_run(comp.display);
  wl_event_source_remove(commands);  // the display does not free its loop's sources
  wl_display_destroy_clients(comp.display);
  wl_display_destroy(comp.display);
  return 0;
}
