#include "command_line.h"

#include <gtest/gtest.h>

namespace limber::ctl {
namespace {

TEST(LimberctlCommandLine, GlobalOptionsAreTakenFromAnywhereOnTheLine) {
  GlobalOptions o;
  std::string command, err;
  std::vector<std::string> words;
  ASSERT_TRUE(parse_command_line({"--socket", "/s", "status", "--format", "waybar", "--json"}, &o,
                                 &command, &words, &err));
  EXPECT_EQ(command, "status");
  EXPECT_TRUE(o.json);
  EXPECT_EQ(o.socket, "/s");
  EXPECT_EQ(words, (std::vector<std::string>{"--format", "waybar"}));
}

TEST(LimberctlCommandLine, SocketWithoutAPathAndUnknownLeadingOptionsFail) {
  GlobalOptions o;
  std::string command, err;
  std::vector<std::string> words;
  EXPECT_FALSE(parse_command_line({"status", "--socket"}, &o, &command, &words, &err));
  EXPECT_EQ(err, "--socket needs a path");
  EXPECT_FALSE(parse_command_line({"--frob", "status"}, &o, &command, &words, &err));
  EXPECT_EQ(err, "unknown option '--frob'");
}

TEST(LimberctlCommandLine, DoubleDashPassesOptionLikeWordsThrough) {
  GlobalOptions o;
  std::string command, err;
  std::vector<std::string> words;
  ASSERT_TRUE(
      parse_command_line({"config", "set", "--", "k", "--json"}, &o, &command, &words, &err));
  EXPECT_FALSE(o.json);
  CommandArgs args(command, words);
  std::vector<std::string> positional;
  ASSERT_TRUE(args.positionals(0, 5, &positional)) << args.error();
  EXPECT_EQ(positional, (std::vector<std::string>{"set", "k", "--json"}));
}

TEST(LimberctlCommandArgs, OptionsTakeInlineOrSeparateValues) {
  CommandArgs args("stats", {"--since=7d", "--format", "csv"});
  EXPECT_EQ(args.option("--since"), "7d");
  EXPECT_EQ(args.option("--format"), "csv");
  EXPECT_EQ(args.option("--from"), std::nullopt);
  std::vector<std::string> rest;
  EXPECT_TRUE(args.positionals(0, 0, &rest));
}

TEST(LimberctlCommandArgs, LeftoverOptionsAndWrongCountsAreErrors) {
  CommandArgs unknown("status", {"--frob"});
  std::vector<std::string> rest;
  EXPECT_FALSE(unknown.positionals(0, 0, &rest));
  EXPECT_EQ(unknown.error(), "unknown option '--frob'");

  CommandArgs extra("resume", {"now"});
  EXPECT_FALSE(extra.positionals(0, 0, &rest));
  EXPECT_EQ(extra.error(), "unexpected argument 'now'");

  CommandArgs missing("stats", {"--format"});
  EXPECT_EQ(missing.option("--format"), std::nullopt);
  EXPECT_EQ(missing.error(), "--format needs a value");
}

}  // namespace
}  // namespace limber::ctl
