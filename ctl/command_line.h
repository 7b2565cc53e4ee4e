// limberctl's command line: the global options (which may appear anywhere:
// `limberctl --json status` and `limberctl status --json` are the same) and
// each command's own options and words.
//
// Usage errors are returned, never thrown: a command checks what it takes
// and, on a mistake, returns usage_error(), which prints the message with a
// pointer to the command's --help and gives exit code 2.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber::ctl {

struct GlobalOptions {
  bool json = false;
  bool help = false;
  bool version = false;
  std::string socket;  // --socket PATH; empty: $XDG_RUNTIME_DIR/limber/limberd.sock
};

// What a command sees: its name and the words after it, global options
// already taken out. Options are taken by name; whatever is left must be
// the command's positional words.
class CommandArgs {
 public:
  CommandArgs(std::string command, std::vector<std::string> words)
      : command_(std::move(command)), words_(std::move(words)) {}

  const std::string& command() const { return command_; }

  // Takes "--name VALUE" or "--name=VALUE". Nothing when absent; when the
  // value is missing, nothing and error() says so.
  std::optional<std::string> option(std::string_view name);
  // Takes "--name".
  bool flag(std::string_view name);

  // The remaining words, when there are from `min` to `max` of them and no
  // option is left over; otherwise false and error() says why.
  bool positionals(size_t min, size_t max, std::vector<std::string>* out);

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }

 private:
  std::string command_;
  std::vector<std::string> words_;
  std::string error_;
};

// Splits argv (without the program name) into global options, the command
// name (empty when none was given) and its words. A "--" ends option
// parsing: what follows is passed on as words. False, with *err, when a
// global option lacks its value.
bool parse_command_line(const std::vector<std::string>& argv, GlobalOptions* options,
                        std::string* command, std::vector<std::string>* words, std::string* err);

// Prints "limberctl: MESSAGE" and where to find help to stderr; returns 2.
int usage_error(std::string_view command, std::string_view message);

}  // namespace limber::ctl
