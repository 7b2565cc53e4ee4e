#include "ipc/rpc_dispatcher.h"

#include <new>

namespace limber {

using rpc::Json;

const Json* Params::find(std::string_view name) const {
  if (!params_.is_object()) return nullptr;
  auto it = params_.find(name);
  return it == params_.end() ? nullptr : &*it;
}

bool Params::has(std::string_view name) const {
  const Json* v = find(name);
  return v != nullptr && !v->is_null();
}

std::string Params::string(std::string_view name) const {
  const Json* v = find(name);
  if (v == nullptr || v->is_null()) throw ParamError{"missing parameter '" + std::string(name) + "'"};
  if (!v->is_string()) throw ParamError{"parameter '" + std::string(name) + "' must be a string"};
  return v->get<std::string>();
}

std::string Params::string_or(std::string_view name, std::string fallback) const {
  return has(name) ? string(name) : fallback;
}

bool Params::boolean(std::string_view name) const {
  const Json* v = find(name);
  if (v == nullptr || v->is_null()) throw ParamError{"missing parameter '" + std::string(name) + "'"};
  if (!v->is_boolean()) throw ParamError{"parameter '" + std::string(name) + "' must be true or false"};
  return v->get<bool>();
}

int64_t Params::integer_or(std::string_view name, int64_t fallback, int64_t min, int64_t max) const {
  const Json* v = find(name);
  if (v == nullptr || v->is_null()) return fallback;
  if (!v->is_number_integer()) {
    throw ParamError{"parameter '" + std::string(name) + "' must be an integer"};
  }
  const int64_t n = v->get<int64_t>();
  if (n < min || n > max) {
    throw ParamError{"parameter '" + std::string(name) + "' must be from " + std::to_string(min) +
                     " to " + std::to_string(max)};
  }
  return n;
}

void RpcDispatcher::add(std::string name, Method method) { methods_[std::move(name)] = std::move(method); }

std::vector<std::string> RpcDispatcher::method_names() const {
  std::vector<std::string> names;
  for (const auto& [name, method] : methods_) names.push_back(name);
  return names;
}

namespace {

// Answered when the daemon ran out of memory on a request: built once, so
// answering needs no large allocation.
const std::string& out_of_memory_reply() {
  static const std::string reply = rpc::encode(rpc::make_error(
      nullptr, {rpc::kInternalError, "out of memory while answering this request", nullptr}));
  return reply;
}

// The id of a request, when it has a usable one, for an error about it.
Json id_of(const Json& request) {
  if (!request.is_object()) return nullptr;
  const auto it = request.find("id");
  if (it == request.end()) return nullptr;
  if (it->is_number_integer() || it->is_number_unsigned()) return *it;
  if (it->is_string() && it->get_ref<const std::string&>().size() <= rpc::kMaxIdBytes) return *it;
  return nullptr;
}

bool is_notification(const Json& request) {
  return request.is_object() && !request.contains("id");
}

}  // namespace

std::string RpcDispatcher::dispatch(std::string_view line, ClientContext& client) {
  // The loop must survive whatever one line costs: what escapes a request
  // here (bad_alloc while parsing or encoding) ends that request only.
  try {
    return dispatch_unguarded(line, client);
  } catch (const std::bad_alloc&) {
    return out_of_memory_reply();
  } catch (...) {
    try {
      return rpc::encode(rpc::make_error(nullptr, {rpc::kInternalError, "internal error", nullptr}));
    } catch (...) {
      return out_of_memory_reply();
    }
  }
}

std::string RpcDispatcher::dispatch_unguarded(std::string_view line, ClientContext& client) {
  rpc::Error error;
  const std::optional<Json> message = rpc::parse_line(line, &error);
  if (!message) return rpc::encode(rpc::make_error(nullptr, error));
  if (message->is_array()) return dispatch_batch(*message, client);
  std::string reply = answer(*message, client);
  if (reply.size() > limits_.max_reply_bytes) return too_large(id_of(*message));
  return reply;
}

std::string RpcDispatcher::dispatch_batch(const Json& batch, ClientContext& client) {
  if (batch.empty()) {
    return rpc::encode(rpc::make_error(nullptr, {rpc::kInvalidRequest, "empty batch", nullptr}));
  }
  if (batch.size() > limits_.max_batch_entries) {
    // Refused whole, before any entry runs: running some would leave the
    // client unsure which of its requests took effect.
    return rpc::encode(rpc::make_error(
        nullptr, {rpc::kInvalidRequest,
                  "batch of " + std::to_string(batch.size()) + " requests, more than " +
                      std::to_string(limits_.max_batch_entries),
                  nullptr}));
  }
  // Built as text, entry by entry, so the size is known at every step.
  std::string out = "[";
  for (const Json& request : batch) {
    std::string reply = answer(request, client);
    if (reply.empty()) continue;
    reply.pop_back();  // the newline
    if (out.size() + reply.size() + 2 > limits_.max_reply_bytes) return too_large(nullptr);
    if (out.size() > 1) out += ',';
    out += reply;
  }
  if (out.size() == 1) return std::string();  // only notifications
  out += "]\n";
  return out;
}

std::string RpcDispatcher::answer(const Json& request, ClientContext& client) {
  // handle() contains what a method throws; this contains what building
  // and encoding the response throws, so one entry of a batch failing does
  // not cost the others their answers.
  const char* why = "internal error";
  try {
    Json response = handle(request, client);
    return response.is_null() ? std::string() : rpc::encode(response);
  } catch (const std::bad_alloc&) {
    why = "out of memory while answering this request";
  } catch (...) {
  }
  if (is_notification(request)) return std::string();
  try {
    return rpc::encode(rpc::make_error(id_of(request), {rpc::kInternalError, why, nullptr}));
  } catch (...) {
    return out_of_memory_reply();
  }
}

std::string RpcDispatcher::too_large(const Json& id) const {
  return rpc::encode(rpc::make_error(
      id, {kReplyTooLarge,
           "the reply would be larger than " + std::to_string(limits_.max_reply_bytes) +
               " bytes; ask for less (a shorter range, fewer requests in a batch)",
           nullptr}));
}

Json RpcDispatcher::handle(const Json& request, ClientContext& client) {
  auto invalid = [](const std::string& why) {
    return rpc::make_error(nullptr, {rpc::kInvalidRequest, why, nullptr});
  };
  if (!request.is_object()) return invalid("a request must be a JSON object");
  const auto id_it = request.find("id");
  const bool is_notification = id_it == request.end();
  const Json id = is_notification ? Json(nullptr) : *id_it;
  if (!is_notification) {
    if (!id.is_string() && !id.is_number_integer() && !id.is_number_unsigned() && !id.is_null()) {
      return invalid("\"id\" must be a string, an integer or null");
    }
    if (id.is_string() && id.get_ref<const std::string&>().size() > rpc::kMaxIdBytes) {
      return invalid("\"id\" is longer than " + std::to_string(rpc::kMaxIdBytes) + " bytes");
    }
  }
  // An object of the wrong shape is not a valid request, so not a
  // notification either, even without an id: JSON-RPC 2.0 answers it with
  // -32600 and a null id (the spec's {"jsonrpc":"2.0","method":1} example).
  auto wrong_shape = [&](const std::string& why) {
    return rpc::make_error(id, {rpc::kInvalidRequest, why, nullptr});
  };
  const auto version = request.find("jsonrpc");
  if (version == request.end() || *version != "2.0") return wrong_shape("\"jsonrpc\" must be \"2.0\"");
  const auto method_it = request.find("method");
  if (method_it == request.end() || !method_it->is_string()) return wrong_shape("\"method\" must be a string");
  static const Json kNoParams = Json::object();
  const auto params_it = request.find("params");
  if (params_it != request.end() && !params_it->is_object() && !params_it->is_array()) {
    return wrong_shape("\"params\" must be an object or an array");
  }
  // From here on the request is well formed; a notification gets no answer
  // whatever happens to it.
  auto fail = [&](const rpc::Error& e) { return is_notification ? Json(nullptr) : rpc::make_error(id, e); };
  const std::string& name = method_it->get_ref<const std::string&>();
  const auto method = methods_.find(name);
  if (method == methods_.end()) {
    return fail({rpc::kMethodNotFound, "no method '" + name.substr(0, 64) + "'", nullptr});
  }
  const Json& params = params_it == request.end() ? kNoParams : *params_it;
  if (params.is_array() && !params.empty()) {
    return fail({rpc::kInvalidParams, "Limber's methods take named parameters (an object)", nullptr});
  }
  RpcReply reply;
  try {
    reply = method->second(Params(params.is_array() ? kNoParams : params), client);
  } catch (const ParamError& e) {
    reply = RpcReply::fail(rpc::kInvalidParams, e.message);
  } catch (const std::bad_alloc&) {
    reply = RpcReply::fail(rpc::kInternalError, "out of memory while answering this request");
  } catch (const std::exception& e) {
    // A method bug must not take the daemon down; the client learns of it.
    reply = RpcReply::fail(rpc::kInternalError, std::string("internal error: ") + e.what());
  } catch (...) {
    reply = RpcReply::fail(rpc::kInternalError, "internal error");
  }
  if (is_notification) return nullptr;
  return reply.failed ? rpc::make_error(id, reply.error) : rpc::make_result(id, std::move(reply.result));
}

}  // namespace limber
