// `limberctl checklist run ID`: asks each question of a desk-setup checklist
// in the terminal, sends every answer to the daemon as it is given (so
// quitting halfway keeps what was answered), and ends with the score and
// what to fix. With --json the questions go to stderr and the final
// checklist (score and to-do) to stdout.
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "limber/i18n.h"
#include "output_format.h"

namespace limber::ctl {

using rpc::Json;

namespace {

enum class Reply { kYes, kNo, kNotApplicable, kSkip, kQuit };

// "  Why: " and `text` wrapped, its further lines under its first word
// (labels have their own width in each language).
std::string labelled(const std::string& indent, const char* label, std::string_view text) {
  const std::string first = indent + label + " ";
  return wrap_text(text, first, std::string(display_width(first), ' '));
}

// Reads one reply; asks again on anything else. End of input is quit.
Reply read_reply(std::FILE* out) {
  for (;;) {
    // TRANSLATORS: the answers typed stay y, n, na, s and q in every language.
    std::fputs(_("  [y]es, [n]o, [na] does not apply, [s]kip, [q]uit > "), out);
    std::fflush(out);
    std::string line;
    if (!std::getline(std::cin, line)) {
      std::fputs("\n", out);
      return Reply::kQuit;
    }
    // Answers piped in are not echoed by a terminal: show them, so the
    // transcript reads as a dialogue.
    if (::isatty(STDIN_FILENO) == 0) std::fprintf(out, "%s\n", line.c_str());
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    while (!line.empty() && line.front() == ' ') line.erase(0, 1);
    for (char& c : line) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (line == "y" || line == "yes") return Reply::kYes;
    if (line == "n" || line == "no") return Reply::kNo;
    if (line == "na" || line == "n/a") return Reply::kNotApplicable;
    if (line == "s" || line == "skip" || line.empty()) return Reply::kSkip;
    if (line == "q" || line == "quit") return Reply::kQuit;
    print_line(_("  Please answer y, n, na, s or q."), out);
  }
}

void print_result(std::FILE* out, const Json& checklist) {
  std::fputs("\n", out);
  print_line(fill_in(_("Score: {score}"), {{"score", checklist_score_text(checklist)}}), out);
  const Json to_do = checklist.value("to_do", Json::array());
  if (to_do.empty()) {
    print_line(_("Nothing to fix."), out);
    return;
  }
  std::fprintf(out, "\n%s\n", _("To do:"));
  for (const Json& item : to_do) {
    std::fputs(wrap_text(item.value("question", ""), "  - ", "    ").c_str(), out);
    if (const std::string fix = item.value("fix", ""); !fix.empty()) {
      std::fputs(labelled("    ", _("Fix:"), fix).c_str(), out);
    }
  }
}

}  // namespace

int run_checklist_interactively(CommandContext& ctx, const std::string& id) {
  const std::optional<Json> list = ctx.daemon.call("checklist.get", Json{{"id", id}});
  if (!list) return ctx.daemon.exit_code();
  std::FILE* out = ctx.options.json ? stderr : stdout;
  const Json items = list->value("items", Json::array());
  print_line(
      fill_in(P_("{title}: {count} question.", "{title}: {count} questions.", items.size()),
              {{"title", list->value("title", "")}, {"count", std::to_string(items.size())}}),
      out);
  if (const std::string summary = list->value("summary", ""); !summary.empty()) {
    std::fputs(wrap_text(summary, "", "").c_str(), out);
  }
  print_line(_("Answers are saved as you go; quit at any time."), out);

  Json latest = *list;
  size_t n = 0;
  for (const Json& item : items) {
    ++n;
    std::fprintf(out, "\n[%zu/%zu] %s\n", n, items.size(), item.value("area", "").c_str());
    std::fputs(wrap_text(item.value("question", ""), "", "").c_str(), out);
    if (const std::string why = item.value("why", ""); !why.empty()) {
      std::fputs(labelled("  ", _("Why:"), why).c_str(), out);
    }
    if (const std::string numbers = item.value("numbers", ""); !numbers.empty()) {
      std::fputs(labelled("  ", _("Numbers:"), numbers).c_str(), out);
    }
    if (item["answer"].is_string())
      print_line(
          fill_in(_("  Last time: {answer}"), {{"answer", item["answer"].get<std::string>()}}),
          out);
    const Reply reply = read_reply(out);
    if (reply == Reply::kQuit) break;
    if (reply == Reply::kSkip) continue;
    const char* answer = reply == Reply::kYes ? "yes" : reply == Reply::kNo ? "no" : "na";
    const std::optional<Json> r = ctx.daemon.call(
        "checklist.answer",
        Json{{"checklist", id}, {"item", item.value("id", "")}, {"answer", answer}});
    if (!r) return ctx.daemon.exit_code();
    latest = *r;
    if (reply == Reply::kNo) {
      if (const std::string fix = item.value("fix", ""); !fix.empty()) {
        std::fputs(labelled("  ", _("Fix:"), fix).c_str(), out);
      }
    }
  }
  print_result(out, latest);
  if (ctx.options.json) print_json(latest);
  return kExitOk;
}

}  // namespace limber::ctl
