#include "api/api_params.h"

#include <cstdio>
#include <string>

namespace limber::api {

RpcReply reply_from(const Status& st) {
  if (st) return RpcReply::ok();
  switch (st.code()) {
    case Status::Code::kFailedPrecondition: return RpcReply::fail(rpc::kNotPossibleNow, st.message());
    case Status::Code::kPermissionDenied: return RpcReply::fail(rpc::kNotAllowed, st.message());
    case Status::Code::kManaged: return RpcReply::fail(rpc::kManaged, st.message());
    case Status::Code::kNotFound: return RpcReply::fail(rpc::kNotFound, st.message());
    case Status::Code::kInvalidArgument: return RpcReply::fail(rpc::kInvalidParams, st.message());
    default: return RpcReply::fail(rpc::kInternalError, st.message());
  }
}

BreakKind break_kind_param(const Params& p, std::string_view name) {
  const std::string text = p.string(name);
  BreakKind k{};
  if (!parse_break_kind(text, &k)) {
    throw ParamError{"parameter '" + std::string(name) + "' must be micro, rest or daily"};
  }
  return k;
}

std::chrono::sys_days date_param(const Params& p, std::string_view name) {
  const std::string text = p.string(name);
  int y = 0;
  unsigned m = 0, d = 0;
  char extra = 0;
  if (std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &extra) != 3) {
    throw ParamError{"parameter '" + std::string(name) + "' must be a date like 2026-11-21"};
  }
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) throw ParamError{"parameter '" + std::string(name) + "': no such date " + text};
  return std::chrono::sys_days{ymd};
}

}  // namespace limber::api
