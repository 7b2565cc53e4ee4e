// `limberctl config`: the daemon's effective settings (get, list, explain),
// changing the user's own settings (set), and checking a file locally
// without a daemon (validate).
#include <cstdio>

#include "commands.h"
#include "limber/config.h"
#include "output_format.h"

namespace limber::ctl {

using rpc::Json;

namespace {

std::string lock_note(const Json& j) {
  if (!j.value("locked", false)) return {};
  const std::string by = j.value("locked_by", "");
  return by.empty() ? "managed by your organisation" : "managed by your organisation (" + by + ")";
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
    std::printf("%s = %s (saved in %s)\n", key.c_str(), saved.c_str(), r->value("file", "").c_str());
    if (saved != in_force) {
      std::printf("note: the setting in force is still %s (see `limberctl config explain %s`)\n",
                  in_force.c_str(), key.c_str());
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
  Table table({"KEY", "VALUE", "FROM", ""});
  for (const Json& k : r->value("keys", Json::array())) {
    table.add({k.value("key", ""), k.value("value", ""), k.value("layer", ""),
               k.value("locked", false) ? "managed" : ""});
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
  if (layer == "default") {
    std::printf("  from:        the built-in default\n");
  } else {
    std::printf("  from:        %s layer, %s:%d\n", layer.c_str(), file.c_str(),
                r->value("line", 0));
  }
  for (const Json& o : r->value("overridden", Json::array())) {
    const std::string where = o.value("layer", "") == "default"
                                  ? std::string("built-in default")
                                  : o.value("layer", "") + ", " + o.value("file", "") + ":" +
                                        std::to_string(o.value("line", 0));
    std::printf("  overrides:   %s (%s)\n", o.value("value", "").c_str(), where.c_str());
  }
  if (const std::string note = lock_note(*r); !note.empty()) {
    std::printf("  locked:      %s; `limberctl config set` cannot change it\n", note.c_str());
  }
  // The description and the allowed values come with config.list.
  if (const std::optional<Json> all = ctx.daemon.call("config.list")) {
    for (const Json& k : all->value("keys", Json::array())) {
      if (k.value("key", "") != key) continue;
      std::printf("  default:     %s\n  expects:     %s\n  meaning:     %s\n",
                  k.value("default", "").c_str(), k.value("expected", "").c_str(),
                  k.value("description", "").c_str());
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
      std::printf("%s: valid%s\n", file.c_str(), diags.empty() ? "" : " (with warnings)");
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
  if (words.empty()) return usage_error(ctx, "say what to do: get, set, list, explain or validate");
  const std::string& action = words[0];
  auto wants = [&](size_t n, const char* usage) {
    if (words.size() == n + 1) return true;
    usage_error(ctx, std::string("usage: limberctl config ") + usage);
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
  return usage_error(ctx,
                     "unknown action '" + action + "': use get, set, list, explain or validate");
}

}  // namespace limber::ctl
