// report.get: exactly what fleet reporting writes (or would write).
#include "api/api.h"
#include "daemon_core.h"

namespace limber::api {

void register_report_methods(DaemonCore& daemon) {
  daemon.dispatcher().add("report.get", [&daemon](const Params&, ClientContext&) {
    return RpcReply::ok(daemon.reporter().describe());
  });
}

}  // namespace limber::api
