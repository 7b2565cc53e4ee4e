// The layered loader against real files in a temporary directory.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "limber/config.h"

namespace limber {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Severity = ConfigDiagnostic::Severity;

class ConfigFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "limber-config-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    paths_.site_file = dir_ + "/etc/limber.toml";
    paths_.user_file = dir_ + "/home/limber.toml";
    paths_.policy_dir = dir_ + "/etc/policy.d";
    paths_.policy_cache_dir = dir_ + "/state/policy-copies";
    paths_.policy_owners = {::getuid()};  // the test's files; root's in a real install
    ::umask(022);  // policy files others can write are refused
    fs::create_directories(paths_.policy_dir);
    fs::create_directories(dir_ + "/home");
  }
  void TearDown() override { fs::remove_all(dir_); }

  static void write(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::trunc);
    out << text;
    ASSERT_TRUE(out.good()) << path;
  }
  std::string policy(const std::string& name) const { return paths_.policy_dir + "/" + name; }

  Config load(ConfigLoader& loader) {
    diags_.clear();
    return loader.load(&diags_);
  }
  Config load_once() {
    ConfigLoader loader(paths_);
    return load(loader);
  }

  // The one diagnostic of `severity` about `key` ("" for file-level ones).
  const ConfigDiagnostic* diag(const std::string& key, Severity severity = Severity::kError) const {
    const ConfigDiagnostic* found = nullptr;
    for (const ConfigDiagnostic& d : diags_) {
      if (d.key != key || d.severity != severity) continue;
      EXPECT_EQ(found, nullptr) << "more than one diagnostic for '" << key << "'";
      found = &d;
    }
    return found;
  }
  size_t count(Severity severity) const {
    return static_cast<size_t>(
        std::count_if(diags_.begin(), diags_.end(),
                      [&](const ConfigDiagnostic& d) { return d.severity == severity; }));
  }
  std::string all_diags() const {
    std::string text;
    for (const ConfigDiagnostic& d : diags_) text += d.to_string() + "\n";
    return text;
  }

  std::string dir_;
  ConfigPaths paths_;
  std::vector<ConfigDiagnostic> diags_;
};

TEST_F(ConfigFiles, MissingFilesGiveTheBuiltInDefaultsSilently) {
  const Config config = load_once();
  EXPECT_TRUE(diags_.empty()) << all_diags();
  EXPECT_EQ(config.get_duration("micro.interval"), 20min);
  EXPECT_FALSE(config.get_bool("daily.enabled"));
  EXPECT_EQ(config.get_string("activity.source"), "auto");
  EXPECT_EQ(config.get_int("history.retention_days"), 400);
  const ConfigExplanation e = config.explain("micro.interval");
  EXPECT_EQ(e.layer, ConfigLayer::kDefault);
  EXPECT_EQ(e.value, "20m");
  EXPECT_FALSE(e.locked);
}

TEST_F(ConfigFiles, UserOverridesSiteWhichOverridesDefaultsAndExplainSaysWhere) {
  write(paths_.site_file, "[micro]\ninterval = \"25m\"\n[rest]\ninterval = \"50m\"\n");
  write(paths_.user_file, "# mine\n[micro]\ninterval = \"30m\"\n");
  const Config config = load_once();
  EXPECT_TRUE(diags_.empty()) << all_diags();
  EXPECT_EQ(config.get_duration("micro.interval"), 30min);
  EXPECT_EQ(config.get_duration("rest.interval"), 50min);

  const ConfigExplanation micro = config.explain("micro.interval");
  EXPECT_EQ(micro.layer, ConfigLayer::kUser);
  EXPECT_EQ(micro.file, paths_.user_file);
  EXPECT_EQ(micro.line, 3);
  ASSERT_EQ(micro.overridden.size(), 2u);
  EXPECT_EQ(micro.overridden[0].layer, ConfigLayer::kDefault);
  EXPECT_EQ(micro.overridden[1].layer, ConfigLayer::kSite);
  EXPECT_EQ(micro.overridden[1].value, "25m");
  EXPECT_EQ(micro.to_string(), "micro.interval = 30m (user: " + paths_.user_file + ":3)");

  const ConfigExplanation rest = config.explain("rest.interval");
  EXPECT_EQ(rest.layer, ConfigLayer::kSite);
  EXPECT_EQ(rest.file, paths_.site_file);
  EXPECT_EQ(config.explain("rest.duration").layer, ConfigLayer::kDefault);
}

