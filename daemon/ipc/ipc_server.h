// IpcServer: limberd's Unix-socket server on the libuv loop. Accepts
// clients of the same user only (SO_PEERCRED), reads lines, hands each to
// the RpcDispatcher and writes back its answer; sends notifications to
// subscribed clients.
//
// Caps keep one client from hurting the others: a line longer than
// kMaxLineBytes, more than `max_clients` connections, more than
// `max_pending_output` bytes already waiting for a client that does not
// read, or no request within `first_request_timeout_ms` of connecting —
// each gets that client disconnected, while the daemon goes on serving
// everyone else. A client that hung up frees its slot at once, even before
// its end of stream was read. Refusals at the client cap are logged at most
// once a minute (with how many were refused meanwhile). Writes never block
// the loop; what a request costs is bounded by the RpcDispatcher.
//
// Threading: the loop thread.
#pragma once

#include <uv.h>

#include <functional>
#include <list>
#include <memory>
#include <string>

#include "ipc/rpc_dispatcher.h"
#include "limber/status.h"
#include "uv/uv_handle.h"

namespace limber {

struct IpcLimits {
  size_t max_clients = 64;
  // Bytes queued for one client beyond the reply being sent; a reply
  // itself may be up to kMaxReplyBytes.
  size_t max_pending_output = 1 << 20;
  uint64_t first_request_timeout_ms = 5'000;
  uint64_t refusal_log_interval_ms = 60'000;
};

class IpcServer {
 public:
  IpcServer(uv_loop_t* loop, RpcDispatcher& dispatcher, IpcLimits limits = {});
  ~IpcServer();
  IpcServer(const IpcServer&) = delete;
  IpcServer& operator=(const IpcServer&) = delete;

  // Listens on a socket systemd passed (sd_listen_fds) if there is one,
  // else binds `path` (removing a stale socket), created under umask 077.
  // Fails clearly when the path is too long for a Unix socket.
  Status listen(const std::string& path);

  // Sends `method` with `params` to every client subscribed to it.
  void notify(const std::string& method, const rpc::Json& params);

  // Called when a client connects (after the uid check) or disconnects.
  std::function<void(const ClientContext&)> on_connect;
  std::function<void(const ClientContext&)> on_disconnect;

  size_t client_count() const;
  // Clients refused at the client cap since the server started.
  uint64_t refused_count() const { return refused_total_; }
  // Clients whose hello named them with this prefix ("limber-tray").
  size_t clients_named(std::string_view prefix) const;
  const std::string& path() const { return path_; }
  void close();

  struct Client;  // public so the close callbacks can name it

 private:
  void accept_client();
  void read(Client* client, std::string_view data);
  void read_lines(Client* client, std::string_view data);
  void send(Client* client, std::string line);
  void drop(Client* client, const std::string& why);
  // Drops clients whose peer has closed and left nothing unread.
  void reap_hung_up();
  void refuse_over_cap();
  // Closes clients that sent nothing within the timeout; re-arms the timer.
  void check_silent_clients();
  void arm_silence_timer();

  uv_loop_t* loop_;
  RpcDispatcher& dispatcher_;
  IpcLimits limits_;
  UvHandle<uv_pipe_t> listener_;
  UvHandle<uv_timer_t> silence_timer_;
  uint64_t refused_total_ = 0;
  uint64_t refused_unlogged_ = 0;
  uint64_t last_refusal_log_ms_ = 0;
  bool refusal_logged_ = false;
  std::list<std::unique_ptr<Client>> clients_;
  uint64_t next_client_id_ = 1;
  std::string path_;
  bool bound_path_ = false;
};

}  // namespace limber
