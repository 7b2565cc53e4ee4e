// `limberctl doctor`: checks what Limber needs and says what is wrong and
// what to do: the daemon answers; which activity source it uses; every
// configuration file it reads is valid (checked here, as `config validate`
// does); a notification server is there for reminders; the tray runs.
//
// Exit status: 0 when nothing is wrong, 1 when something needs fixing,
// 3 when limberd is not running (the local checks are still printed).
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>

#include "commands.h"
#include "limber/config.h"
#include "limber/i18n.h"
#include "limber/protocol.h"
#include "notification_server.h"
#include "output_format.h"

namespace limber::ctl {

using rpc::Json;

namespace {

enum class Verdict { kOk, kNote, kProblem };

struct Check {
  Check(std::string check_name, Verdict v, std::string text)
      : name(std::move(check_name)), verdict(v), detail(std::move(text)) {}
  std::string name;
  Verdict verdict = Verdict::kOk;
  std::string detail;
  std::vector<std::string> lines;  // further lines (config diagnostics)
};

bool file_exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

std::vector<std::string> policy_files(const std::string& dir) {
  std::vector<std::string> files;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (const dirent* e = ::readdir(d)) {
      const std::string name = e->d_name;
      if (name.size() > 5 && name.substr(name.size() - 5) == ".toml" && name[0] != '.')
        files.push_back(dir + "/" + name);
    }
    ::closedir(d);
  }
  std::sort(files.begin(), files.end());
  return files;
}

Check config_file_check(const std::string& what, const std::string& path) {
  Check c("config", Verdict::kOk, what + " " + path);
  if (path.empty()) {
    c.detail = what + ": not used";
    return c;
  }
  if (!file_exists(path)) {
    c.detail += ": not present (fine: the layer below applies)";
    return c;
  }
  std::vector<ConfigDiagnostic> diags;
  const Status st = validate_config_file(path, &diags);
  for (const ConfigDiagnostic& d : diags) c.lines.push_back(d.to_string());
  if (!st) {
    c.verdict = Verdict::kProblem;
    c.detail += ": " + st.message();
  } else {
    c.detail += diags.empty() ? ": valid" : ": valid, with warnings";
    if (!diags.empty()) c.verdict = Verdict::kNote;
  }
  return c;
}

std::vector<Check> config_checks() {
  const ConfigPaths paths = default_config_paths();
  std::vector<Check> checks{config_file_check("site defaults", paths.site_file),
                            config_file_check("your settings", paths.user_file)};
  const std::vector<std::string> policies = policy_files(paths.policy_dir);
  if (policies.empty())
    checks.push_back(
        Check{"config", Verdict::kOk, "managed policies in " + paths.policy_dir + ": none"});
  // limberd refuses a policy the user could have written (config.h).
  if (file_exists(paths.policy_dir)) {
    if (const std::string why = policy_path_problem(paths.policy_dir, paths.policy_owners); !why.empty()) {
      checks.push_back(Check{"config", Verdict::kProblem,
                             "policy directory " + paths.policy_dir + " is refused: " + why});
    }
  }
  for (const std::string& p : policies) {
    Check c = config_file_check("managed policy", p);
    if (const std::string why = policy_path_problem(p, paths.policy_owners); !why.empty()) {
      c.verdict = Verdict::kProblem;
      c.detail += "; refused by limberd: " + why;
    }
    checks.push_back(std::move(c));
  }
  return checks;
}

std::vector<Check> daemon_checks(DaemonSession& daemon, bool* reachable) {
  std::vector<Check> checks;
  std::string why;
  *reachable = daemon.probe(&why);
  if (!*reachable) {
    checks.push_back(Check{"daemon", Verdict::kProblem, why + "; " + kStartHint});
    return checks;
  }
  const Json& hello = daemon.hello_result();
  checks.push_back(Check{"daemon", Verdict::kOk,
                         hello.value("daemon", "limberd") + " " + hello.value("version", "") +
                             ", protocol " + std::to_string(hello.value("protocol", 0)) + ", on " +
                             daemon.socket_path()});
  const CallResult status = daemon.client().call("status");
  if (!status.ok()) {
    checks.push_back(Check{"daemon", Verdict::kProblem, "status failed: " + status.error.message});
    return checks;
  }
  const protocol::DaemonStatus s = protocol::daemon_status_from_json(status.result);
  const std::string& source = s.source;
  if (source.empty()) {
    checks.push_back(Check{"activity", Verdict::kProblem,
                           "no activity source: limberd cannot tell when you work"});
  } else if (source == "demo") {
    checks.push_back(
        Check{"activity", Verdict::kNote, "demo: a pretend user types (limberd --demo)"});
  } else {
    checks.push_back(
        Check{"activity", Verdict::kOk, source + " (see limberd's log for why it was chosen)"});
  }
  // What limberd itself found when it last read its files (the checks of
  // config_checks() read them again from here, as this user).
  for (const std::string& e : s.config_errors) {
    checks.push_back(Check{"config", Verdict::kProblem, "limberd reports: " + e});
  }
  const std::string& history = s.history;
  const protocol::HistoryHealth& health = s.history_health;
  checks.push_back(history.empty() ? Check{"history", Verdict::kProblem, "not recorded (see limberd's log)"}
                   : health.ok     ? Check{"history", Verdict::kOk, history}
                                   : Check{"history", Verdict::kProblem, history + ": " + health.problem});
  checks.push_back(
      s.tray_connected
          ? Check{"tray", Verdict::kOk, "limber-tray is connected"}
          : Check{"tray", Verdict::kNote,
                  "limber-tray is not running; reminders come as desktop notifications"});
  return checks;
}

Check notification_check(bool tray_connected) {
  const NotificationServer n = find_notification_server();
  // Without a tray, notifications are the only way a reminder reaches you.
  const Verdict missing = tray_connected ? Verdict::kNote : Verdict::kProblem;
  if (!n.bus_reachable) return Check{"notifications", missing, n.error};
  if (n.running) {
    return Check{"notifications", Verdict::kOk,
                 (n.server.empty() ? std::string("a server") : n.server) + " is running"};
  }
  if (n.activatable)
    return Check{"notifications", Verdict::kOk, "a server starts on demand (D-Bus activation)"};
  return Check{
      "notifications", missing,
      "no notification server on the session bus (install dunst, mako or a desktop's own)"};
}

const char* verdict_name(Verdict v) {
  return v == Verdict::kOk ? "ok" : v == Verdict::kNote ? "note" : "problem";
}

}  // namespace

