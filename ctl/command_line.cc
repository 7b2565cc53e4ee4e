#include "command_line.h"

#include <cstdio>

#include "exit_codes.h"
#include "limber/i18n.h"

namespace limber::ctl {

namespace {

// "--name=value" → value; "--name" → nothing.
std::optional<std::string> inline_value(std::string_view word, std::string_view name) {
  if (word.size() > name.size() && word.substr(0, name.size()) == name &&
      word[name.size()] == '=') {
    return std::string(word.substr(name.size() + 1));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> CommandArgs::option(std::string_view name) {
  for (size_t i = 0; i < words_.size(); ++i) {
    if (words_[i] == "--") break;
    if (auto v = inline_value(words_[i], name)) {
      words_.erase(words_.begin() + static_cast<std::ptrdiff_t>(i));
      return v;
    }
    if (words_[i] == name) {
      if (i + 1 >= words_.size()) {
        error_ = fill_in(_("{option} needs a value"), {{"option", name}});
        words_.erase(words_.begin() + static_cast<std::ptrdiff_t>(i));
        return std::nullopt;
      }
      std::string value = words_[i + 1];
      words_.erase(words_.begin() + static_cast<std::ptrdiff_t>(i),
                   words_.begin() + static_cast<std::ptrdiff_t>(i) + 2);
      return value;
    }
  }
  return std::nullopt;
}

bool CommandArgs::flag(std::string_view name) {
  for (size_t i = 0; i < words_.size(); ++i) {
    if (words_[i] == "--") break;
    if (words_[i] == name) {
      words_.erase(words_.begin() + static_cast<std::ptrdiff_t>(i));
      return true;
    }
  }
  return false;
}

bool CommandArgs::positionals(size_t min, size_t max, std::vector<std::string>* out) {
  if (failed()) return false;
  out->clear();
  bool after_dashes = false;
  for (const std::string& w : words_) {
    if (!after_dashes && w == "--") {
      after_dashes = true;
      continue;
    }
    if (!after_dashes && w.size() > 1 && w[0] == '-' && !(w[1] >= '0' && w[1] <= '9')) {
      error_ = fill_in(_("unknown option '{option}'"), {{"option", w}});
      return false;
    }
    out->push_back(w);
  }
  if (out->size() < min) {
    error_ = _("missing argument");
    return false;
  }
  if (out->size() > max) {
    error_ = fill_in(_("unexpected argument '{argument}'"), {{"argument", (*out)[max]}});
    return false;
  }
  return true;
}

bool parse_command_line(const std::vector<std::string>& argv, GlobalOptions* options,
                        std::string* command, std::vector<std::string>* words, std::string* err) {
  command->clear();
  words->clear();
  bool after_dashes = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (!after_dashes) {
      if (a == "--") {
        after_dashes = true;
        if (!command->empty()) words->push_back(a);
        continue;
      }
      if (a == "--json") {
        options->json = true;
        continue;
      }
      if (a == "-h" || a == "--help") {
        options->help = true;
        continue;
      }
      if (a == "-V" || a == "--version") {
        options->version = true;
        continue;
      }
      if (auto v = inline_value(a, "--socket")) {
        options->socket = *v;
        continue;
      }
      if (a == "--socket") {
        if (i + 1 >= argv.size() || argv[i + 1].empty()) {
          *err = fill_in(_("{option} needs a path"), {{"option", "--socket"}});
          return false;
        }
        options->socket = argv[++i];
        continue;
      }
      if (command->empty() && !a.empty() && a[0] == '-') {
        *err = fill_in(_("unknown option '{option}'"), {{"option", a}});
        return false;
      }
    }
    if (command->empty()) {
      *command = a;
    } else {
      words->push_back(a);
    }
  }
  return true;
}

int usage_error(std::string_view command, std::string_view message) {
  const std::string help =
      command.empty() ? "limberctl --help" : "limberctl " + std::string(command) + " --help";
  const std::string hint = fill_in(_("Try '{command}' for more information."), {{"command", help}});
  std::fprintf(stderr, "limberctl: %.*s\n%s\n", static_cast<int>(message.size()), message.data(),
               hint.c_str());
  return kExitUsage;
}

}  // namespace limber::ctl