TEST_F(ConfigFiles, TopLevelDottedKeysWorkLikeTables) {
  write(paths_.user_file,
        "micro.interval = \"25m\"\nschedule.work_hours = \"mon-fri 09:00-17:00\"\n");
  const Config config = load_once();
  EXPECT_TRUE(diags_.empty()) << all_diags();
  EXPECT_EQ(config.get_duration("micro.interval"), 25min);
  EXPECT_FALSE(config.get_schedule("schedule.work_hours").is_always());
}

TEST_F(ConfigFiles, BrokenTomlIsReportedWithFileAndLineAndNothingFromItApplies) {
  write(paths_.user_file, "[micro]\ninterval = \"30m\"\nduration = \n");
  const Config config = load_once();
  const ConfigDiagnostic* d = diag("");
  ASSERT_NE(d, nullptr) << all_diags();
  EXPECT_EQ(d->file, paths_.user_file);
  EXPECT_EQ(d->line, 3);
  EXPECT_EQ(d->to_string().rfind(paths_.user_file + ":3: invalid TOML: ", 0), 0u) << d->to_string();
  EXPECT_EQ(config.get_duration("micro.interval"), 20min);
}

TEST_F(ConfigFiles, WrongTypeNamesTheKeyAndTheExpectedTypeAndOnlyThatKeyIsDropped) {
  write(paths_.user_file,
        "[micro]\ninterval = 5\nenabled = \"yes\"\nduration = \"45s\"\n"
        "[history]\nretention_days = \"30\"\n");
  const Config config = load_once();
  EXPECT_EQ(count(Severity::kError), 3u) << all_diags();

  const ConfigDiagnostic* interval = diag("micro.interval");
  ASSERT_NE(interval, nullptr) << all_diags();
  EXPECT_EQ(interval->line, 2);
  EXPECT_EQ(interval->to_string(),
            paths_.user_file +
                ":2: micro.interval: expected a duration like \"20m\" from 1m to 4h, got 5 "
                "(a duration is a string with a unit, like \"20m\"); the value from the "
                "layers below stays in force");
  const ConfigDiagnostic* enabled = diag("micro.enabled");
  ASSERT_NE(enabled, nullptr);
  EXPECT_NE(enabled->message.find("expected true or false, got \"yes\""), std::string::npos)
      << enabled->message;
  const ConfigDiagnostic* days = diag("history.retention_days");
  ASSERT_NE(days, nullptr);
  EXPECT_NE(days->message.find(
                "expected an integer from 1 to 3650, got \"30\" (write it without quotes)"),
            std::string::npos)
      << days->message;

  EXPECT_EQ(config.get_duration("micro.interval"), 20min);
  EXPECT_TRUE(config.get_bool("micro.enabled"));
  EXPECT_EQ(config.get_int("history.retention_days"), 400);
  EXPECT_EQ(config.get_duration("micro.duration"), 45s) << "good keys of the same file apply";
}

TEST_F(ConfigFiles, OutOfRangeValuesNameTheRange) {
  write(paths_.user_file,
        "[micro]\ninterval = \"5h\"\nmax_postpones = 25\n[activity]\nsource = \"evdev\"\n");
  const Config config = load_once();
  const ConfigDiagnostic* interval = diag("micro.interval");
  ASSERT_NE(interval, nullptr) << all_diags();
  EXPECT_NE(interval->message.find("from 1m to 4h, got \"5h\""), std::string::npos)
      << interval->message;
  const ConfigDiagnostic* postpones = diag("micro.max_postpones");
  ASSERT_NE(postpones, nullptr);
  EXPECT_NE(postpones->message.find("expected an integer from 0 to 20, got 25"), std::string::npos);
  const ConfigDiagnostic* source = diag("activity.source");
  ASSERT_NE(source, nullptr);
  EXPECT_NE(
      source->message.find("one of \"auto\", \"mutter\", \"wayland\", \"x11\", got \"evdev\""),
      std::string::npos)
      << source->message;
  EXPECT_EQ(config.get_duration("micro.interval"), 20min);
  EXPECT_EQ(config.get_int("micro.max_postpones"), 3);
}

TEST_F(ConfigFiles, ScheduleAndTimeOfDayAreChecked) {
  write(paths_.user_file,
        "[schedule]\nwork_hours = \"mon-fry 09:00-17:00\"\nday_starts_at = \"4:00\"\n");
  Config config = load_once();
  ASSERT_NE(diag("schedule.work_hours"), nullptr) << all_diags();
  ASSERT_NE(diag("schedule.day_starts_at"), nullptr);
  EXPECT_TRUE(config.get_schedule("schedule.work_hours").is_always());

  write(paths_.user_file,
        "[schedule]\nwork_hours = \"mon-fri 09:00-17:00\"\nday_starts_at = \"23:30\"\n");
  config = load_once();
  EXPECT_TRUE(diags_.empty()) << all_diags();
  EXPECT_FALSE(config.get_schedule("schedule.work_hours").is_always());
  EXPECT_EQ(config.get_minute_of_day("schedule.day_starts_at"), 23 * 60 + 30);
}

