// limberctl as a user runs it: the real binary against a real limberd
// (--demo --source demo, its clocks sped up) over the real socket, in a
// private temp world. Each test checks what the command printed and what
// it changed in the daemon, not only its exit status.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <optional>
#include <regex>
#include <thread>

#include "ctl_world.h"

namespace limber::test {
namespace {

using rpc::Json;

class Limberctl : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(world_.ok()) << "cannot create a temp dir"; }

  ::testing::AssertionResult start(int scale = 10) {
    std::string err;
    if (!world_.start_daemon(scale, &err)) return ::testing::AssertionFailure() << err;
    return ::testing::AssertionSuccess();
  }

  // limberctl with `args`; prints everything it said when an expectation fails.
  ProcessResult ctl(const std::vector<std::string>& args, const std::string& input = "") {
    ProcessResult r = world_.ctl(args, input);
    EXPECT_FALSE(r.timed_out) << "limberctl did not finish: " << r.out << r.err;
    return r;
  }

  static std::string said(const ProcessResult& r) {
    return "exit " + std::to_string(r.exit_code) + "\nstdout:\n" + r.out + "\nstderr:\n" + r.err;
  }

  static Json parse(const std::string& text) { return Json::parse(text, nullptr, false); }

  // micro.interval is `value`, locked by policy against `config set`, and
  // status reports one file problem.
  void expect_interval_locked_with_one_file_problem(const std::string& value) {
    EXPECT_EQ(world_.call("config.get", {{"key", "micro.interval"}})["value"], value);
    const ProcessResult set = ctl({"config", "set", "micro.interval", "4h"});
    EXPECT_EQ(set.exit_code, 1) << said(set);
    EXPECT_NE(set.err.find("managed by your organisation"), std::string::npos) << set.err;
    EXPECT_EQ(world_.call("config.get", {{"key", "micro.interval"}})["value"], value);
    const ProcessResult status = ctl({"status"});
    EXPECT_NE(status.out.find("1 file problem, see `limberctl doctor`"), std::string::npos) << status.out;
  }

  // The break of `kind` in a status.
  static Json break_of(const Json& status, const std::string& kind) {
    for (const Json& b : status["breaks"]) {
      if (b["kind"] == kind) return b;
    }
    return nullptr;
  }

  CtlWorld world_;
};

// --- status ------------------------------------------------------------------

TEST_F(Limberctl, StatusPrintsModeSourceAndEachBreakForAPerson) {
  ASSERT_TRUE(start());
  const ProcessResult r = ctl({"status"});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  EXPECT_TRUE(std::regex_search(r.out, std::regex("Mode: +working"))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("Activity from: +demo"))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\nmicro +(\\d+m )?\\d+s +"))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\nrest +"))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\ndaily +off"))) << r.out;
  EXPECT_EQ(r.err, "");
}

// The build tree's German catalog (po/de.po) through LANGUAGE, which glibc
// honours with LANG=C.UTF-8; the JSON a program reads stays English.
TEST_F(Limberctl, StatusSpeaksTheUsersLanguageButItsJsonStaysEnglish) {
  ASSERT_TRUE(start());
  const ProcessResult r = world_.ctl({"status"}, "", 15s, {"LANGUAGE=de"});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  EXPECT_TRUE(std::regex_search(r.out, std::regex("Modus: +bei der Arbeit"))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\nPAUSE +NÄCHSTE IN"))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\nErholung +"))) << r.out;
  // A timer command's usage error, too (timer_commands.cc).
  const ProcessResult usage = world_.ctl({"pause"}, "", 15s, {"LANGUAGE=de"});
  EXPECT_NE(usage.err.find("limberctl: sagen Sie, wie lange: `pause 30m`"), std::string::npos)
      << said(usage);
  const ProcessResult j = world_.ctl({"status", "--json"}, "", 15s, {"LANGUAGE=de"});
  ASSERT_EQ(j.exit_code, 0) << said(j);
  EXPECT_EQ(parse(j.out)["mode"], "working") << j.out;
}

TEST_F(Limberctl, StatusJsonIsTheDaemonsStatusObject) {
  ASSERT_TRUE(start());
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--json", "status"},
                                               {"status", "--json"},
                                               {"status", "--format", "json"}}) {
    const ProcessResult r = ctl(args);
    ASSERT_EQ(r.exit_code, 0) << said(r);
    const Json j = parse(r.out);
    ASSERT_TRUE(j.is_object()) << r.out;
    EXPECT_EQ(j["mode"], "working");
    EXPECT_EQ(j["source"], "demo");
    EXPECT_EQ(j["breaks"].size(), 3u);
  }
}