int run_doctor(CommandContext& ctx) {
  std::vector<std::string> words;
  if (!ctx.args.positionals(0, 0, &words)) return usage_error(ctx, ctx.args.error());
  bool reachable = false;
  std::vector<Check> checks = daemon_checks(ctx.daemon, &reachable);
  const bool tray = std::any_of(checks.begin(), checks.end(), [](const Check& c) {
    return c.name == "tray" && c.verdict == Verdict::kOk;
  });
  for (Check& c : config_checks()) checks.push_back(std::move(c));
  checks.push_back(notification_check(tray));

  const bool problems = std::any_of(checks.begin(), checks.end(),
                                    [](const Check& c) { return c.verdict == Verdict::kProblem; });
  if (ctx.options.json) {
    Json list = Json::array();
    for (const Check& c : checks) {
      list.push_back(Json{{"check", c.name},
                          {"verdict", verdict_name(c.verdict)},
                          {"detail", c.detail},
                          {"lines", c.lines}});
    }
    print_json(Json{{"ok", !problems}, {"checks", std::move(list)}});
  } else {
    for (const Check& c : checks) {
      std::printf("%-8s %-14s %s\n", verdict_name(c.verdict), c.name.c_str(), c.detail.c_str());
      for (const std::string& line : c.lines) std::printf("%-24s%s\n", "", line.c_str());
    }
    std::printf("\n");
    // TRANSLATORS: `limberctl doctor`'s last line; "problem" is the word its lines start with.
    print_line(problems ? _("Some things need fixing (see \"problem\" above).")
                        : _("Everything looks fine."));
  }
  if (!reachable) return kExitNotRunning;
  return problems ? kExitDaemonError : kExitOk;
}

}  // namespace limber::ctl
