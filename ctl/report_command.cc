// `limberctl report show`: what this user's limberd reports to the
// organisation — whether fleet reporting is on and who turned it on, where
// the report goes, when it was last written, and the report itself, the
// exact JSON written to the spool.
#include <cstdio>

#include "commands.h"
#include "limber/i18n.h"
#include "output_format.h"

namespace limber::ctl {

using rpc::Json;

int run_report(CommandContext& ctx) {
  std::vector<std::string> words;
  if (!ctx.args.positionals(0, 1, &words)) return usage_error(ctx, ctx.args.error());
  if (!words.empty() && words[0] != "show")
    return usage_error(ctx, fill_in(_("unknown subcommand '{word}'"), {{"word", words[0]}}));
  const std::optional<Json> result = ctx.daemon.call("report.get");
  if (!result) return ctx.daemon.exit_code();
  if (ctx.options.json) {
    print_json(*result);
    return kExitOk;
  }
  const bool on = result->value("enabled", false);
  const std::string by = result->value("enabled_by", "");
  if (on) {
    const Json& last = (*result)["last_written"];
    const std::string written =
        last.is_string() ? human_time(last.get<std::string>(), local_date_today()) : _("not yet");
    // TRANSLATORS: `limberctl report`: the values of these lines start in one column.
    print_line(fill_in(_("Fleet reporting: on, turned on by your organisation ({policy})"),
                       {{"policy", by.empty() ? _("built-in default") : by}}));
    print_line(fill_in(_("Report file:     {file}"), {{"file", result->value("file", "")}}));
    print_line(fill_in(_("Last written:    {time}"), {{"time", written}}));
    const std::string problem = result->value("problem", "");
    if (!problem.empty())
      print_line(fill_in(_("Problem:         {problem}"), {{"problem", problem}}));
    std::printf("\n");
    print_line(_("What is reported, exactly (nothing else leaves this account):"));
  } else {
    print_line(
        _("Fleet reporting: off. Nothing is reported.\n\n"
          "Only your organisation can turn reporting on (report.enabled in a policy file).\n"
          "If it did, this is exactly what would be written:"));
  }
  std::printf("%s\n", result->value("report", Json::object()).dump(2).c_str());
  return kExitOk;
}

}  // namespace limber::ctl