TEST_F(Limberctl, StatusWaybarFormatIsOneLineWithTextTooltipClassAndPercentage) {
  ASSERT_TRUE(start());
  const ProcessResult r = ctl({"status", "--format", "waybar"});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << "waybar reads one line: " << r.out;
  const Json j = parse(r.out);
  ASSERT_TRUE(j.is_object()) << r.out;
  ASSERT_TRUE(j["text"].is_string());
  EXPECT_FALSE(j["text"].get<std::string>().empty());
  ASSERT_TRUE(j["tooltip"].is_string());
  EXPECT_NE(j["tooltip"].get<std::string>().find("Active today"), std::string::npos) << j.dump();
  EXPECT_TRUE(j["class"] == "working" || j["class"] == "due") << j.dump();
  ASSERT_TRUE(j["percentage"].is_number_integer()) << j.dump();
  EXPECT_GE(j["percentage"].get<int>(), 0);
  EXPECT_LE(j["percentage"].get<int>(), 100);

  // Paused, the bar says so and carries the mode as its class.
  world_.call("pause", {{"for", "30m"}});
  const Json paused = parse(ctl({"status", "--format", "waybar"}).out);
  EXPECT_EQ(paused["class"], "paused") << paused.dump();
  EXPECT_EQ(paused["text"].get<std::string>().rfind("paused", 0), 0u) << paused.dump();
}

// --- breaks --------------------------------------------------------------------

TEST_F(Limberctl, BreakNowStartsTheAskedForBreakAndSkipEndsIt) {
  ASSERT_TRUE(start(1));
  const ProcessResult now = ctl({"break", "now", "rest"});
  ASSERT_EQ(now.exit_code, 0) << said(now);
  EXPECT_NE(now.out.find("rest-break"), std::string::npos) << now.out;
  const Json due = world_.call("status")["due"];
  ASSERT_TRUE(due.is_object()) << "no break is due after break now";
  EXPECT_EQ(due["kind"], "rest");
  EXPECT_EQ(due["started"], true);

  const ProcessResult skip = ctl({"break", "skip"});
  ASSERT_EQ(skip.exit_code, 0) << said(skip);
  EXPECT_NE(skip.out.find("Skipped"), std::string::npos) << skip.out;
  EXPECT_TRUE(world_.call("status")["due"].is_null());
}

TEST_F(Limberctl, BreakPostponeSnoozesTheDueBreakAndUsesUpOnePostpone) {
  ASSERT_TRUE(start(10));
  // The demo user types long enough for a micro-break within a few seconds.
  const auto due = world_.wait_for_status([](const Json& s) { return s["due"].is_object(); }, 20s);
  ASSERT_TRUE(due) << "no break became due; limberd's log:\n" << world_.daemon_log();
  const std::string kind = (*due)["due"]["kind"];
  const int left = (*due)["due"]["postpones_left"];

  const ProcessResult r = ctl({"break", "postpone"});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  EXPECT_NE(r.out.find("Postponed"), std::string::npos) << r.out;
  const Json after = break_of(world_.call("status"), kind);
  EXPECT_EQ(after["postpones_left"], left - 1) << after.dump();
}

TEST_F(Limberctl, BreakStartWithNoBreakDueExitsOneWithTheDaemonsReason) {
  ASSERT_TRUE(start(1));
  ASSERT_TRUE(world_.call("status")["due"].is_null());
  const ProcessResult r = ctl({"break", "start"});
  EXPECT_EQ(r.exit_code, 1) << said(r);
  EXPECT_NE(r.err.find("limberctl: no break is due"), std::string::npos) << said(r);
  EXPECT_EQ(r.out, "");
}

TEST_F(Limberctl, BreakWithAnUnknownKindIsAUsageError) {
  ASSERT_TRUE(start(1));
  const ProcessResult r = ctl({"break", "now", "lunch"});
  EXPECT_EQ(r.exit_code, 2) << said(r);
  EXPECT_NE(r.err.find("micro, rest or daily"), std::string::npos) << r.err;
  EXPECT_TRUE(world_.call("status")["due"].is_null()) << "a usage error must not reach the daemon";
}

