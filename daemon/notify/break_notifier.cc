#include "notify/break_notifier.h"

#include <csignal>
#include <utility>
#include <vector>

#include "log.h"
#include "notify/notify_helper_path.h"

namespace limber {
namespace {

// How long a stopping daemon waits for its helpers to close their
// notifications before it kills them.
constexpr uint64_t kStopGraceMs = 2000;

struct WriteRequest {
  uv_write_t req{};
  std::string line;
};

}  // namespace

struct BreakNotifier::Helper {
  BreakNotifier* owner = nullptr;  // null once the owner is gone
  uv_process_t process{};
  uv_pipe_t to{};    // its stdin
  uv_pipe_t from{};  // its stdout
  int open_handles = 0;
  bool exited = false;
  bool input_closed = false;
  uint64_t break_id = 0;
  std::string pending;  // stdout text after the last complete line

  static void on_closed(uv_handle_t* handle) {
    auto* h = static_cast<Helper*>(handle->data);
    if (--h->open_handles > 0) return;
    if (h->owner != nullptr) {
      h->owner->forget(h);
    } else {
      delete h;
    }
  }
};

BreakNotifier::BreakNotifier(uv_loop_t* loop, ActionCallback on_action)
    : loop_(loop), on_action_(std::move(on_action)) {
  uv_timer_init(loop_, kill_timer_.get());
  kill_timer_.get()->data = this;
  // A helper that died leaves a pipe whose writes raise SIGPIPE; see the
  // header. (IpcServer ignores it too; this does not depend on that.)
  ::signal(SIGPIPE, SIG_IGN);
}

BreakNotifier::~BreakNotifier() {
  // Normally empty by now (stop(), then the loop ran). Otherwise the close
  // callbacks free what is left.
  for (auto& h : helpers_) {
    h->owner = nullptr;
    if (!h->exited) uv_process_kill(&h->process, SIGKILL);
    static_cast<void>(h.release());
  }
}

std::optional<uint64_t> BreakNotifier::shown_break() const {
  if (current_ == nullptr) return std::nullopt;
  return current_->break_id;
}

void BreakNotifier::show(BreakPrompt prompt) {
  if (stopping_) return;
  if (current_ != nullptr && current_->break_id != prompt.break_id) close(current_->break_id);
  prompt.replaces_id = prompt.break_id == last_break_id_ ? last_server_id_ : 0;
  if (current_ == nullptr) current_ = spawn();
  if (current_ == nullptr) return;
  current_->break_id = prompt.break_id;
  send(current_, NotifyRequest{NotifyRequest::Kind::kShow, std::move(prompt)});
}

void BreakNotifier::close(uint64_t break_id) {
  if (current_ == nullptr || current_->break_id != break_id) return;
  NotifyRequest request{NotifyRequest::Kind::kClose, {}};
  request.prompt.break_id = break_id;
  send(current_, request);
  end_input(std::exchange(current_, nullptr));
}

void BreakNotifier::stop() {
  if (stopping_) return;
  stopping_ = true;
  current_ = nullptr;
  for (auto& h : helpers_) end_input(h.get());
  if (helpers_.empty()) {
    kill_timer_.close();
    return;
  }
  uv_timer_start(
      kill_timer_.get(),
      [](uv_timer_t* t) {
        auto* self = static_cast<BreakNotifier*>(t->data);
        for (auto& h : self->helpers_) {
          if (!h->exited) {
            log_warning("notifications: limber-notify did not exit; killing it");
            uv_process_kill(&h->process, SIGKILL);
          }
        }
        self->kill_timer_.close();
      },
      kStopGraceMs, 0);
}

BreakNotifier::Helper* BreakNotifier::spawn() {
  std::string looked_in;
  const std::string path = find_notify_helper(&looked_in);
  if (path.empty()) {
    if (!start_failure_logged_) {
      log_warning("notifications: no limber-notify helper (looked in " + looked_in +
                  "); reminders reach the tray only");
      start_failure_logged_ = true;
    }
    return nullptr;
  }
  auto owned = std::make_unique<Helper>();
  Helper* h = owned.get();
  h->owner = this;
  uv_pipe_init(loop_, &h->to, 0);
  uv_pipe_init(loop_, &h->from, 0);
  h->to.data = h->from.data = h->process.data = h;

  uv_stdio_container_t stdio[3];
  stdio[0].flags = static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_READABLE_PIPE);
  stdio[0].data.stream = reinterpret_cast<uv_stream_t*>(&h->to);
  stdio[1].flags = static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_WRITABLE_PIPE);
  stdio[1].data.stream = reinterpret_cast<uv_stream_t*>(&h->from);
  stdio[2].flags = UV_INHERIT_FD;  // its rare complaints go to the daemon's log
  stdio[2].data.fd = 2;
  std::vector<char*> args = {const_cast<char*>(path.c_str()), nullptr};
  uv_process_options_t options{};
  options.file = path.c_str();
  options.args = args.data();
  options.stdio = stdio;
  options.stdio_count = 3;
  options.exit_cb = [](uv_process_t* p, int64_t status, int signal) {
    auto* helper = static_cast<Helper*>(p->data);
    if (helper->owner != nullptr) {
      helper->owner->on_exit(helper, status, signal);
    } else {
      helper->exited = true;
      uv_close(reinterpret_cast<uv_handle_t*>(p), &Helper::on_closed);
    }
  };
  const int r = uv_spawn(loop_, &h->process, &options);
  h->open_handles = 3;  // uv_spawn initialises the process handle even when it fails
  helpers_.push_back(std::move(owned));
  if (r != 0) {
    give_up(h, path, r);
    return nullptr;
  }
  start_failure_logged_ = false;
  log_debug("notifications: started limber-notify (pid " + std::to_string(h->process.pid) + ")");
  start_reading(h);
  return h;
}

