// `config set` edits the user's file in place: the cases people write by
// hand, and the refusals that leave a file untouched.
#include "limber/config_writer.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "limber/config.h"

namespace limber {
namespace {

namespace fs = std::filesystem;

class ConfigWriter : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "limber-writer-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    file_ = dir_ + "/limber.toml";
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& text) {
    std::ofstream out(file_, std::ios::trunc | std::ios::binary);
    out << text;
    ASSERT_TRUE(out.good());
  }
  std::string read() const {
    std::ifstream in(file_, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  Config load() {
    ConfigPaths paths;
    paths.user_file = file_;
    ConfigLoader loader(paths);
    diags_.clear();
    return loader.load(&diags_);
  }
  // Sets key and returns the new text; the set must succeed.
  std::string set(const std::string& key, const std::string& value, std::string* saved = nullptr) {
    const Status st = set_config_value_in_file(file_, key, value, saved);
    EXPECT_TRUE(st) << st.message();
    return read();
  }

  std::string dir_;
  std::string file_;
  std::vector<ConfigDiagnostic> diags_;
};

// Issue 15: a second [micro] table made the file invalid and every setting
// in it was lost at the next start.
TEST_F(ConfigWriter, TopLevelDottedKeyGetsItsSiblingBesideItNotASecondTable) {
  write("# mine\nmicro.interval = \"25m\"\n");
  std::string saved;
  EXPECT_EQ(set("micro.duration", "45s", &saved),
            "# mine\nmicro.interval = \"25m\"\nmicro.duration = \"45s\"\n");
  EXPECT_EQ(saved, "45s");
  const Config c = load();
  EXPECT_TRUE(diags_.empty()) << diags_[0].to_string();
  EXPECT_EQ(c.value_text("micro.interval"), "25m");
  EXPECT_EQ(c.value_text("micro.duration"), "45s");
}

TEST_F(ConfigWriter, ReplacesAValueWhereItStandsKeepingItsComment) {
  write("[micro]\ninterval = \"25m\"  # my pace\nduration = \"30s\"\n\n[rest]\nenabled = true\n");
  EXPECT_EQ(set("micro.interval", "90m"),
            "[micro]\ninterval = \"1h30m\"  # my pace\nduration = \"30s\"\n\n[rest]\nenabled = true\n");
}

TEST_F(ConfigWriter, AddsAtTheEndOfItsTableBeforeTheNextTable) {
  write("[micro]\n# comment\ninterval = \"25m\"\n\n# about rest\n[rest]\nenabled = true\n");
  EXPECT_EQ(set("micro.enabled", "false"),
            "[micro]\n# comment\ninterval = \"25m\"\nenabled = false\n\n# about rest\n[rest]\n"
            "enabled = true\n");
}

TEST_F(ConfigWriter, AddsInsideAnInlineTable) {
  write("micro = { interval = \"25m\" }  # inline\nrest = {}\n");
  EXPECT_EQ(set("micro.duration", "45s"),
            "micro = { interval = \"25m\", duration = \"45s\" }  # inline\nrest = {}\n");
  EXPECT_EQ(set("rest.enabled", "false"),
            "micro = { interval = \"25m\", duration = \"45s\" }  # inline\n"
            "rest = { enabled = false }\n");
}

TEST_F(ConfigWriter, NewFileAndNewTableAreCreated) {
  fs::remove(file_);
  EXPECT_EQ(set("micro.duration", "45s"), "[micro]\nduration = \"45s\"\n");
  EXPECT_EQ(set("rest.interval", "1h"), "[micro]\nduration = \"45s\"\n\n[rest]\ninterval = \"1h\"\n");
}

TEST_F(ConfigWriter, KeepsCrlfLineEndingsAndUnknownKeys) {
  write("[micro]\r\ninterval = \"25m\"\r\n[mine]\r\nlist = [1, 2]\r\n");
  EXPECT_EQ(set("micro.duration", "1m"),
            "[micro]\r\ninterval = \"25m\"\r\nduration = \"1m\"\r\n[mine]\r\nlist = [1, 2]\r\n");
}

TEST_F(ConfigWriter, InvalidTomlIsRefusedAndTheFileIsUntouched) {
  const std::string broken = "[micro]\ninterval = \"25m\"\n[micro]\nduration = \"1m\"\n";
  write(broken);
  const Status st = set_config_value_in_file(file_, "micro.enabled", "false");
  EXPECT_EQ(st.code(), Status::Code::kFailedPrecondition);
  EXPECT_NE(st.message().find(file_ + ":3:"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("nothing was changed"), std::string::npos) << st.message();
  EXPECT_EQ(read(), broken);
}

TEST_F(ConfigWriter, AKeyWrittenAsATableIsRefusedAndTheFileIsUntouched) {
  const std::string text = "[micro.interval]\nx = 1\n";
  write(text);
  const Status st = set_config_value_in_file(file_, "micro.interval", "25m");
  EXPECT_EQ(st.code(), Status::Code::kFailedPrecondition);
  EXPECT_NE(st.message().find("micro.interval is written as a table"), std::string::npos)
      << st.message();
  EXPECT_EQ(read(), text);
}

TEST_F(ConfigWriter, InvalidValueIsRefusedWithTheLoadersWording) {
  write("[micro]\n");
  const Status st = set_config_value_in_file(file_, "micro.interval", "abc");
  EXPECT_EQ(st.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(st.message().find("micro.interval: expected a duration"), std::string::npos)
      << st.message();
  EXPECT_EQ(read(), "[micro]\n");
}

TEST_F(ConfigWriter, KeepsTheFileModeAndFollowsASymlink) {
  const std::string real = dir_ + "/dotfiles.toml";
  {
    std::ofstream out(real);
    out << "[rest]\nenabled = true\n";
  }
  ASSERT_EQ(::chmod(real.c_str(), 0640), 0);
  ASSERT_EQ(::symlink(real.c_str(), file_.c_str()), 0);
  set("rest.enabled", "false");
  EXPECT_TRUE(fs::is_symlink(file_));
  struct stat st {};
  ASSERT_EQ(::stat(real.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  EXPECT_EQ(read(), "[rest]\nenabled = false\n");
}

TEST_F(ConfigWriter, StringsWithQuotesAreEscaped) {
  write("");
  set("schedule.work_hours", "mon-fri 09:00-17:00");
  EXPECT_EQ(load().value_text("schedule.work_hours"), "mon-fri 09:00-17:00");
  EXPECT_EQ(read(), "[schedule]\nwork_hours = \"mon-fri 09:00-17:00\"\n");
}

}  // namespace
}  // namespace limber