// --- pause, resume, quiet ------------------------------------------------------

TEST_F(Limberctl, PauseForUntilAndUntilTomorrowSetTheEndAndResumeClearsIt) {
  ASSERT_TRUE(start(1));
  ProcessResult r = ctl({"pause", "30m"});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  EXPECT_NE(r.out.find("paused until"), std::string::npos) << r.out;
  Json s = world_.call("status");
  EXPECT_EQ(s["mode"], "paused");
  EXPECT_TRUE(s["paused_until"].is_string());

  r = ctl({"pause", "until", "14:00"});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  EXPECT_NE(r.out.find("14:00"), std::string::npos) << r.out;
  EXPECT_NE(world_.call("status")["paused_until"].get<std::string>().find("T14:00:00"),
            std::string::npos);

  r = ctl({"pause", "until-tomorrow"});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  // The next day starts at schedule.day_starts_at (04:00 by default).
  EXPECT_NE(world_.call("status")["paused_until"].get<std::string>().find("T04:00:00"),
            std::string::npos);

  r = ctl({"resume"});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  EXPECT_NE(r.out.find("resumed"), std::string::npos) << r.out;
  s = world_.call("status");
  EXPECT_NE(s["mode"], "paused");
  EXPECT_TRUE(s["paused_until"].is_null());
}

TEST_F(Limberctl, PauseWithABadDurationExitsOneWithTheDaemonsMessage) {
  ASSERT_TRUE(start(1));
  const ProcessResult r = ctl({"pause", "soon"});
  EXPECT_EQ(r.exit_code, 1) << said(r);
  EXPECT_NE(r.err.find("parameter 'for' must be a duration"), std::string::npos) << r.err;
  EXPECT_NE(world_.call("status")["mode"], "paused");
}

TEST_F(Limberctl, QuietOnAndOffToggleQuietMode) {
  ASSERT_TRUE(start(1));
  ProcessResult r = ctl({"quiet", "on"});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  Json s = world_.call("status");
  EXPECT_EQ(s["quiet"], true);
  EXPECT_EQ(s["mode"], "quiet");
  r = ctl({"quiet", "off"});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  s = world_.call("status");
  EXPECT_EQ(s["quiet"], false);
  EXPECT_EQ(s["mode"], "working");
  EXPECT_EQ(ctl({"quiet", "maybe"}).exit_code, 2);
}

// --- config ----------------------------------------------------------------------

