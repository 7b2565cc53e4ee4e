// CommandOutput: a helper program run from the daemon's libuv loop, its
// standard output handed over as it arrives. Do-not-disturb watches use it
// to ask tools that already speak a desktop's language (`gsettings get`,
// `pw-dump --monitor`) instead of linking those desktops' libraries into
// limberd.
//
// The command's stdin and stderr are /dev/null. It is found through $PATH.
// stop() (and the destructor) closes the pipe and sends SIGTERM; the process
// is still reaped afterwards (libuv only reaps children whose handle is
// open), so nothing is left behind as a zombie. No callback runs after
// stop().
//
// Threading: the loop thread only; callbacks run from the loop.
#pragma once

#include <uv.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

class CommandOutput {
 public:
  // Some of the command's standard output (any size, not split at lines).
  using Output = std::function<void(std::string_view chunk)>;
  // The command ended and all its output was delivered. `exit_status` is
  // its exit code, `signal` the signal that ended it (0: none).
  using Exited = std::function<void(int64_t exit_status, int signal)>;

  CommandOutput() = default;
  ~CommandOutput() { stop(); }
  CommandOutput(const CommandOutput&) = delete;
  CommandOutput& operator=(const CommandOutput&) = delete;

  // Starts `argv` (argv[0] looked up in $PATH). False, with a reason, when
  // it cannot be started (not installed: the reason names the program).
  // REQUIRES: !running().
  bool start(uv_loop_t* loop, const std::vector<std::string>& argv, Output on_output,
             Exited on_exit, std::string* why);
  // True from a successful start() until on_exit ran or stop().
  bool running() const { return run_ != nullptr; }
  void stop();

 private:
  // The handles of one run. Owned here while running; after stop() it
  // owns itself until the process has exited and both handles closed.
  struct Run;
  static void on_alloc(uv_handle_t* handle, size_t suggested, uv_buf_t* buf);
  static void on_read(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
  static void on_process_exit(uv_process_t* process, int64_t exit_status, int term_signal);
  static void finish_if_done(Run* run);
  static void close_handle(uv_handle_t* handle);  // frees the Run after its last handle

  Run* run_ = nullptr;
};

}  // namespace limber