TEST_F(ConfigFiles, ATableWhereAValueBelongsIsAnErrorForThatKey) {
  write(paths_.user_file, "[micro.interval]\nminutes = 20\nseconds = 0\n");
  const Config config = load_once();
  const ConfigDiagnostic* d = diag("micro.interval");
  ASSERT_NE(d, nullptr) << all_diags();
  EXPECT_NE(d->message.find("got a table"), std::string::npos) << d->message;
  EXPECT_EQ(count(Severity::kWarning), 0u) << all_diags();
}

TEST_F(ConfigFiles, UnknownKeyWarnsWithASuggestionAndIsOtherwiseIgnored) {
  write(paths_.user_file,
        "[micro]\nintervall = \"25m\"\nduration = \"40s\"\n[colours]\nbackground = \"red\"\n");
  const Config config = load_once();
  EXPECT_EQ(count(Severity::kError), 0u) << all_diags();
  const ConfigDiagnostic* typo = diag("micro.intervall", Severity::kWarning);
  ASSERT_NE(typo, nullptr) << all_diags();
  EXPECT_EQ(typo->to_string(),
            paths_.user_file +
                ":2: warning: micro.intervall: unknown key, ignored (did you mean "
                "micro.interval?)");
  ASSERT_NE(diag("colours.background", Severity::kWarning), nullptr);
  EXPECT_EQ(config.get_duration("micro.interval"), 20min);
  EXPECT_EQ(config.get_duration("micro.duration"), 40s);
}

TEST_F(ConfigFiles, PolicyLocksAKeyTheUserFileSets) {
  write(paths_.user_file, "[micro]\ninterval = \"30m\"\nduration = \"1m\"\n");
  write(policy("10-it.toml"), "# managed by IT\n[micro]\ninterval = \"15m\"\n");
  const Config config = load_once();
  EXPECT_EQ(config.get_duration("micro.interval"), 15min);
  EXPECT_EQ(config.get_duration("micro.duration"), 1min)
      << "keys the policy does not set stay the user's";
  EXPECT_TRUE(config.is_locked("micro.interval"));
  EXPECT_FALSE(config.is_locked("micro.duration"));

  const ConfigExplanation e = config.explain("micro.interval");
  EXPECT_TRUE(e.locked);
  EXPECT_EQ(e.locked_by, policy("10-it.toml"));
  EXPECT_EQ(e.layer, ConfigLayer::kPolicy);
  EXPECT_EQ(e.line, 3);
  ASSERT_FALSE(e.overridden.empty());
  EXPECT_EQ(e.overridden.back().layer, ConfigLayer::kUser);
  EXPECT_EQ(e.overridden.back().value, "30m");
  EXPECT_NE(e.to_string().find("; locked by " + policy("10-it.toml")), std::string::npos)
      << e.to_string();

  const ConfigDiagnostic* w = diag("micro.interval", Severity::kWarning);
  ASSERT_NE(w, nullptr) << all_diags();
  EXPECT_EQ(w->file, paths_.user_file);
  EXPECT_EQ(w->line, 2);
  EXPECT_NE(w->message.find("locked by policy " + policy("10-it.toml")), std::string::npos);
}

TEST_F(ConfigFiles, LaterPolicyFilesWinAndOnlyTomlFilesCount) {
  write(policy("10-site.toml"), "[micro]\ninterval = \"15m\"\n[rest]\nallow_skip = false\n");
  write(policy("20-team.toml"), "[micro]\ninterval = \"10m\"\n");
  write(policy("30-notes.txt"), "[micro]\ninterval = \"1m\"\n");
  write(policy(".#40-draft.toml"), "[micro]\ninterval = \"2m\"\n");
  const Config config = load_once();
  EXPECT_TRUE(diags_.empty()) << all_diags();
  EXPECT_EQ(config.get_duration("micro.interval"), 10min);
  EXPECT_EQ(config.explain("micro.interval").locked_by, policy("20-team.toml"));
  EXPECT_EQ(config.explain("rest.allow_skip").locked_by, policy("10-site.toml"));
  EXPECT_FALSE(config.get_bool("rest.allow_skip"));
}