TEST_F(Limberctl, ConfigSetThenGetShowsTheNewValueAndExplainNamesTheUserFile) {
  ASSERT_TRUE(start(1));
  ProcessResult r = ctl({"config", "get", "micro.interval"});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  EXPECT_EQ(r.out, "20m\n");

  r = ctl({"config", "set", "micro.interval", "25m"});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  EXPECT_NE(r.out.find(world_.user_config_file()), std::string::npos) << r.out;

  r = ctl({"config", "get", "micro.interval"});
  EXPECT_EQ(r.out, "25m\n") << said(r);

  r = ctl({"config", "explain", "micro.interval"});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  EXPECT_NE(r.out.find("micro.interval = 25m"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("user layer, " + world_.user_config_file() + ":"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("overrides:   20m (built-in default)"), std::string::npos) << r.out;
}

TEST_F(Limberctl, ConfigSetOfAnInvalidValueExitsOneWithTheReasonAndChangesNothing) {
  ASSERT_TRUE(start(1));
  const ProcessResult r = ctl({"config", "set", "micro.interval", "soon"});
  EXPECT_EQ(r.exit_code, 1) << said(r);
  EXPECT_NE(r.err.find("micro.interval: expected a duration"), std::string::npos) << r.err;
  EXPECT_EQ(world_.call("config.get", {{"key", "micro.interval"}})["value"], "20m");
}

TEST_F(Limberctl, ConfigSetOfAPolicyLockedKeySaysItIsManagedByTheOrganisation) {
  const std::string policy = world_.policy_dir() + "/10-site.toml";
  ASSERT_TRUE(CtlWorld::write_file(policy, "[micro]\ninterval = \"30m\"\n"));
  ASSERT_TRUE(start(1));
  const ProcessResult r = ctl({"config", "set", "micro.interval", "25m"});
  EXPECT_EQ(r.exit_code, 1) << said(r);
  EXPECT_NE(r.err.find("managed by your organisation"), std::string::npos) << r.err;
  EXPECT_EQ(world_.call("config.get", {{"key", "micro.interval"}})["value"], "30m");

  const ProcessResult explain = ctl({"config", "explain", "micro.interval"});
  EXPECT_NE(explain.out.find("locked:      managed by your organisation (" + policy + ")"),
            std::string::npos)
      << explain.out;
  const ProcessResult list = ctl({"config", "list"});
  EXPECT_TRUE(std::regex_search(list.out, std::regex("\nmicro\\.interval +30m +policy +managed\n")))
      << list.out;
}

TEST_F(Limberctl, AWorldWritablePolicyIsRefusedAndItsKeysStayLockedAtTheBuiltInValue) {
  // Anyone could have written this file: its 4h is not used, and the key it
  // names stays locked, at the built-in 20m, against the user too.
  const std::string policy = world_.policy_dir() + "/30-anyone.toml";
  ASSERT_TRUE(CtlWorld::write_file(policy, "[micro]\ninterval = \"4h\"\n"));
  ASSERT_EQ(chmod(policy.c_str(), 0666), 0);
  ASSERT_TRUE(start(1));
  expect_interval_locked_with_one_file_problem("20m");
  // doctor names the file and why.
  const ProcessResult doctor = ctl({"doctor"});
  EXPECT_TRUE(std::regex_search(doctor.out, std::regex("problem +config +limberd reports: .*30-anyone\\.toml.*writable by others")))
      << doctor.out;
}

TEST_F(Limberctl, APolicyBrokenBeforeARestartKeepsTheLocksOfItsLastGoodCopy) {
  const std::string policy = world_.policy_dir() + "/10-site.toml";
  ASSERT_TRUE(CtlWorld::write_file(policy, "[micro]\ninterval = \"30m\"\n"));
  ASSERT_TRUE(start(1));
  EXPECT_EQ(world_.call("config.get", {{"key", "micro.interval"}})["value"], "30m");
  world_.stop_daemon();
  // Broken while limberd was not running: the next start has only the copy
  // it kept of the last good file.
  ASSERT_TRUE(CtlWorld::write_file(policy, "[micro]\ninterval = \"30m\n"));
  ASSERT_TRUE(start(1));
  expect_interval_locked_with_one_file_problem("30m");
}

TEST_F(Limberctl, PauseAndQuietBeyondAPolicyAreRefusedAsManagedByTheOrganisation) {
  const std::string policy = world_.policy_dir() + "/20-no-escape.toml";
  ASSERT_TRUE(CtlWorld::write_file(policy, "[pause]\nmax = \"2h\"\n[quiet]\nallowed = false\n"));
  ASSERT_TRUE(start(1));
  ProcessResult r = ctl({"pause", "168h"});
  EXPECT_EQ(r.exit_code, 1) << said(r);
  EXPECT_NE(r.err.find("a pause of 7d is longer than allowed (at most 2h): managed by your organisation (" +
                       policy + ")"),
            std::string::npos)
      << r.err;
  r = ctl({"quiet", "on"});
  EXPECT_EQ(r.exit_code, 1) << said(r);
  EXPECT_NE(r.err.find("quiet mode is not allowed: managed by your organisation"), std::string::npos) << r.err;
  // The protocol says why, for every view: -32003, managed.
  EXPECT_EQ(world_.call_result("pause", {{"for", "168h"}}).error.code, rpc::kManaged);
  EXPECT_EQ(world_.call_result("quiet", {{"on", true}}).error.code, rpc::kManaged);
  // A pause within the bound still works.
  r = ctl({"pause", "1h"});
  EXPECT_EQ(r.exit_code, 0) << said(r);
  EXPECT_EQ(world_.call("status")["mode"], "paused");
}

TEST_F(Limberctl, HandEditsOfTheUserFileApplyWithinTwoSecondsWithoutSighup) {
  ASSERT_TRUE(start(1));
  const std::string file = world_.user_config_file();
  // The value limberd has in force, asked every 50 ms until it is `want` or
  // two seconds have passed; how long it took.
  auto applied_within = [&](const std::string& want) {
    const auto t0 = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - t0 < 2s) {
      if (world_.call("config.get", {{"key", "micro.interval"}})["value"] == want) {
        return std::optional<std::chrono::steady_clock::duration>(std::chrono::steady_clock::now() - t0);
      }
      std::this_thread::sleep_for(50ms);
    }
    return std::optional<std::chrono::steady_clock::duration>();
  };
  // Written in place, as `echo >>` or a simple editor does.
  ASSERT_TRUE(CtlWorld::write_file(file, "[micro]\ninterval = \"35m\"\n"));
  EXPECT_TRUE(applied_within("35m")) << world_.daemon_log();
  // Saved the way most editors save: a new file renamed over the old one.
  ASSERT_TRUE(CtlWorld::write_file(file + ".new", "[micro]\ninterval = \"40m\"\n"));
  ASSERT_EQ(std::rename((file + ".new").c_str(), file.c_str()), 0);
  EXPECT_TRUE(applied_within("40m")) << world_.daemon_log();
  // A broken save keeps the last good value, and the next good one applies.
  ASSERT_TRUE(CtlWorld::write_file(file, "[micro]\ninterval = \"45m\n"));
  std::this_thread::sleep_for(1s);
  EXPECT_EQ(world_.call("config.get", {{"key", "micro.interval"}})["value"], "40m");
  ASSERT_TRUE(CtlWorld::write_file(file, "[micro]\ninterval = \"45m\"\n"));
  EXPECT_TRUE(applied_within("45m")) << world_.daemon_log();
}

TEST_F(Limberctl, ConfigValidateNeedsNoDaemonAndGivesLineNumbersAndExitCodes) {
  // No daemon runs in this test: validate is local.
  const std::string good = world_.root() + "/good.toml";
  const std::string bad = world_.root() + "/bad.toml";
  ASSERT_TRUE(CtlWorld::write_file(good, "[micro]\ninterval = \"25m\"\n"));
  ASSERT_TRUE(CtlWorld::write_file(bad, "[micro]\nduration = \"30s\"\ninterval = 5\n"));

  ProcessResult r = ctl({"config", "validate", good});
  EXPECT_EQ(r.exit_code, 0) << said(r);
  EXPECT_EQ(r.out, good + ": valid\n");

  r = ctl({"config", "validate", bad});
  EXPECT_EQ(r.exit_code, 1) << said(r);
  EXPECT_NE(r.out.find(bad + ":3: micro.interval:"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(":2:"), std::string::npos) << "the good line 2 is reported: " << r.out;

  r = ctl({"config", "validate"});
  EXPECT_EQ(r.exit_code, 2) << said(r);
  EXPECT_NE(r.err.find("limberctl config --help"), std::string::npos) << r.err;
}

// --- stats, exercises, checklists -------------------------------------------------

TEST_F(Limberctl, StatsCsvHasTheDocumentedHeaderAndOneRowPerDay) {
  ASSERT_TRUE(start(1));
  const ProcessResult r = ctl({"stats", "--since", "3d", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  std::vector<std::string> lines;
  for (size_t at = 0, nl; (nl = r.out.find('\n', at)) != std::string::npos; at = nl + 1) {
    lines.push_back(r.out.substr(at, nl - at));
  }
  ASSERT_EQ(lines.size(), 4u) << r.out;
  std::string header = "date,active_s";
  for (const char* kind : {"micro", "rest", "daily"}) {
    for (const char* c :
         {"due", "taken", "postponed", "skipped", "ignored", "cancelled", "natural"}) {
      header += std::string(",") + kind + "_" + c;
    }
  }
  EXPECT_EQ(lines[0], header);
  for (size_t i = 1; i < lines.size(); ++i) {
    EXPECT_TRUE(std::regex_match(lines[i], std::regex("\\d{4}-\\d\\d-\\d\\d(,\\d+){22}")))
        << lines[i];
  }
}

TEST_F(Limberctl, StatsRejectsAMalformedSpanAsUsage) {
  ASSERT_TRUE(start(1));
  EXPECT_EQ(ctl({"stats", "--since", "week"}).exit_code, 2);
  EXPECT_EQ(ctl({"stats", "--format", "xml"}).exit_code, 2);
}

TEST_F(Limberctl, ExercisesShowPrintsTheStepsOfTheExercise) {
  ASSERT_TRUE(start(1));
  const Json list = world_.call("exercises.list");
  ASSERT_FALSE(list["exercises"].empty());
  const std::string id = list["exercises"][0]["id"];
  const Json details = world_.call("exercises.show", {{"id", id}});

  const ProcessResult r = ctl({"exercises", "show", id});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  EXPECT_EQ(r.out.rfind(details["name"].get<std::string>() + " (" + id + ")\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("Steps:\n  1. "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  " + std::to_string(details["steps"].size()) + ". "), std::string::npos)
      << r.out;

  const ProcessResult missing = ctl({"exercises", "show", "no-such-exercise"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no exercise 'no-such-exercise'"), std::string::npos) << missing.err;
}

TEST_F(Limberctl, ChecklistListShowsEveryChecklistWithItsItemCount) {
  ASSERT_TRUE(start(1));
  const Json lists = world_.call("checklist.list")["checklists"];
  ASSERT_FALSE(lists.empty());
  const ProcessResult r = ctl({"checklist", "list"});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  EXPECT_EQ(r.out.rfind("ID ", 0), 0u) << r.out;
  for (const Json& c : lists) {
    const std::regex row("\n" + c["id"].get<std::string>() + " +" + c["title"].get<std::string>() +
                         " +" + std::to_string(c["items"].get<int>()) + " +- +never +due\n");
    EXPECT_TRUE(std::regex_search(r.out, row)) << c["id"] << " missing from:\n" << r.out;
  }
}

TEST_F(Limberctl, ChecklistRunSendsEachAnswerAndEndsWithScoreAndToDo) {
  ASSERT_TRUE(start(1));
  const std::string id = world_.call("checklist.list")["checklists"][0]["id"];
  const Json items = world_.call("checklist.get", {{"id", id}})["items"];
  ASSERT_GE(items.size(), 3u);

  // yes, then something unclear (asked again) and no, then skip, then quit
  // at the fourth question.
  const ProcessResult r = ctl({"checklist", "run", id}, "y\nperhaps\nn\ns\nq\n");
  ASSERT_EQ(r.exit_code, 0) << said(r);
  EXPECT_NE(r.out.find("[1/" + std::to_string(items.size()) + "]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Please answer y, n, na, s or q."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Score: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("To do:\n  - " + items[1]["question"].get<std::string>().substr(0, 20)),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("[4/"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("[5/"), std::string::npos) << "it went on after quit: " << r.out;

  const Json after = world_.call("checklist.get", {{"id", id}});
  EXPECT_EQ(after["items"][0]["answer"], "yes");
  EXPECT_EQ(after["items"][1]["answer"], "no");
  EXPECT_TRUE(after["items"][2]["answer"].is_null());
  EXPECT_TRUE(after["items"][3]["answer"].is_null());
  EXPECT_EQ(after["score"]["yes"], 1);
  EXPECT_EQ(after["score"]["no"], 1);
}

// --- watch -------------------------------------------------------------------------

TEST_F(Limberctl, WatchPrintsABreakDueWhenOneBecomesDue) {
  ASSERT_TRUE(start(10));
  const ProcessResult r = world_.ctl({"watch", "break.due", "--count", "1"}, "", 30s);
  ASSERT_FALSE(r.timed_out) << "no break.due within 30 s: " << said(r) << "\nlimberd's log:\n"
                            << world_.daemon_log();
  ASSERT_EQ(r.exit_code, 0) << said(r);
  EXPECT_TRUE(std::regex_match(
      r.out,
      std::regex("\\d\\d:\\d\\d:\\d\\d  break\\.due +(micro|rest)-break #\\d+ due \\(.*\\n")))
      << r.out;
}

TEST_F(Limberctl, WatchSaysABreakIsShownAsANotificationWhenNoTrayRuns) {
  // Without a tray limberd always reminds by notification, and says so.
  ASSERT_TRUE(start(10));
  const ProcessResult r = world_.ctl({"watch", "break.due", "--count", "1"}, "", 30s);
  ASSERT_EQ(r.exit_code, 0) << said(r) << "\nlimberd's log:\n" << world_.daemon_log();
  EXPECT_NE(r.out.find("(shown as a notification)"), std::string::npos) << r.out;
}

TEST_F(Limberctl, WatchJsonPrintsEachNotificationAsAJsonRpcLine) {
  ASSERT_TRUE(start(10));
  const ProcessResult r = world_.ctl({"watch", "--json", "--count", "2"}, "", 30s);
  ASSERT_EQ(r.exit_code, 0) << said(r);
  size_t lines = 0;
  for (size_t at = 0, nl; (nl = r.out.find('\n', at)) != std::string::npos; at = nl + 1, ++lines) {
    const Json n = parse(r.out.substr(at, nl - at));
    EXPECT_EQ(n["jsonrpc"], "2.0") << r.out;
    EXPECT_TRUE(n["method"].is_string()) << r.out;
    EXPECT_TRUE(n["params"].is_object()) << r.out;
  }
  EXPECT_EQ(lines, 2u) << r.out;
}

// --- doctor, errors, help ------------------------------------------------------------

TEST_F(Limberctl, DoctorReportsTheDaemonAndABadPolicyFileWithItsLine) {
  const std::string policy = world_.policy_dir() + "/20-broken.toml";
  ASSERT_TRUE(CtlWorld::write_file(policy, "[rest]\ninterval = \"often\"\n"));
  ASSERT_TRUE(start(1));
  const ProcessResult r = ctl({"doctor"});
  EXPECT_EQ(r.exit_code, 1) << said(r);
  EXPECT_TRUE(std::regex_search(r.out, std::regex("ok +daemon +limberd \\S+, protocol 1")))
      << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("note +activity +demo"))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("problem +config +managed policy " + policy)))
      << r.out;
  EXPECT_NE(r.out.find(policy + ":2: rest.interval:"), std::string::npos) << r.out;
  // limberd's own view of the files, as it read them at start.
  EXPECT_TRUE(std::regex_search(r.out, std::regex("problem +config +limberd reports: " + policy + ":2: rest.interval:")))
      << r.out;
  const ProcessResult status = ctl({"status"});
  EXPECT_NE(status.out.find("Settings:"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("1 file problem, see `limberctl doctor`"), std::string::npos) << status.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("note +tray +limber-tray is not running")))
      << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\\w+ +notifications +"))) << r.out;
}

TEST_F(Limberctl, DaemonNotRunningExitsThreeWithHowToStartIt) {
  // No daemon: the runtime dir has no socket.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"status"}, {"break", "skip"}, {"watch"}}) {
    const ProcessResult r = ctl(args);
    EXPECT_EQ(r.exit_code, 3) << said(r);
    EXPECT_NE(r.err.find("limberd is not running"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("start it with `systemctl --user start limberd` or `limberd`"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(r.out, "");
  }
}

TEST_F(Limberctl, SocketOptionOverridesTheRuntimeDir) {
  ASSERT_TRUE(start(1));
  const std::vector<std::string> elsewhere{"XDG_RUNTIME_DIR=" + world_.root() + "/home"};
  EXPECT_EQ(world_.ctl({"status"}, "", 15s, elsewhere).exit_code, 3);
  const ProcessResult r =
      world_.ctl({"--socket", world_.socket_path(), "status", "--json"}, "", 15s, elsewhere);
  EXPECT_EQ(r.exit_code, 0) << said(r);
  EXPECT_EQ(parse(r.out)["source"], "demo");
}

TEST_F(Limberctl, UnknownCommandOrOptionExitsTwoWithAPointerToHelp) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"frobnicate"},
                                               {"--frobnicate"},
                                               {},
                                               {"status", "--frobnicate"},
                                               {"status", "extra"}}) {
    const ProcessResult r = ctl(args);
    EXPECT_EQ(r.exit_code, 2) << said(r);
    EXPECT_NE(r.err.find("Try 'limberctl"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
}

TEST_F(Limberctl, HelpDescribesEveryCommandAndEachCommandHasItsOwn) {
  const ProcessResult r = ctl({"--help"});
  ASSERT_EQ(r.exit_code, 0) << said(r);
  EXPECT_EQ(r.out.rfind("Usage: limberctl", 0), 0u) << r.out;
  for (const char* c : {"status", "break", "pause", "resume", "quiet", "stats", "config",
                        "exercises", "checklist", "watch", "doctor"}) {
    EXPECT_TRUE(std::regex_search(r.out, std::regex(std::string("\n  ") + c + " +\\w")))
        << c << " missing";
    const ProcessResult own = ctl({c, "--help"});
    EXPECT_EQ(own.exit_code, 0) << c;
    EXPECT_EQ(own.out.rfind(std::string("Usage: limberctl ") + c, 0), 0u) << own.out;
  }
  const ProcessResult version = ctl({"--version"});
  EXPECT_TRUE(
      std::regex_match(version.out, std::regex("limberctl \\d+\\.\\d+\\.\\d+ \\(protocol 1\\)\n")))
      << version.out;
}

}  // namespace
}  // namespace limber::test
