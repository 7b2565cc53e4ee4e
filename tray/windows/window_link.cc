#include "window_link.h"

#include <utility>

namespace limber::tray {

WindowLink::~WindowLink() {
  *alive_ = false;
  if (listener_ >= 0) link_.remove_listener(listener_);
}

void WindowLink::call(const std::string& method, rpc::Json params, DaemonLink::Reply reply) {
  link_.call(method, std::move(params),
             [alive = alive_, reply = std::move(reply)](const rpc::Json& result, const rpc::Error* error) {
               if (*alive && reply) reply(result, error);
             });
}

void WindowLink::listen(DaemonLink::Listener listener) {
  if (listener_ >= 0) link_.remove_listener(listener_);
  listener_ = link_.add_listener(
      [alive = alive_, listener = std::move(listener)](const std::string& method, const rpc::Json& params) {
        if (*alive) listener(method, params);
      });
}

}  // namespace limber::tray