// uv_spawn failed: the helper's handles were initialised all the same.
void BreakNotifier::give_up(Helper* h, const std::string& path, int r) {
  if (!start_failure_logged_) {
    log_warning("notifications: cannot start " + path + ": " + uv_strerror(r) + "; reminders reach the tray only");
    start_failure_logged_ = true;
  }
  h->exited = true;
  h->input_closed = true;
  for (uv_handle_t* handle : {reinterpret_cast<uv_handle_t*>(&h->process), reinterpret_cast<uv_handle_t*>(&h->to),
                              reinterpret_cast<uv_handle_t*>(&h->from)}) {
    uv_close(handle, &Helper::on_closed);
  }
}

void BreakNotifier::start_reading(Helper* h) {
  uv_read_start(
      reinterpret_cast<uv_stream_t*>(&h->from),
      [](uv_handle_t*, size_t, uv_buf_t* buf) {
        static char buffer[4096];
        *buf = uv_buf_init(buffer, sizeof buffer);
      },
      [](uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
        auto* helper = static_cast<Helper*>(stream->data);
        if (nread < 0) {  // EOF (the helper exited) or a broken pipe
          uv_close(reinterpret_cast<uv_handle_t*>(stream), &Helper::on_closed);
          return;
        }
        if (helper->owner == nullptr) return;
        std::vector<std::string> lines;
        if (!split_lines(&helper->pending, std::string_view(buf->base, static_cast<size_t>(nread)), &lines)) {
          log_warning("notifications: limber-notify sent an overlong line; ignored");
        }
        for (const std::string& line : lines) {
          NotifyReport report;
          std::string err;
          if (!decode(line, &report, &err)) {
            log_warning("notifications: unreadable line from limber-notify (" + err + ")");
            continue;
          }
          helper->owner->on_report(helper, report);
        }
      });
}

