// IpcServer: limberd's Unix-socket server on the libuv loop. Accepts
// clients of the same user only (SO_PEERCRED), reads lines, hands each to
// the RpcDispatcher and writes back its answer; sends notifications to
// subscribed clients.
//
// Caps keep one client from hurting the others: a line longer than
// kMaxLineBytes, more than `max_clients` connections, or more than
// `max_pending_output` bytes waiting to be written to a client that does
// not read — each gets that client disconnected (with a log line), while
// the daemon goes on serving everyone else. Writes never block the loop.
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
  size_t max_pending_output = 1 << 20;  // bytes queued for one client
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
  // Clients whose hello named them with this prefix ("limber-tray").
  size_t clients_named(std::string_view prefix) const;
  const std::string& path() const { return path_; }
  void close();

  struct Client;  // public so the close callbacks can name it

 private:
  void accept_client();
  void read(Client* client, std::string_view data);
  void send(Client* client, std::string line);
  void drop(Client* client, const std::string& why);

  uv_loop_t* loop_;
  RpcDispatcher& dispatcher_;
  IpcLimits limits_;
  UvHandle<uv_pipe_t> listener_;
  std::list<std::unique_ptr<Client>> clients_;
  uint64_t next_client_id_ = 1;
  std::string path_;
  bool bound_path_ = false;
};

}  // namespace limber
