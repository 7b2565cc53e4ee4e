// limber-notify: the helper that shows limberd's break reminder as a
// desktop notification. limberd starts it when a break is prompted by
// notification and talks to it over stdin and stdout in JSON lines
// (notify_messages.h); it lives as long as its notification: it exits when
// the notification is closed — by the daemon's "close", by the user or the
// server — when showing fails, when stdin ends (the daemon stopped or
// closed it), or on SIGTERM/SIGINT (closing the notification first).
//
// libnotify needs a GLib main loop for action clicks; keeping that loop
// here is what lets limberd link no GLib at all (docs/notifications.md).
//
// Not meant to be run by hand; installed in libexec.
#include <glib-unix.h>
#include <libnotify/notify.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "limber/i18n.h"
#include "notify/desktop_notification.h"
#include "notify/notification_icon.h"
#include "notify/notify_messages.h"

namespace {

using limber::DesktopNotification;
using limber::NotifyReport;
using limber::NotifyRequest;

struct Helper {
  GMainLoop* loop = nullptr;
  DesktopNotification* notification = nullptr;
  std::string pending;  // stdin text after the last complete line
};

void say(const char* what) { std::fprintf(stderr, "limber-notify: %s\n", what); }

// One report to the daemon. stdout is written unbuffered, all at once; a
// daemon that is gone (EPIPE: SIGPIPE is ignored) ends the helper.
void report(Helper& h, const NotifyReport& r) {
  const std::string line = limber::encode(r);
  size_t done = 0;
  while (done < line.size()) {
    const ssize_t n = ::write(STDOUT_FILENO, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      g_main_loop_quit(h.loop);
      return;
    }
    done += static_cast<size_t>(n);
  }
}

void handle_line(Helper& h, const std::string& line) {
  NotifyRequest request;
  std::string err;
  if (!limber::decode(line, &request, &err)) {
    say(("ignoring a line from limberd: " + err).c_str());
    return;
  }
  if (request.kind == NotifyRequest::Kind::kShow) {
    h.notification->show(request.prompt);
  } else {
    h.notification->close(request.prompt.break_id);
    if (!h.notification->showing()) g_main_loop_quit(h.loop);
  }
}

gboolean on_stdin(gint fd, GIOCondition, gpointer data) {
  auto& h = *static_cast<Helper*>(data);
  char buffer[4096];
  const ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return G_SOURCE_CONTINUE;
  if (n <= 0) {
    // limberd closed the pipe (it stopped, or is done with this reminder).
    if (h.notification->showing()) h.notification->close(h.notification->break_id());
    g_main_loop_quit(h.loop);
    return G_SOURCE_REMOVE;
  }
  std::vector<std::string> lines;
  if (!limber::split_lines(&h.pending, std::string_view(buffer, static_cast<size_t>(n)), &lines)) {
    say("a line from limberd is too long: ignored");
  }
  for (const std::string& line : lines) handle_line(h, line);
  return G_SOURCE_CONTINUE;
}

gboolean on_signal(gpointer data) {
  auto& h = *static_cast<Helper*>(data);
  if (h.notification->showing()) h.notification->close(h.notification->break_id());
  g_main_loop_quit(h.loop);
  return G_SOURCE_CONTINUE;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1) {
    std::fprintf(stderr,
                 "usage: %s\nlimberd's desktop-notification helper; it reads JSON lines on stdin and is "
                 "started by limberd, not by hand.\n",
                 argv[0]);
    return 2;
  }
  // The buttons' labels follow the user's language (the daemon sends the
  // texts already translated).
  limber::start_i18n();
  // Writing to a daemon that is gone must end the helper, not kill it mid-close.
  ::signal(SIGPIPE, SIG_IGN);
  Helper h;
  h.loop = g_main_loop_new(nullptr, FALSE);
  DesktopNotification notification("Limber", limber::notification_icon(), [&h](const NotifyReport& r) {
    report(h, r);
    // Nothing left on screen: the helper's work is done.
    if (r.kind == NotifyReport::Kind::kFailed ||
        (r.kind == NotifyReport::Kind::kClosed && !h.notification->showing())) {
      g_main_loop_quit(h.loop);
    }
  });
  h.notification = &notification;
  g_unix_fd_add(STDIN_FILENO, static_cast<GIOCondition>(G_IO_IN | G_IO_HUP | G_IO_ERR), on_stdin, &h);
  g_unix_signal_add(SIGTERM, on_signal, &h);
  g_unix_signal_add(SIGINT, on_signal, &h);
  g_main_loop_run(h.loop);
  g_main_loop_unref(h.loop);
  return 0;
}
