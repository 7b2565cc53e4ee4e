// What the API files share: turning a Status into a reply, and parsing the
// params that more than one method takes.
#pragma once

#include <chrono>
#include <string_view>

#include "engine/break_engine.h"
#include "ipc/rpc_dispatcher.h"
#include "limber/status.h"

namespace limber::api {

RpcReply reply_from(const Status& st);
// "micro", "rest" or "daily"; throws ParamError otherwise.
BreakKind break_kind_param(const Params& p, std::string_view name);
// "YYYY-MM-DD"; throws ParamError otherwise.
std::chrono::sys_days date_param(const Params& p, std::string_view name);

}  // namespace limber::api