TEST_F(ConfigFiles, BadPolicyValueStillLocksTheKey) {
  write(paths_.site_file, "[micro]\ninterval = \"25m\"\n");
  write(paths_.user_file, "[micro]\ninterval = \"30m\"\n");
  write(policy("10-it.toml"), "[micro]\ninterval = 15\n");
  const Config config = load_once();
  ASSERT_NE(diag("micro.interval"), nullptr) << all_diags();
  EXPECT_TRUE(config.is_locked("micro.interval"));
  EXPECT_EQ(config.get_duration("micro.interval"), 25min)
      << "locked at the site value, not the user's";
  EXPECT_EQ(config.explain("micro.interval").locked_by, policy("10-it.toml"));
}

TEST_F(ConfigFiles, BadValueInALaterPolicyKeepsTheEarlierPolicysLock) {
  write(paths_.user_file, "[micro]\ninterval = \"30m\"\n");
  write(policy("10-company.toml"), "[micro]\ninterval = \"15m\"\n");
  write(policy("20-team.toml"), "[micro]\ninterval = \"ten minutes\"\n");
  const Config config = load_once();
  ASSERT_NE(diag("micro.interval"), nullptr) << all_diags();
  EXPECT_EQ(config.get_duration("micro.interval"), 15min);
  EXPECT_EQ(config.explain("micro.interval").locked_by, policy("10-company.toml"));
}

TEST_F(ConfigFiles, BrokenUserFileOnReloadKeepsTheLastGoodValues) {
  ConfigLoader loader(paths_);
  write(paths_.user_file, "[micro]\ninterval = \"30m\"\n[rest]\nenabled = false\n");
  Config config = load(loader);
  ASSERT_EQ(config.get_duration("micro.interval"), 30min) << all_diags();

  write(paths_.user_file, "[micro]\ninterval = \"35m\"\n[rest\nenabled = true\n");
  config = load(loader);
  const ConfigDiagnostic* d = diag("");
  ASSERT_NE(d, nullptr) << all_diags();
  EXPECT_EQ(d->line, 3);
  EXPECT_NE(d->message.find("last good settings from this file stay in force"), std::string::npos)
      << d->message;
  EXPECT_EQ(config.get_duration("micro.interval"), 30min);
  EXPECT_FALSE(config.get_bool("rest.enabled"));
  EXPECT_EQ(config.explain("micro.interval").layer, ConfigLayer::kUser);

  write(paths_.user_file, "[micro]\ninterval = \"35m\"\n");
  config = load(loader);
  EXPECT_TRUE(diags_.empty()) << all_diags();
  EXPECT_EQ(config.get_duration("micro.interval"), 35min) << "a fixed file applies again";
  EXPECT_TRUE(config.get_bool("rest.enabled"));
}

TEST_F(ConfigFiles, BadValueOnReloadKeepsTheLastGoodValueOfThatKeyOnly) {
  ConfigLoader loader(paths_);
  write(paths_.user_file, "[micro]\ninterval = \"30m\"\nduration = \"40s\"\n");
  load(loader);
  write(paths_.user_file, "[micro]\ninterval = \"30 minutes\"\nduration = \"50s\"\n");
  const Config config = load(loader);
  const ConfigDiagnostic* d = diag("micro.interval");
  ASSERT_NE(d, nullptr) << all_diags();
  EXPECT_NE(d->message.find("keeping the last good value 30m"), std::string::npos) << d->message;
  EXPECT_EQ(config.get_duration("micro.interval"), 30min);
  EXPECT_EQ(config.get_duration("micro.duration"), 50s);
}

TEST_F(ConfigFiles, BrokenPolicyOnReloadKeepsTheLock) {
  ConfigLoader loader(paths_);
  write(paths_.user_file, "[micro]\ninterval = \"30m\"\n");
  write(policy("10-it.toml"), "[micro]\ninterval = \"15m\"\n");
  ASSERT_TRUE(load(loader).is_locked("micro.interval")) << all_diags();

  write(policy("10-it.toml"), "[micro]\ninterval = \"15m\n");
  Config config = load(loader);
  const ConfigDiagnostic* d = diag("");
  ASSERT_NE(d, nullptr) << all_diags();
  EXPECT_EQ(d->file, policy("10-it.toml"));
  EXPECT_NE(d->message.find("locks stay in force"), std::string::npos) << d->message;
  EXPECT_TRUE(config.is_locked("micro.interval"));
  EXPECT_EQ(config.get_duration("micro.interval"), 15min);

  write(policy("10-it.toml"), "[micro]\ninterval = \"fifteen\"\n");
  config = load(loader);
  EXPECT_TRUE(config.is_locked("micro.interval")) << "a bad value is no way to unlock a key";
  EXPECT_EQ(config.get_duration("micro.interval"), 15min);
}

