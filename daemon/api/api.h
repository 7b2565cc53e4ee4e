// limberd's IPC methods, one file per area; each registers its methods with
// the DaemonCore's dispatcher. Every method is documented in
// docs/protocol.md (a test keeps the two in step). Handlers validate their
// params through Params, which answers -32602 with the parameter's name,
// and report other failures as RpcReply::fail.
#pragma once

namespace limber {
class DaemonCore;
}

namespace limber::api {

void register_session_methods(DaemonCore& daemon);  // hello, status, subscribe, unsubscribe
void register_break_methods(DaemonCore& daemon);    // break.*, pause, resume, quiet
void register_config_methods(DaemonCore& daemon);   // config.*
void register_stats_methods(DaemonCore& daemon);    // stats
void register_catalog_methods(DaemonCore& daemon);  // exercises.*, checklist.*
void register_report_methods(DaemonCore& daemon);   // report.get

}  // namespace limber::api
