// The example policies in config/policy-examples/ are shipped as conffiles and
// quoted by docs/deploying.md: each must validate cleanly, and together, as a
// policy directory, they must lock the settings the guide says they lock.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "limber/config.h"

namespace limber {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> example_files() {
  std::vector<std::string> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(LIMBER_POLICY_EXAMPLES)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path().string());
  }
  return files;
}

TEST(PolicyExamples, EachValidatesWithoutErrorsOrWarnings) {
  const std::vector<std::string> files = example_files();
  ASSERT_GE(files.size(), 4u) << "expected the four documented examples in "
                              << LIMBER_POLICY_EXAMPLES;
  for (const std::string& file : files) {
    std::vector<ConfigDiagnostic> diags;
    EXPECT_TRUE(validate_config_file(file, &diags).ok()) << file;
    for (const ConfigDiagnostic& d : diags) ADD_FAILURE() << d.to_string();
  }
}

struct LockedSetting {
  const char* key;
  const char* value;
  const char* file;
};

TEST(PolicyExamples, AsAPolicyDirectoryTheyLockWhatTheGuideSays) {
  ConfigPaths paths;
  paths.policy_dir = LIMBER_POLICY_EXAMPLES;
  paths.policy_owners = {};  // files in a source tree: whoever checked it out owns them
  ConfigLoader loader(paths);
  std::vector<ConfigDiagnostic> diags;
  const Config config = loader.load(&diags);
  for (const ConfigDiagnostic& d : diags) ADD_FAILURE() << d.to_string();

  const LockedSetting expected[] = {
      {"rest.enabled", "true", "20-no-skipping.toml"},
      {"rest.interval", "55m", "10-rest-break-hourly.toml"},
      {"rest.duration", "5m", "10-rest-break-hourly.toml"},
      {"micro.allow_skip", "false", "20-no-skipping.toml"},
      {"rest.allow_skip", "false", "20-no-skipping.toml"},
      {"daily.allow_skip", "false", "20-no-skipping.toml"},
      {"rest.max_postpones", "2", "20-no-skipping.toml"},
      {"micro.enabled", "true", "20-no-skipping.toml"},
      {"pause.max", "2h", "20-no-skipping.toml"},
      {"quiet.max", "2h", "20-no-skipping.toml"},
      {"schedule.work_hours", "mon-fri 08:00-12:30,13:15-18:00", "30-work-hours.toml"},
      {"checklist.recheck_days", "90", "40-desk-checklist.toml"},
  };
  for (const LockedSetting& s : expected) {
    const ConfigExplanation why = config.explain(s.key);
    EXPECT_TRUE(why.locked) << s.key;
    EXPECT_EQ(why.value, s.value) << s.key;
    EXPECT_EQ(fs::path(why.locked_by).filename(), s.file) << s.key;
  }
  // A key no example sets stays unlocked: the examples lock only what they name.
  EXPECT_FALSE(config.is_locked("micro.interval"));
}

}  // namespace
}  // namespace limber
