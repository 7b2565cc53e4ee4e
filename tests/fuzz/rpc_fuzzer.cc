// libFuzzer target: bytes as a client would send them on limberd's socket,
// through LineFramer and RpcDispatcher with methods shaped like limberd's
// (the real Params helpers). Besides the sanitizers' checks, every answer
// must be one line of valid JSON-RPC 2.0, and the framer must never hold
// more than its limit.
//
// Built with clang++ -fsanitize=fuzzer,address,undefined (tests/fuzz).
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "ipc/rpc_dispatcher.h"
#include "limber/jsonrpc.h"

namespace {

using limber::ClientContext;
using limber::ParamError;
using limber::Params;
using limber::RpcDispatcher;
using limber::RpcReply;
using limber::rpc::Json;

// Small enough that inputs of libFuzzer's default length reach the cap.
constexpr size_t kFuzzLineLimit = 1024;

RpcDispatcher& dispatcher() {
  static RpcDispatcher* d = [] {
    auto* r = new RpcDispatcher;
    r->add("hello", [](const Params& p, ClientContext& c) {
      if (p.integer_or("protocol", 1, 0, 1000000) != 1)
        return RpcReply::fail(-32000, "incompatible");
      c.name = p.string_or("client", "").substr(0, 64);
      return RpcReply::ok(Json{{"protocol", 1}});
    });
    r->add("status", [](const Params&, ClientContext&) {
      return RpcReply::ok(Json{{"mode", "working"}});
    });
    r->add("pause", [](const Params& p, ClientContext&) {
      if (p.has("for") == p.has("until")) throw ParamError{"give either 'for' or 'until'"};
      return RpcReply::ok(Json{{"until", p.has("for") ? p.string("for") : p.string("until")}});
    });
    r->add("quiet", [](const Params& p, ClientContext&) {
      return RpcReply::ok(Json{{"quiet", p.boolean("on")}});
    });
    r->add("config.get", [](const Params& p, ClientContext&) {
      const std::string key = p.string("key");
      if (key.find('.') == std::string::npos) throw ParamError{"no setting '" + key + "'"};
      return RpcReply::ok(Json{{"key", key}, {"value", "20m"}});
    });
    r->add("stats", [](const Params& p, ClientContext&) {
      const int64_t days = p.integer_or("days", 7, 1, 3650);
      return RpcReply::ok(Json{{"days", days}, {"from", p.string_or("from", "")}});
    });
    r->add("break.postpone",
           [](const Params&, ClientContext&) { return RpcReply::fail(-32001, "no break is due"); });
    r->add("subscribe", [](const Params& p, ClientContext& c) {
      if (p.has("events") && !p.raw()["events"].is_array())
        throw ParamError{"parameter 'events' must be a list"};
      c.subscribed = true;
      return RpcReply::ok(Json{{"events", p.has("events") ? p.raw()["events"] : Json::array()}});
    });
    r->add("crash", [](const Params& p, ClientContext&) -> RpcReply {
      throw std::runtime_error("method bug " + p.string_or("why", ""));
    });
    return r;
  }();
  return *d;
}

void check(bool ok) {
  if (!ok) __builtin_trap();
}

// One answer must be a JSON-RPC response object: "2.0", an id, and exactly
// one of result and error (with an integer code and a string message).
void check_response(const Json& r) {
  check(r.is_object());
  check(r.contains("jsonrpc") && r["jsonrpc"] == "2.0");
  check(r.contains("id"));
  check(r.contains("result") != r.contains("error"));
  if (r.contains("error")) {
    check(r["error"]["code"].is_number_integer());
    check(r["error"]["message"].is_string());
  }
}

void check_reply(const std::string& reply) {
  if (reply.empty()) return;
  check(reply.back() == '\n');
  check(reply.find('\n') == reply.size() - 1);
  const Json parsed = Json::parse(reply, nullptr, false);
  check(!parsed.is_discarded());
  if (parsed.is_array()) {
    check(!parsed.empty());
    for (const Json& r : parsed) check_response(r);
  } else {
    check_response(parsed);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The first byte picks how the stream is cut into reads, so lines get
  // split at every possible place.
  const size_t chunk = size == 0 ? 1 : 1 + data[0] % 64;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  limber::rpc::LineFramer framer(kFuzzLineLimit);
  ClientContext client;
  while (!input.empty()) {
    const std::string_view piece = input.substr(0, chunk);
    input.remove_prefix(piece.size());
    const bool ok = framer.feed(piece, [&](std::string_view line) {
      check(line.size() <= kFuzzLineLimit);
      if (line.empty()) return;
      check_reply(dispatcher().dispatch(line, client));
    });
    check(framer.buffered() <= kFuzzLineLimit);
    if (!ok) break;  // the server replies once and disconnects
  }
  return 0;
}
