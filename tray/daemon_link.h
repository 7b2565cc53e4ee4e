// DaemonLink: the tray's view of limberd — requests and notifications over
// the IPC socket (docs/protocol.md), never blocking the UI.
//
// The tray is a pure view: everything it shows comes from here, everything
// the user does goes through call(). Replies and notifications arrive on
// the UI thread. The implementation (DaemonConnection) reconnects by itself
// when limberd restarts.
#pragma once

#include <functional>
#include <string>

#include "limber/jsonrpc.h"

namespace limber::tray {

class DaemonLink {
 public:
  // `error` is null on success; on failure (including "not connected")
  // `result` is null and `error` says why.
  using Reply = std::function<void(const rpc::Json& result, const rpc::Error* error)>;
  using Listener = std::function<void(const std::string& method, const rpc::Json& params)>;

  virtual ~DaemonLink() = default;

  virtual bool connected() const = 0;
  // Sends `method` with `params`; `reply` runs later on the UI thread. May
  // be an empty function when the answer does not matter.
  virtual void call(const std::string& method, rpc::Json params, Reply reply) = 0;
  // Notifications (state.changed, break.due, …) and the pseudo-events
  // "link.connected" / "link.disconnected". Returns a handle for remove.
  virtual int add_listener(Listener listener) = 0;
  virtual void remove_listener(int handle) = 0;
};

}  // namespace limber::tray
