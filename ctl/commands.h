// limberctl's commands: one function per command, each in the file of its
// concern (status_command.cc, timer_commands.cc, config_command.cc,
// stats_command.cc, catalog_commands.cc, checklist_run.cc, watch_command.cc,
// doctor_command.cc, report_command.cc), and the table main() dispatches on. Each returns the
// process exit code (exit_codes.h).
#pragma once

#include <string_view>
#include <vector>

#include "command_line.h"
#include "daemon_session.h"

namespace limber::ctl {

// What every command gets.
struct CommandContext {
  CommandArgs& args;
  const GlobalOptions& options;
  DaemonSession& daemon;
};

struct Command {
  std::string_view name;
  std::string_view summary;  // one line, for `limberctl --help`
  std::string_view help;     // the whole `limberctl NAME --help` text
  int (*run)(CommandContext& ctx);
};

const std::vector<Command>& commands();
const Command* find_command(std::string_view name);

int run_status(CommandContext& ctx);
int run_break(CommandContext& ctx);
int run_pause(CommandContext& ctx);
int run_resume(CommandContext& ctx);
int run_quiet(CommandContext& ctx);
int run_config(CommandContext& ctx);
int run_stats(CommandContext& ctx);
int run_exercises(CommandContext& ctx);
int run_checklist(CommandContext& ctx);
int run_watch(CommandContext& ctx);
int run_doctor(CommandContext& ctx);
int run_report(CommandContext& ctx);

// Prints `result` as limberctl --json does: indented JSON on stdout.
void print_json(const rpc::Json& result);
// A usage error for the context's command.
int usage_error(const CommandContext& ctx, std::string_view message);

// "80% (8 yes, 2 no, 1 n/a, 1 unanswered)" for a checklist answer
// (catalog_commands.cc).
std::string checklist_score_text(const rpc::Json& checklist);

// checklist run (checklist_run.cc): the interactive walk through one list.
int run_checklist_interactively(CommandContext& ctx, const std::string& id);

}  // namespace limber::ctl
