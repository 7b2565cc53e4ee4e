// config.list, config.get, config.explain, config.set: the layered
// configuration, with each key's layer and lock.
#include "api/api.h"
#include "daemon_core.h"
#include "limber/config_writer.h"
#include "log.h"

namespace limber::api {

using rpc::Json;

namespace {

std::string known_key(const Params& p) {
  const std::string key = p.string("key");
  if (find_config_key(key) == nullptr) throw ParamError{"no setting '" + key + "' (see config.list)"};
  return key;
}

RpcReply list(const Config& config) {
  Json keys = Json::array();
  for (const KeyDef& def : config_keys()) {
    const ConfigExplanation e = config.explain(def.name);
    keys.push_back(Json{{"key", def.name},
                        {"value", e.value},
                        {"default", def.default_value},
                        {"expected", describe_expected(def)},
                        {"description", def.description},
                        {"layer", config_layer_name(e.layer)},
                        {"locked", e.locked}});
  }
  return RpcReply::ok(Json{{"keys", std::move(keys)}});
}

RpcReply get(const Config& config, const std::string& key) {
  const ConfigExplanation e = config.explain(key);
  return RpcReply::ok(Json{{"key", key}, {"value", e.value}, {"layer", config_layer_name(e.layer)}, {"locked", e.locked}});
}

RpcReply explain(const Config& config, const std::string& key) {
  const ConfigExplanation e = config.explain(key);
  Json overridden = Json::array();
  for (const ConfigSetting& s : e.overridden) {
    overridden.push_back(Json{{"layer", config_layer_name(s.layer)}, {"file", s.file}, {"line", s.line}, {"value", s.value}});
  }
  return RpcReply::ok(Json{{"key", key},
                           {"value", e.value},
                           {"layer", config_layer_name(e.layer)},
                           {"file", e.file},
                           {"line", e.line},
                           {"locked", e.locked},
                           {"locked_by", e.locked_by},
                           {"overridden", std::move(overridden)},
                           {"text", e.to_string()}});
}

RpcReply set(DaemonCore& daemon, const Params& p) {
  const std::string key = known_key(p);
  const std::string value = p.string("value");
  const ConfigExplanation e = daemon.config().explain(key);
  if (find_config_key(key)->system_only) {
    return RpcReply::fail(rpc::kManaged, key + " is " + std::string(kSystemOnlyMessage), Json{{"locked_by", e.locked_by}});
  }
  if (e.locked) {
    return RpcReply::fail(rpc::kManaged, key + " is managed by your organisation (" + e.locked_by + ")",
                          Json{{"locked_by", e.locked_by}});
  }
  const std::string& file = daemon.config_loader().paths().user_file;
  if (file.empty()) return RpcReply::fail(rpc::kUnavailable, "no user configuration file is in use");
  std::string saved;
  if (Status st = set_config_value_in_file(file, key, value, &saved); !st) {
    // A value that is not valid, or a file that cannot be edited safely
    // (left untouched): the caller's to fix.
    const bool callers = st.code() == Status::Code::kInvalidArgument || st.code() == Status::Code::kFailedPrecondition;
    return RpcReply::fail(callers ? rpc::kInvalidParams : rpc::kInternalError, st.message());
  }
  log_info("configuration: " + key + " set to " + saved + " in " + file);
  daemon.reload_config();
  return RpcReply::ok(
      Json{{"key", key}, {"value", daemon.config().value_text(key)}, {"saved", saved}, {"file", file}});
}

}  // namespace

void register_config_methods(DaemonCore& daemon) {
  RpcDispatcher& d = daemon.dispatcher();
  d.add("config.list", [&daemon](const Params&, ClientContext&) { return list(daemon.config()); });
  d.add("config.get", [&daemon](const Params& p, ClientContext&) { return get(daemon.config(), known_key(p)); });
  d.add("config.explain", [&daemon](const Params& p, ClientContext&) { return explain(daemon.config(), known_key(p)); });
  d.add("config.set", [&daemon](const Params& p, ClientContext&) { return set(daemon, p); });
}

}  // namespace limber::api
