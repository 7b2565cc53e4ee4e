#include "notify/glib_loop_bridge.h"

#include <glib.h>

#include <algorithm>
#include <utility>

namespace limber {
namespace {

int uv_events_for(gushort glib_events) {
  int events = 0;
  if ((glib_events & (G_IO_IN | G_IO_PRI)) != 0) events |= UV_READABLE;
  if ((glib_events & G_IO_OUT) != 0) events |= UV_WRITABLE;
  if ((glib_events & G_IO_PRI) != 0) events |= UV_PRIORITIZED;
  return events;
}

gushort glib_events_for(int uv_events, int status) {
  int events = 0;
  if (status < 0) events |= G_IO_ERR;
  if ((uv_events & UV_READABLE) != 0) events |= G_IO_IN;
  if ((uv_events & UV_WRITABLE) != 0) events |= G_IO_OUT;
  if ((uv_events & UV_PRIORITIZED) != 0) events |= G_IO_PRI;
  if ((uv_events & UV_DISCONNECT) != 0) events |= G_IO_HUP;
  return static_cast<gushort>(events);
}

}  // namespace

GlibLoopBridge::GlibLoopBridge() = default;
GlibLoopBridge::~GlibLoopBridge() { stop(); }

bool GlibLoopBridge::start(uv_loop_t* loop, std::string* why) {
  if (running()) return true;
  GMainContext* context = g_main_context_default();
  if (!g_main_context_acquire(context)) {
    *why = "GLib's main context is owned by another thread";
    return false;
  }
  loop_ = loop;
  context_ = context;
  prepare_.emplace();
  check_.emplace();
  timeout_.emplace();
  uv_prepare_init(loop, prepare_->get());
  uv_check_init(loop, check_->get());
  uv_timer_init(loop, timeout_->get());
  for (uv_handle_t* h : {prepare_->base(), check_->base(), timeout_->base()}) {
    h->data = this;
    uv_unref(h);
  }
  uv_prepare_start(prepare_->get(), [](uv_prepare_t* h) { static_cast<GlibLoopBridge*>(h->data)->prepare(); });
  uv_check_start(check_->get(), [](uv_check_t* h) { static_cast<GlibLoopBridge*>(h->data)->check(); });
  return true;
}

void GlibLoopBridge::stop() {
  if (!running()) return;
  watches_.clear();  // each UvHandle closes its poll
  prepare_.reset();
  check_.reset();
  timeout_.reset();
  fds_.clear();
  prepared_ = false;
  g_main_context_release(std::exchange(context_, nullptr));
  loop_ = nullptr;
}

void GlibLoopBridge::prepare() {
  if (prepared_) {
    // The previous iteration's check did not run (the loop was stopped in
    // between): GLib needs every prepare closed by a check.
    g_main_context_check(context_, max_priority_, fds_.data(), static_cast<gint>(fds_.size()));
  }
  gint max_priority = 0;
  const bool ready = g_main_context_prepare(context_, &max_priority) != FALSE;
  max_priority_ = max_priority;
  gint timeout_ms = -1;
  if (fds_.empty()) fds_.resize(8);
  for (;;) {
    const gint needed = g_main_context_query(context_, max_priority_, &timeout_ms, fds_.data(),
                                             static_cast<gint>(fds_.size()));
    if (static_cast<size_t>(needed) <= fds_.size()) {
      fds_.resize(static_cast<size_t>(needed));
      break;
    }
    fds_.resize(static_cast<size_t>(needed));
  }
  prepared_ = true;
  sync_watches();

  if (ready) timeout_ms = 0;  // a source can be dispatched now: do not sleep
  if (timeout_ms < 0) {
    uv_timer_stop(timeout_->get());
  } else {
    // The timer only keeps the loop from sleeping past GLib's deadline; the
    // check phase that follows finds the expired sources itself.
    uv_timer_start(timeout_->get(), [](uv_timer_t*) {}, static_cast<uint64_t>(timeout_ms), 0);
  }
}

void GlibLoopBridge::sync_watches() {
  std::map<int, int> wanted;  // fd -> uv events
  for (const GPollFD& p : fds_) wanted[p.fd] |= uv_events_for(p.events);

  for (auto it = watches_.begin(); it != watches_.end();) {
    if (wanted.count(it->first) == 0) {
      it = watches_.erase(it);
    } else {
      ++it;
    }
  }
  for (const auto& [fd, events] : wanted) {
    auto& watch = watches_[fd];
    if (!watch) {
      watch = std::make_unique<FdWatch>();
      if (uv_poll_init(loop_, watch->poll.get(), fd) != 0) {
        // Not pollable (a regular file): GLib treats those as always ready.
        watches_.erase(fd);
        continue;
      }
      watch->poll.get()->data = this;
      uv_unref(watch->poll.base());
      watch->uv_events = -1;
    }
    watch->seen = 0;
    if (watch->uv_events == events) continue;
    watch->uv_events = events;
    if (events == 0) {
      uv_poll_stop(watch->poll.get());
      continue;
    }
    uv_poll_start(watch->poll.get(), events | UV_DISCONNECT, [](uv_poll_t* poll, int status, int revents) {
      auto* self = static_cast<GlibLoopBridge*>(poll->data);
      int polled_fd = -1;
      uv_fileno(reinterpret_cast<uv_handle_t*>(poll), &polled_fd);
      self->on_poll(polled_fd, status, revents);
    });
  }
}

void GlibLoopBridge::on_poll(int fd, int status, int events) {
  auto it = watches_.find(fd);
  if (it == watches_.end()) return;
  FdWatch& watch = *it->second;
  watch.seen |= events;
  if (status < 0) {
    // libuv stops polling a descriptor that failed; let GLib see the error
    // and re-arm at the next prepare.
    watch.seen |= UV_DISCONNECT;
    watch.uv_events = -1;
  }
}

void GlibLoopBridge::check() {
  if (!prepared_) return;
  prepared_ = false;
  for (GPollFD& p : fds_) {
    p.revents = 0;
    auto it = watches_.find(p.fd);
    if (it == watches_.end()) {
      p.revents = static_cast<gushort>(p.events & (G_IO_IN | G_IO_OUT));  // unpollable: always ready
      continue;
    }
    const int seen = it->second->seen;
    p.revents = static_cast<gushort>(glib_events_for(seen, 0) & (p.events | G_IO_ERR | G_IO_HUP | G_IO_NVAL));
  }
  for (auto& [fd, watch] : watches_) watch->seen = 0;
  if (g_main_context_check(context_, max_priority_, fds_.data(), static_cast<gint>(fds_.size()))) {
    ++dispatches_;
    g_main_context_dispatch(context_);
  }
}

}  // namespace limber
