// `limberctl report show`: what this user's limberd reports to the
// organisation — whether fleet reporting is on and who turned it on, where
// the report goes, when it was last written, and the report itself, the
// exact JSON written to the spool.
#include <cstdio>

#include "commands.h"
#include "output_format.h"

namespace limber::ctl {

using rpc::Json;

int run_report(CommandContext& ctx) {
  std::vector<std::string> words;
  if (!ctx.args.positionals(0, 1, &words)) return usage_error(ctx, ctx.args.error());
  if (!words.empty() && words[0] != "show") return usage_error(ctx, "unknown subcommand '" + words[0] + "'");
  const std::optional<Json> result = ctx.daemon.call("report.get");
  if (!result) return ctx.daemon.exit_code();
  if (ctx.options.json) {
    print_json(*result);
    return kExitOk;
  }
  const bool on = result->value("enabled", false);
  const std::string by = result->value("enabled_by", "");
  if (on) {
    std::printf("Fleet reporting: on, turned on by your organisation (%s)\n",
                by.empty() ? "built-in default" : by.c_str());
    std::printf("Report file:     %s\n", result->value("file", "").c_str());
    const Json& last = (*result)["last_written"];
    std::printf("Last written:    %s\n",
                last.is_string() ? human_time(last.get<std::string>(), local_date_today()).c_str()
                                 : "not yet");
    const std::string problem = result->value("problem", "");
    if (!problem.empty()) std::printf("Problem:         %s\n", problem.c_str());
    std::printf("\nWhat is reported, exactly (nothing else leaves this account):\n");
  } else {
    std::printf("Fleet reporting: off. Nothing is reported.\n\n"
                "Only your organisation can turn reporting on (report.enabled in a policy file).\n"
                "If it did, this is exactly what would be written:\n");
  }
  std::printf("%s\n", result->value("report", Json::object()).dump(2).c_str());
  return kExitOk;
}

}  // namespace limber::ctl
