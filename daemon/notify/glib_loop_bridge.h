// GlibLoopBridge: runs GLib's default main context from the daemon's libuv
// loop, so libnotify (whose action and close callbacks arrive through GDBus
// on that context) and GSettings work without a second thread.
//
// Every loop iteration, in libuv's prepare phase (just before the loop
// sleeps), GLib is asked what it waits for: g_main_context_prepare() and
// g_main_context_query() give a set of file descriptors with poll events and
// a timeout. The bridge keeps one uv_poll_t per descriptor, armed with those
// events, and one uv_timer_t for the timeout. In the check phase (just after
// the loop woke up) the events seen are handed back with
// g_main_context_check(), and ready sources run in
// g_main_context_dispatch(). When GLib waits for nothing but its descriptors
// (the usual case), the loop sleeps: the bridge adds no periodic wake-up.
// GDBus's own worker thread wakes the context through its wakeup descriptor,
// which is one of those polled.
//
// The bridge acquires the default context for the loop's thread and holds it
// until stop(); nothing else may iterate that context meanwhile. Its libuv
// handles are unreferenced: the bridge alone never keeps the loop running.
//
// Threading: the loop thread only.
#pragma once

#include <uv.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "uv/uv_handle.h"

typedef struct _GMainContext GMainContext;
typedef struct _GPollFD GPollFD;

namespace limber {

class GlibLoopBridge {
 public:
  GlibLoopBridge();
  ~GlibLoopBridge();
  GlibLoopBridge(const GlibLoopBridge&) = delete;
  GlibLoopBridge& operator=(const GlibLoopBridge&) = delete;

  // Starts driving the default main context from `loop`. Fails (with a
  // reason) when another thread owns the context.
  bool start(uv_loop_t* loop, std::string* why);
  // Stops driving the context and releases it. Safe to call twice.
  void stop();
  bool running() const { return context_ != nullptr; }

  // How many times GLib sources were dispatched; for tests and debugging.
  uint64_t dispatches() const { return dispatches_; }

 private:
  // One polled descriptor. GLib may list a descriptor more than once (with
  // different events); the poll watches the union.
  struct FdWatch {
    UvHandle<uv_poll_t> poll;
    int uv_events = 0;
    int seen = 0;  // uv events reported since the last prepare
  };

  void prepare();
  void check();
  void sync_watches();
  void on_poll(int fd, int status, int events);

  uv_loop_t* loop_ = nullptr;
  GMainContext* context_ = nullptr;
  // Fresh handles per start(): a UvHandle cannot be reused once closed.
  std::optional<UvHandle<uv_prepare_t>> prepare_;
  std::optional<UvHandle<uv_check_t>> check_;
  std::optional<UvHandle<uv_timer_t>> timeout_;
  std::map<int, std::unique_ptr<FdWatch>> watches_;
  std::vector<GPollFD> fds_;
  int max_priority_ = 0;
  bool prepared_ = false;  // prepare ran and check has not yet
  uint64_t dispatches_ = 0;
};

}  // namespace limber
