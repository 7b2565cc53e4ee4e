// limberctl: the command line for limberd. Parses the global options,
// finds the command and runs it; the commands are in commands.h.
#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "limber/i18n.h"

#ifndef LIMBER_VERSION
#define LIMBER_VERSION "unknown"
#endif

namespace limber::ctl {

namespace {

void print_program_help() {
  // TRANSLATORS: `limberctl --help`, before the list of commands.
  std::fputs(_(R"(Usage: limberctl [--json] [--socket PATH] COMMAND [ARGS]...
Controls limberd, Limber's break-reminder daemon: shows its state, takes,
postpones or skips breaks, pauses reminders, reads and changes settings,
shows statistics, exercises and desk-setup checklists, and follows what
happens.

Commands:
)"),
             stdout);
  for (const Command& c : commands()) {
    // The summaries are literals marked N_ in command_table.cc.
    std::printf("  %-11s %s\n", std::string(c.name).c_str(), _(c.summary.data()));
  }
  // TRANSLATORS: `limberctl --help`, after the list of commands.
  std::fputs(_(R"(
Run 'limberctl COMMAND --help' for a command's arguments.

Options (anywhere on the line):
      --json         print the daemon's answer as JSON instead of text
      --socket PATH  talk to the daemon at PATH instead of
                     $XDG_RUNTIME_DIR/limber/limberd.sock
  -h, --help         show this help (or a command's) and exit
  -V, --version      show the version and exit

Exit status:
  0  success
  1  the daemon refused or failed (its message is printed); for doctor and
     config validate: problems were found
  2  usage error
  3  limberd is not running (start it with `systemctl --user start limberd`
     or `limberd`)

The protocol limberctl speaks is documented in docs/protocol.md.
)"),
             stdout);
}

}  // namespace

void print_json(const rpc::Json& result) {
  std::printf("%s\n", result.dump(2, ' ', false, rpc::Json::error_handler_t::replace).c_str());
}

int usage_error(const CommandContext& ctx, std::string_view message) {
  return usage_error(ctx.args.command(), message);
}

int main(int argc, char** argv) {
  start_i18n();  // messages and tables in the user's language; JSON stays English
  const std::vector<std::string> argv_words(argv + 1, argv + argc);
  GlobalOptions options;
  std::string command_name, err;
  std::vector<std::string> words;
  if (!parse_command_line(argv_words, &options, &command_name, &words, &err))
    return usage_error("", err);
  if (command_name == "help") {  // `limberctl help [COMMAND]`
    options.help = true;
    command_name = words.empty() ? "" : words.front();
  }
  if (options.version) {
    std::printf("limberctl %s (protocol %d)\n", LIMBER_VERSION, rpc::kProtocolVersion);
    return kExitOk;
  }
  const Command* command = command_name.empty() ? nullptr : find_command(command_name);
  if (!command_name.empty() && command == nullptr) {
    return usage_error("", fill_in(_("unknown command '{command}'"), {{"command", command_name}}));
  }
  if (options.help) {
    if (command != nullptr) {
      std::fputs(_(command->help.data()), stdout);  // a literal marked N_ in command_table.cc
    } else {
      print_program_help();
    }
    return kExitOk;
  }
  if (command == nullptr) return usage_error("", _("no command given"));
  CommandArgs args(command_name, std::move(words));
  DaemonSession daemon(options.socket);
  CommandContext ctx{args, options, daemon};
  return command->run(ctx);
}

}  // namespace limber::ctl

int main(int argc, char** argv) {
  return limber::ctl::main(argc, argv);
}
