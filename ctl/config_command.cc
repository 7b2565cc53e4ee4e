// `limberctl config`: the daemon's effective settings (get, list, explain),
// changing the user's own settings (set), and checking a file locally
// without a daemon (validate).
#include <cstdio>

#include "commands.h"
#include "limber/config.h"
#include "limber/i18n.h"
#include "output_format.h"

namespace limber::ctl {

using rpc::Json;

namespace {

std::string lock_note(const Json& j) {
  if (!j.value("locked", false)) return {};
  const std::string by = j.value("locked_by", "");
  return by.empty() ? _("managed by your organisation")
                    : fill_in(_("managed by your organisation ({file})"), {{"file", by}});
}

int config_get(CommandContext& ctx, const std::string& key) {
  const std::optional<Json> r = ctx.daemon.call("config.get", Json{{"key", key}});
  if (!r) return ctx.daemon.exit_code();
  if (ctx.options.json) {
    print_json(*r);
  } else {
    // Just the value, so `$(limberctl config get micro.interval)` works.
    std::printf("%s\n", r->value("value", "").c_str());
  }
  return kExitOk;
}

int config_set(CommandContext& ctx, const std::string& key, const std::string& value) {
  const std::optional<Json> r = ctx.daemon.call("config.set", Json{{"key", key}, {"value", value}});
  if (!r) return ctx.daemon.exit_code();
  if (ctx.options.json) {
    print_json(*r);
  } else {
    // "saved" is the value as written to the file; "value" is the effective
    // value after the daemon reloaded. A daemon that does not send "saved"
    // replies with the effective value only.
    const std::string in_force = r->value("value", "");
    const std::string saved = r->value("saved", in_force);
    const std::string file = r->value("file", "");
    print_line(fill_in(_("{key} = {value} (saved in {file})"),
                       {{"key", key}, {"value", saved}, {"file", file}}));
    if (saved != in_force) {
      print_line(fill_in(
          _("note: the setting in force is still {value} (see `limberctl config explain {key}`)"),
          {{"value", in_force}, {"key", key}}));
    }
  }
  return kExitOk;
}

int config_list(CommandContext& ctx) {
  const std::optional<Json> r = ctx.daemon.call("config.list");
  if (!r) return ctx.daemon.exit_code();
  if (ctx.options.json) {
    print_json(*r);
    return kExitOk;
  }
  // TRANSLATORS: column heads of `limberctl config list`; FROM: the layer (user, policy…).
  Table table({_("KEY"), _("VALUE"), _("FROM"), ""});
  for (const Json& k : r->value("keys", Json::array())) {
    table.add({k.value("key", ""), k.value("value", ""), k.value("layer", ""),
               k.value("locked", false) ? _("managed") : ""});
  }
  table.print();
  return kExitOk;
}

int config_explain(CommandContext& ctx, const std::string& key) {
  const std::optional<Json> r = ctx.daemon.call("config.explain", Json{{"key", key}});
  if (!r) return ctx.daemon.exit_code();
  if (ctx.options.json) {
    print_json(*r);
    return kExitOk;
  }
  std::printf("%s = %s\n", key.c_str(), r->value("value", "").c_str());
  const std::string layer = r->value("layer", "");
  const std::string file = r->value("file", "");
  // TRANSLATORS: the lines of `limberctl config explain KEY` start with two spaces, and their
  // values in one column; the layer names (default, site, user, policy) stay English.
  if (layer == "default") {
    print_line(_("  from:        the built-in default"));
  } else {
    const std::string line = std::to_string(r->value("line", 0));
    print_line(fill_in(_("  from:        {layer} layer, {file}:{line}"),
                       {{"layer", layer}, {"file", file}, {"line", line}}));
  }
  for (const Json& o : r->value("overridden", Json::array())) {
    const std::string where = o.value("layer", "") == "default"
                                  ? std::string(_("built-in default"))
                                  : o.value("layer", "") + ", " + o.value("file", "") + ":" +
                                        std::to_string(o.value("line", 0));
    print_line(fill_in(_("  overrides:   {value} ({where})"),
                       {{"value", o.value("value", "")}, {"where", where}}));
  }
  if (const std::string note = lock_note(*r); !note.empty()) {
    print_line(fill_in(_("  locked:      {why}; `limberctl config set` cannot change it"),
                       {{"why", note}}));
  }
  // The description and the allowed values come with config.list.
  if (const std::optional<Json> all = ctx.daemon.call("config.list")) {
    for (const Json& k : all->value("keys", Json::array())) {
      if (k.value("key", "") != key) continue;
      print_line(fill_in(_("  default:     {value}"), {{"value", k.value("default", "")}}));
      print_line(fill_in(_("  expects:     {values}"), {{"values", k.value("expected", "")}}));
      print_line(fill_in(_("  meaning:     {text}"), {{"text", k.value("description", "")}}));
    }
  }
  return kExitOk;
}

// Local: needs no daemon. Exit 0 valid (warnings allowed), 1 errors found.
int config_validate(CommandContext& ctx, const std::string& file) {
  std::vector<ConfigDiagnostic> diags;
  const Status st = validate_config_file(file, &diags);
  if (ctx.options.json) {
    Json problems = Json::array();
    for (const ConfigDiagnostic& d : diags) {
      problems.push_back(
          Json{{"file", d.file},
               {"line", d.line},
               {"column", d.column},
               {"key", d.key},
               {"severity", d.severity == ConfigDiagnostic::Severity::kError ? "error" : "warning"},
               {"message", d.message},
               {"text", d.to_string()}});
    }
    print_json(
        Json{{"file", file}, {"valid", static_cast<bool>(st)}, {"problems", std::move(problems)}});
  } else {
    for (const ConfigDiagnostic& d : diags) std::printf("%s\n", d.to_string().c_str());
    if (st) {
      print_line(fill_in(diags.empty() ? _("{file}: valid") : _("{file}: valid (with warnings)"),
                         {{"file", file}}));
    } else {
      std::printf("%s: %s\n", file.c_str(), st.message().c_str());
    }
  }
  return st ? kExitOk : kExitDaemonError;
}

}  // namespace

int run_config(CommandContext& ctx) {
  std::vector<std::string> words;
  if (!ctx.args.positionals(0, 3, &words)) return usage_error(ctx, ctx.args.error());
  if (words.empty())
    return usage_error(ctx, _("say what to do: get, set, list, explain or validate"));
  const std::string& action = words[0];
  auto wants = [&](size_t n, const char* usage) {
    if (words.size() == n + 1) return true;
    usage_error(ctx, fill_in(_("usage: limberctl config {arguments}"), {{"arguments", usage}}));
    return false;
  };
  if (action == "get") return wants(1, "get KEY") ? config_get(ctx, words[1]) : kExitUsage;
  if (action == "set")
    return wants(2, "set KEY VALUE") ? config_set(ctx, words[1], words[2]) : kExitUsage;
  if (action == "list") return wants(0, "list") ? config_list(ctx) : kExitUsage;
  if (action == "explain")
    return wants(1, "explain KEY") ? config_explain(ctx, words[1]) : kExitUsage;
  if (action == "validate")
    return wants(1, "validate FILE") ? config_validate(ctx, words[1]) : kExitUsage;
  return usage_error(
      ctx, fill_in(_("unknown action '{action}': use get, set, list, explain or validate"),
                   {{"action", action}}));
}

}  // namespace limber::ctl