TEST_F(ConfigFiles, DeletedPolicyFileReleasesItsLocks) {
  ConfigLoader loader(paths_);
  write(paths_.user_file, "[micro]\ninterval = \"30m\"\n");
  write(policy("10-it.toml"), "[micro]\ninterval = \"15m\"\n");
  ASSERT_TRUE(load(loader).is_locked("micro.interval"));
  fs::remove(policy("10-it.toml"));
  const Config config = load(loader);
  EXPECT_FALSE(config.is_locked("micro.interval"));
  EXPECT_EQ(config.get_duration("micro.interval"), 30min);
}

TEST_F(ConfigFiles, ADirectoryInPlaceOfTheUserFileIsAnErrorNotAnEmptyFile) {
  fs::create_directories(paths_.user_file);
  const Config config = load_once();
  const ConfigDiagnostic* d = diag("");
  ASSERT_NE(d, nullptr) << all_diags();
  EXPECT_EQ(d->file, paths_.user_file);
  EXPECT_NE(d->message.find("not a regular file"), std::string::npos) << d->message;
  EXPECT_EQ(config.get_duration("micro.interval"), 20min);
}

TEST_F(ConfigFiles, ChangedKeysListsValueAndLockChanges) {
  ConfigLoader loader(paths_);
  const Config before = load(loader);
  write(paths_.user_file, "[rest]\nduration = \"6m\"\n");
  write(policy("10-it.toml"), "[micro]\nenabled = true\n");
  const Config after = load(loader);
  EXPECT_EQ(changed_keys(before, after),
            (std::vector<std::string>{"micro.enabled", "rest.duration"}));
  EXPECT_TRUE(changed_keys(after, after).empty());
}

TEST_F(ConfigFiles, ValidateFileReportsEveryProblemOfOneFile) {
  write(paths_.user_file, "[micro]\ninterval = 5\nintervall = \"5m\"\n[rest]\nduration = \"2h\"\n");
  std::vector<ConfigDiagnostic> diags;
  const Status status = validate_config_file(paths_.user_file, &diags);
  EXPECT_EQ(status.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(status.message(), paths_.user_file + ": 2 errors");
  ASSERT_EQ(diags.size(), 3u);
  EXPECT_EQ(diags[0].key, "micro.interval");
  EXPECT_EQ(diags[1].severity, Severity::kWarning);
  EXPECT_EQ(diags[2].key, "rest.duration");

  write(paths_.user_file, "[micro]\nintervall = \"5m\"\n");
  diags.clear();
  EXPECT_TRUE(validate_config_file(paths_.user_file, &diags).is_ok()) << "warnings alone pass";
  EXPECT_EQ(diags.size(), 1u);

  diags.clear();
  EXPECT_EQ(validate_config_file(dir_ + "/nope.toml", &diags).code(), Status::Code::kIoError);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_NE(diags[0].message.find("No such file"), std::string::npos) << diags[0].message;
}

TEST(ConfigPathsTest, UserFileFollowsXdgConfigHomeAndFallsBackToHome) {
  const char* old_xdg = getenv("XDG_CONFIG_HOME");
  const char* old_home = getenv("HOME");
  const std::string saved_xdg = old_xdg ? old_xdg : "";
  const std::string saved_home = old_home ? old_home : "";

  setenv("HOME", "/home/u", 1);
  setenv("XDG_CONFIG_HOME", "/cfg", 1);
  EXPECT_EQ(default_config_paths().user_file, "/cfg/limber/limber.toml");
  setenv("XDG_CONFIG_HOME", "relative/ignored", 1);
  EXPECT_EQ(default_config_paths().user_file, "/home/u/.config/limber/limber.toml");
  unsetenv("XDG_CONFIG_HOME");
  const ConfigPaths paths = default_config_paths();
  EXPECT_EQ(paths.user_file, "/home/u/.config/limber/limber.toml");
  EXPECT_EQ(paths.site_file, "/etc/limber/limber.toml");
  EXPECT_EQ(paths.policy_dir, "/etc/limber/policy.d");

  if (old_xdg) setenv("XDG_CONFIG_HOME", saved_xdg.c_str(), 1);
  if (old_home) setenv("HOME", saved_home.c_str(), 1);
}

}  // namespace
}  // namespace limber
