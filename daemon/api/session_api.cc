// hello, status, subscribe, unsubscribe: a client's session with limberd.
#include <algorithm>

#include "api/api.h"
#include "daemon_core.h"

namespace limber::api {

using rpc::Json;

namespace {

const std::vector<std::string>& notification_names() {
  static const std::vector<std::string> names = {"state.changed", "break.due",   "break.prompt", "break.started",
                                                 "break.progress", "break.ended", "config.changed"};
  return names;
}

RpcReply hello(DaemonCore& daemon, const Params& p, ClientContext& client) {
  const int64_t version = p.integer_or("protocol", rpc::kProtocolVersion, 0, 1000000);
  if (version != rpc::kProtocolVersion) {
    return RpcReply::fail(rpc::kIncompatibleProtocol,
                          "this limberd speaks protocol " + std::to_string(rpc::kProtocolVersion) +
                              " and the client protocol " + std::to_string(version) +
                              ": update the older of the two",
                          Json{{"protocol", rpc::kProtocolVersion}});
  }
  client.name = p.string_or("client", "").substr(0, 64);
  if (client.name.rfind("limber-tray", 0) == 0) daemon.tray_arrived();
  return RpcReply::ok(Json{{"protocol", rpc::kProtocolVersion},
                           {"daemon", "limberd"},
                           {"version", LIMBER_VERSION},
                           {"methods", daemon.dispatcher().method_names()}});
}

RpcReply subscribe(const Params& p, ClientContext& client) {
  std::set<std::string> events;
  if (p.has("events")) {
    const Json& list = p.raw()["events"];
    if (!list.is_array()) throw ParamError{"parameter 'events' must be a list of notification names"};
    const auto& names = notification_names();
    for (const Json& e : list) {
      if (!e.is_string() || std::find(names.begin(), names.end(), e.get<std::string>()) == names.end()) {
        throw ParamError{"unknown notification " + e.dump() + "; known: state.changed, break.due, "
                         "break.prompt, break.started, break.progress, break.ended, config.changed"};
      }
      events.insert(e.get<std::string>());
    }
  }
  client.subscribed = true;
  client.events = events;
  return RpcReply::ok(Json{{"events", events.empty() ? Json(notification_names()) : Json(events)}});
}

}  // namespace

void register_session_methods(DaemonCore& daemon) {
  RpcDispatcher& d = daemon.dispatcher();
  d.add("hello", [&daemon](const Params& p, ClientContext& client) { return hello(daemon, p, client); });
  d.add("status", [&daemon](const Params&, ClientContext&) { return RpcReply::ok(protocol::to_json(daemon.status())); });
  d.add("subscribe", subscribe);
  d.add("unsubscribe", [](const Params&, ClientContext& client) {
    client.subscribed = false;
    client.events.clear();
    return RpcReply::ok();
  });
}

}  // namespace limber::api
