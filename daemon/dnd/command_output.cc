#include "dnd/command_output.h"

#include <csignal>
#include <utility>

namespace limber {

struct CommandOutput::Run {
  CommandOutput* owner = nullptr;  // nullptr once stopped or finished
  Output on_output;
  Exited on_exit;
  uv_process_t process{};
  uv_pipe_t pipe{};
  int open_handles = 2;  // freed when both are closed
  bool pipe_closed = false;
  bool exited = false;
  bool eof = false;
  int64_t exit_status = 0;
  int term_signal = 0;
  char buffer[16384];
};

bool CommandOutput::start(uv_loop_t* loop, const std::vector<std::string>& argv, Output on_output,
                          Exited on_exit, std::string* why) {
  auto* run = new Run;
  run->on_output = std::move(on_output);
  run->on_exit = std::move(on_exit);
  run->process.data = run;
  run->pipe.data = run;
  uv_pipe_init(loop, &run->pipe, 0);

  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  uv_stdio_container_t stdio[3];
  stdio[0].flags = UV_IGNORE;
  stdio[1].flags = static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_WRITABLE_PIPE);
  stdio[1].data.stream = reinterpret_cast<uv_stream_t*>(&run->pipe);
  stdio[2].flags = UV_IGNORE;
  uv_process_options_t options{};
  options.file = args[0];
  options.args = args.data();
  options.stdio_count = 3;
  options.stdio = stdio;
  options.exit_cb = &CommandOutput::on_process_exit;

  const int rc = uv_spawn(loop, &run->process, &options);
  if (rc != 0) {
    *why = argv[0] + (rc == UV_ENOENT ? std::string(" is not installed")
                                      : ": " + std::string(uv_strerror(rc)));
    // Both handles were initialised and must be closed; that frees `run`.
    close_handle(reinterpret_cast<uv_handle_t*>(&run->pipe));
    close_handle(reinterpret_cast<uv_handle_t*>(&run->process));
    return false;
  }
  uv_read_start(reinterpret_cast<uv_stream_t*>(&run->pipe), &CommandOutput::on_alloc,
                &CommandOutput::on_read);
  run->owner = this;
  run_ = run;
  return true;
}

void CommandOutput::stop() {
  if (run_ == nullptr) return;
  Run* run = std::exchange(run_, nullptr);
  run->owner = nullptr;
  // Closing our end first: a command blocked writing to a full pipe gets
  // EPIPE instead of waiting for a reader forever.
  if (!run->pipe_closed) {
    run->pipe_closed = true;
    close_handle(reinterpret_cast<uv_handle_t*>(&run->pipe));
  }
  // The process handle stays open until the exit is reported, so libuv
  // reaps the child; its close then frees `run`.
  if (!run->exited) uv_process_kill(&run->process, SIGTERM);
}

void CommandOutput::on_alloc(uv_handle_t* handle, size_t /*suggested*/, uv_buf_t* buf) {
  auto* run = static_cast<Run*>(handle->data);
  *buf = uv_buf_init(run->buffer, sizeof run->buffer);
}

void CommandOutput::on_read(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* run = static_cast<Run*>(stream->data);
  if (nread > 0) {
    if (run->owner != nullptr && run->on_output)
      run->on_output(std::string_view(buf->base, static_cast<size_t>(nread)));
    return;
  }
  if (nread == 0) return;  // nothing this time (EAGAIN)
  // End of output (or a read error, which ends it as well).
  run->eof = true;
  if (!run->pipe_closed) {
    run->pipe_closed = true;
    close_handle(reinterpret_cast<uv_handle_t*>(&run->pipe));
  }
  finish_if_done(run);
}

void CommandOutput::on_process_exit(uv_process_t* process, int64_t exit_status, int term_signal) {
  auto* run = static_cast<Run*>(process->data);
  run->exited = true;
  run->exit_status = exit_status;
  run->term_signal = term_signal;
  close_handle(reinterpret_cast<uv_handle_t*>(process));
  finish_if_done(run);
}

void CommandOutput::close_handle(uv_handle_t* handle) {
  uv_close(handle, [](uv_handle_t* closed) {
    auto* run = static_cast<Run*>(closed->data);
    if (--run->open_handles == 0) delete run;
  });
}

void CommandOutput::finish_if_done(Run* run) {
  if (!run->exited || !run->eof || run->owner == nullptr) return;
  std::exchange(run->owner, nullptr)->run_ = nullptr;
  // The owner may start a new run, or be destroyed, from inside on_exit.
  Exited on_exit = std::move(run->on_exit);
  if (on_exit) on_exit(run->exit_status, run->term_signal);
}

}  // namespace limber