void BreakNotifier::send(Helper* h, const NotifyRequest& request) {
  if (h->input_closed) return;
  auto* w = new WriteRequest;
  w->line = encode(request);
  uv_buf_t buf = uv_buf_init(w->line.data(), static_cast<unsigned>(w->line.size()));
  const int r = uv_write(&w->req, reinterpret_cast<uv_stream_t*>(&h->to), &buf, 1, [](uv_write_t* req, int status) {
    // EPIPE: the helper is gone; its exit is reported by the exit callback.
    if (status < 0 && status != UV_ECANCELED) {
      log_debug(std::string("notifications: writing to limber-notify failed: ") + uv_strerror(status));
    }
    delete reinterpret_cast<WriteRequest*>(req);
  });
  if (r != 0) {
    log_debug(std::string("notifications: writing to limber-notify failed: ") + uv_strerror(r));
    delete w;
  }
}

void BreakNotifier::end_input(Helper* h) {
  if (h->input_closed) return;
  h->input_closed = true;
  // After the pending writes, the helper reads end of input and exits.
  auto* req = new uv_shutdown_t;
  const int r = uv_shutdown(req, reinterpret_cast<uv_stream_t*>(&h->to), [](uv_shutdown_t* s, int) {
    uv_close(reinterpret_cast<uv_handle_t*>(s->handle), &Helper::on_closed);
    delete s;
  });
  if (r != 0) {
    delete req;
    uv_close(reinterpret_cast<uv_handle_t*>(&h->to), &Helper::on_closed);
  }
}

void BreakNotifier::on_report(Helper* h, const NotifyReport& report) {
  switch (report.kind) {
    case NotifyReport::Kind::kShown:
      last_break_id_ = report.break_id;
      last_server_id_ = report.server_id;
      if ((server_missing_logged_ || !server_logged_) && !report.text.empty()) {
        log_info("notifications: shown by " + report.text);
      }
      server_logged_ = true;
      server_missing_logged_ = false;
      log_info("break #" + std::to_string(report.break_id) + " reminder shown as a notification");
      break;
    case NotifyReport::Kind::kFailed:
      if (!server_missing_logged_) {
        log_warning("notifications: cannot show a break reminder (" + report.text +
                    "); reminders still reach the tray, and a notification server that starts later is used");
        server_missing_logged_ = true;
      }
      if (h == current_) current_ = nullptr;  // the helper exits by itself
      break;
    case NotifyReport::Kind::kClosed:
      log_debug("notifications: break #" + std::to_string(report.break_id) + "'s reminder closed (" + report.text + ")");
      if (h == current_) current_ = nullptr;  // the helper exits by itself
      end_input(h);
      break;
    case NotifyReport::Kind::kAction:
      // May show or close reminders: h stays valid (it is freed only once
      // its handles are closed, later in the loop).
      on_action_(report.break_id, report.action);
      break;
  }
}

void BreakNotifier::on_exit(Helper* h, int64_t status, int signal) {
  h->exited = true;
  if (signal != 0 || status != 0) {
    log_warning("notifications: limber-notify (pid " + std::to_string(h->process.pid) + ") " +
                (signal != 0 ? "was killed by signal " + std::to_string(signal)
                             : "exited with status " + std::to_string(status)) +
                "; the next reminder starts it again");
  } else {
    log_debug("notifications: limber-notify (pid " + std::to_string(h->process.pid) + ") exited");
  }
  if (h == current_) current_ = nullptr;
  if (!h->input_closed) {
    h->input_closed = true;
    uv_close(reinterpret_cast<uv_handle_t*>(&h->to), &Helper::on_closed);
  }
  // Its stdout closes at its own end of file, after the last report.
  uv_close(reinterpret_cast<uv_handle_t*>(&h->process), &Helper::on_closed);
}

void BreakNotifier::forget(Helper* h) {
  helpers_.remove_if([h](const std::unique_ptr<Helper>& p) { return p.get() == h; });
  if (stopping_ && helpers_.empty()) kill_timer_.close();
}

}  // namespace limber
