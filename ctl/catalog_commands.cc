// `limberctl exercises` and `limberctl checklist` (list and show; the
// interactive run is in checklist_run.cc).
#include <cstdio>

#include "commands.h"
#include "limber/i18n.h"
#include "output_format.h"

namespace limber::ctl {

using rpc::Json;

namespace {

std::string joined(const Json& list, const char* sep = ", ") {
  std::string out;
  for (const Json& s : list) {
    if (s.is_string()) out += (out.empty() ? "" : sep) + s.get<std::string>();
  }
  return out;
}

void print_wrapped(const std::string& text, const std::string& indent,
                   const std::string& first_prefix = "") {
  std::fputs(wrap_text(text, first_prefix.empty() ? indent : first_prefix, indent).c_str(), stdout);
}

int exercises_list(CommandContext& ctx) {
  const std::optional<Json> r = ctx.daemon.call("exercises.list");
  if (!r) return ctx.daemon.exit_code();
  if (ctx.options.json) {
    print_json(*r);
    return kExitOk;
  }
  // TRANSLATORS: column heads of `limberctl exercises list`.
  Table table({_("ID"), _("NAME"), _("POSITION"), _("TIME"), _("TARGETS"), _("OFFERED")});
  for (const Json& e : r->value("exercises", Json::array())) {
    table.add({e.value("id", ""), e.value("name", ""), e.value("position", ""),
               human_duration(e.value("duration_s", int64_t{0})),
               joined(e.value("targets", Json::array())),
               e.value("offered", false) ? _("yes") : _("no (see exercises.* settings)")});
  }
  table.print();
  return kExitOk;
}

int exercises_show(CommandContext& ctx, const std::string& id) {
  const std::optional<Json> r = ctx.daemon.call("exercises.show", Json{{"id", id}});
  if (!r) return ctx.daemon.exit_code();
  if (ctx.options.json) {
    print_json(*r);
    return kExitOk;
  }
  const Json& e = *r;
  std::printf("%s (%s)\n\n", e.value("name", "").c_str(), e.value("id", "").c_str());
  Table facts({_("Targets:"), joined(e.value("targets", Json::array()))});
  facts.add({_("Position:"), e.value("position", "")});
  const std::string equipment = joined(e.value("equipment", Json::array()));
  facts.add({_("Equipment:"), equipment.empty() ? _("none") : equipment});
  facts.add({_("Time:"), human_duration(e.value("duration_s", int64_t{0}))});
  if (e.value("repetitions", 0) > 0)
    facts.add({_("Repetitions:"), std::to_string(e.value("repetitions", 0))});
  facts.print();
  std::printf("\n%s\n", _("Steps:"));
  int n = 1;
  for (const Json& step : e.value("steps", Json::array())) {
    std::string text = step.value("text", "");
    if (step.value("hold_s", 0) > 0)
      text += fill_in(_(" (hold {time})"),
                      {{"time", human_duration(step.value("hold_s", int64_t{0}))}});
    const std::string num = "  " + std::to_string(n++) + ". ";
    print_wrapped(text, std::string(num.size(), ' '), num);
  }
  const Json cautions = e.value("cautions", Json::array());
  if (!cautions.empty()) {
    std::printf("\n%s\n", _("Take care:"));
    for (const Json& c : cautions) {
      if (c.is_string()) print_wrapped(c.get<std::string>(), "    ", "  - ");
    }
  }
  const Json health = e.value("health", Json::object());
  if (health.contains("stop_if")) {
    std::printf("\n%s\n", _("Stop if:"));
    for (const Json& c : health.value("stop_if", Json::array())) {
      if (c.is_string()) print_wrapped(c.get<std::string>(), "    ", "  - ");
    }
  }
  if (const std::string source = e.value("source", ""); !source.empty()) {
    std::printf("\n");
    const std::string label = std::string(_("Source:")) + " ";
    print_wrapped(source, std::string(display_width(label), ' '), label);
  }
  if (const std::string disclaimer = health.value("disclaimer", ""); !disclaimer.empty()) {
    std::printf("\n");
    print_wrapped(disclaimer, "");
  }
  return kExitOk;
}

std::string score_text(const Json& c) {
  const Json score = c.value("score", Json::object());
  auto number = [&](const char* name) { return std::to_string(score.value(name, 0)); };
  // TRANSLATORS: a checklist's score, e.g. "80% (8 yes, 2 no, 1 n/a, 1 unanswered)".
  return fill_in(_("{percent}% ({yes} yes, {no} no, {na} n/a, {unanswered} unanswered)"),
                 {{"percent", number("percent")},
                  {"yes", number("yes")},
                  {"no", number("no")},
                  {"na", number("not_applicable")},
                  {"unanswered", number("unanswered")}});
}

int checklist_list(CommandContext& ctx) {
  const std::optional<Json> r = ctx.daemon.call("checklist.list");
  if (!r) return ctx.daemon.exit_code();
  if (ctx.options.json) {
    print_json(*r);
    return kExitOk;
  }
  const std::string today = local_date_today();
  // TRANSLATORS: column heads of `limberctl checklist list`.
  Table table({_("ID"), _("TITLE"), _("ITEMS"), _("SCORE"), _("LAST CHECKED"), _("RECHECK")});
  for (const Json& c : r->value("checklists", Json::array())) {
    const Json last = c.value("last_checked", Json(nullptr));
    table.add({c.value("id", ""), c.value("title", ""), std::to_string(c.value("items", 0)),
               last.is_null() ? "-" : std::to_string(c["score"].value("percent", 0)) + "%",
               last.is_string() ? human_time(last.get<std::string>(), today) : _("never"),
               // TRANSLATORS: the RECHECK column: a re-check of the checklist is due.
               c.value("recheck_due", false) ? _("due") : "-"});
  }
  table.print();
  std::printf("\n");
  print_line(_("Run one with `limberctl checklist run ID`."));
  return kExitOk;
}

int checklist_show(CommandContext& ctx, const std::string& id) {
  const std::optional<Json> r = ctx.daemon.call("checklist.get", Json{{"id", id}});
  if (!r) return ctx.daemon.exit_code();
  if (ctx.options.json) {
    print_json(*r);
    return kExitOk;
  }
  const Json& c = *r;
  std::printf("%s (%s)\n", c.value("title", "").c_str(), c.value("id", "").c_str());
  print_wrapped(c.value("summary", ""), "");
  std::printf("\n");
  for (const Json& item : c.value("items", Json::array())) {
    const Json answer = item.value("answer", Json(nullptr));
    const std::string mark = answer.is_string() ? "[" + answer.get<std::string>() + "]" : "[ ]";
    print_wrapped(item.value("question", ""), "       ", (mark + "      ").substr(0, 7));
  }
  std::printf("\n");
  print_line(fill_in(_("Score: {score}"), {{"score", score_text(c)}}));
  return kExitOk;
}

}  // namespace

std::string checklist_score_text(const Json& checklist) {
  return score_text(checklist);
}

int run_exercises(CommandContext& ctx) {
  std::vector<std::string> words;
  if (!ctx.args.positionals(0, 2, &words)) return usage_error(ctx, ctx.args.error());
  if (words.empty() || (words[0] == "list" && words.size() == 1)) return exercises_list(ctx);
  if (words[0] == "show" && words.size() == 2) return exercises_show(ctx, words[1]);
  return usage_error(ctx, _("use `exercises list` or `exercises show ID`"));
}

int run_checklist(CommandContext& ctx) {
  std::vector<std::string> words;
  if (!ctx.args.positionals(0, 2, &words)) return usage_error(ctx, ctx.args.error());
  if (words.empty() || (words[0] == "list" && words.size() == 1)) return checklist_list(ctx);
  if (words[0] == "show" && words.size() == 2) return checklist_show(ctx, words[1]);
  if (words[0] == "run" && words.size() == 2) return run_checklist_interactively(ctx, words[1]);
  return usage_error(ctx, _("use `checklist list`, `checklist show ID` or `checklist run ID`"));
}

}  // namespace limber::ctl
