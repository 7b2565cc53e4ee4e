#include "daemon_session.h"

#include <cstdio>

#include "limber/i18n.h"

#ifndef LIMBER_VERSION
#define LIMBER_VERSION "unknown"
#endif

namespace limber::ctl {

bool DaemonSession::connect(std::string* why) {
  if (said_hello_ && client_.connected()) return true;
  if (socket_path_.empty()) {
    socket_path_ = default_socket_path(why);
    if (socket_path_.empty()) {
      exit_code_ = kExitNotRunning;
      return false;
    }
  }
  const Status st = client_.connect(socket_path_);
  if (!st) {
    exit_code_ = st.code() == Status::Code::kUnavailable ? kExitNotRunning : kExitDaemonError;
    *why = st.code() == Status::Code::kUnavailable
               ? fill_in(_("limberd is not running (no daemon listens on {socket})"),
                         {{"socket", socket_path_}})
               : st.message();
    return false;
  }
  const CallResult hello = client_.hello("limberctl/" LIMBER_VERSION);
  if (!hello.ok()) {
    // A daemon at its client limit closes the connection at once.
    exit_code_ = hello.status == CallStatus::kRpcError ? kExitDaemonError : kExitNotRunning;
    *why =
        hello.status == CallStatus::kRpcError
            ? hello.error.message
            : fill_in(_("limberd did not answer hello: {error}"), {{"error", hello.error.message}});
    client_.close();
    return false;
  }
  hello_ = hello.result;
  said_hello_ = true;
  return true;
}

bool DaemonSession::probe(std::string* why) {
  return connect(why);
}

bool DaemonSession::ensure_connected() {
  std::string why;
  if (connect(&why)) return true;
  std::fprintf(stderr, "limberctl: %s\n", why.c_str());
  if (exit_code_ == kExitNotRunning) std::fprintf(stderr, "limberctl: %s\n", _(kStartHint));
  return false;
}

void DaemonSession::report(const CallResult& r) {
  switch (r.status) {
    case CallStatus::kOk:
      return;
    case CallStatus::kRpcError:
      exit_code_ = kExitDaemonError;
      std::fprintf(stderr, "limberctl: %s\n", r.error.message.c_str());
      return;
    case CallStatus::kDisconnected:
      exit_code_ = kExitNotRunning;
      std::fprintf(
          stderr, "limberctl: %s\nlimberctl: %s\n",
          fill_in(_("lost the connection to limberd: {error}"), {{"error", r.error.message}})
              .c_str(),
          _(kStartHint));
      return;
    case CallStatus::kTimedOut:
      exit_code_ = kExitDaemonError;
      std::fprintf(stderr, "limberctl: %s\n", r.error.message.c_str());
      return;
  }
}

std::optional<rpc::Json> DaemonSession::call(std::string_view method, const rpc::Json& params) {
  if (!ensure_connected()) return std::nullopt;
  CallResult r = client_.call(method, params);
  if (!r.ok()) {
    report(r);
    return std::nullopt;
  }
  return std::move(r.result);
}

}  // namespace limber::ctl
