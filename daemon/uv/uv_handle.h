// UvHandle<T>: owns one libuv handle (uv_timer_t, uv_poll_t, uv_signal_t,
// uv_pipe_t …) and closes it once, the libuv way: memory is released in the
// close callback, after the loop is done with it. Use this for every handle
// in the daemon instead of raw uv_*_t members.
//
//   UvHandle<uv_timer_t> timer;
//   uv_timer_init(loop, timer.get());
//   timer.get()->data = this;
//   ...
//   timer.close();   // or let the destructor do it
#pragma once

#include <uv.h>

#include <utility>

namespace limber {

template <typename T>
class UvHandle {
 public:
  UvHandle() : handle_(new T{}) {}
  ~UvHandle() { close(); }
  UvHandle(const UvHandle&) = delete;
  UvHandle& operator=(const UvHandle&) = delete;
  UvHandle(UvHandle&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}

  T* get() const { return handle_; }
  uv_handle_t* base() const { return reinterpret_cast<uv_handle_t*>(handle_); }

  // Closes the handle if it was initialised; frees it when libuv is done.
  // Safe to call more than once. The handle must not be used afterwards.
  void close() {
    if (handle_ == nullptr) return;
    T* h = std::exchange(handle_, nullptr);
    auto* base = reinterpret_cast<uv_handle_t*>(h);
    if (base->loop == nullptr) {  // never initialised
      delete h;
      return;
    }
    if (!uv_is_closing(base)) {
      uv_close(base, [](uv_handle_t* closing) { delete reinterpret_cast<T*>(closing); });
    }
  }

 private:
  T* handle_;
};

}  // namespace limber
