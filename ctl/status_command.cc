// `limberctl status`: the daemon's state for a person, as raw JSON, or as
// the JSON a waybar (or i3status-rust) custom module reads.
#include <cstdio>

#include "commands.h"
#include "limber/i18n.h"
#include "status_view.h"

namespace limber::ctl {

using rpc::Json;

int run_status(CommandContext& ctx) {
  const std::optional<std::string> format = ctx.args.option("--format");
  std::vector<std::string> words;
  if (!ctx.args.positionals(0, 0, &words)) return usage_error(ctx, ctx.args.error());
  const std::string fmt = format.value_or(ctx.options.json ? "json" : "human");
  if (fmt != "human" && fmt != "json" && fmt != "waybar") {
    return usage_error(ctx, _("--format must be human, json or waybar"));
  }
  const std::optional<Json> status = ctx.daemon.call("status");
  if (!status) return ctx.daemon.exit_code();
  if (fmt == "waybar") {
    std::printf("%s\n", waybar_json(*status).dump().c_str());
  } else if (fmt == "json") {
    print_json(*status);
  } else {
    std::fputs(status_text(*status).c_str(), stdout);
  }
  return kExitOk;
}

}  // namespace limber::ctl
