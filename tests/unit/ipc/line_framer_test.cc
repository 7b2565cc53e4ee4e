// LineFramer: a byte stream in, whole lines out, and a hard limit on how
// long a line may grow.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "limber/jsonrpc.h"

namespace limber::rpc {
namespace {

// Feeds each chunk in turn; collects the lines and whether every feed
// succeeded.
struct Fed {
  std::vector<std::string> lines;
  bool ok = true;
};

Fed feed_all(LineFramer& framer, const std::vector<std::string>& chunks) {
  Fed fed;
  for (const std::string& chunk : chunks) {
    if (!framer.feed(chunk, [&](std::string_view line) { fed.lines.emplace_back(line); })) {
      fed.ok = false;
      break;
    }
  }
  return fed;
}

TEST(LineFramer, SplitsSeveralLinesInOneRead) {
  LineFramer framer;
  const Fed fed = feed_all(framer, {"one\ntwo\nthree\n"});
  EXPECT_TRUE(fed.ok);
  EXPECT_EQ(fed.lines, (std::vector<std::string>{"one", "two", "three"}));
  EXPECT_EQ(framer.buffered(), 0u);
}

TEST(LineFramer, JoinsALineSplitAcrossReads) {
  LineFramer framer;
  const Fed fed = feed_all(framer, {"{\"json", "rpc\":", "\"2.0\"}\n{\"a\"", ":1}\n"});
  EXPECT_TRUE(fed.ok);
  EXPECT_EQ(fed.lines, (std::vector<std::string>{"{\"jsonrpc\":\"2.0\"}", "{\"a\":1}"}));
}

TEST(LineFramer, DeliversOneByteAtATime) {
  LineFramer framer;
  std::vector<std::string> chunks;
  for (char c : std::string("ab\ncd\n")) chunks.emplace_back(1, c);
  const Fed fed = feed_all(framer, chunks);
  EXPECT_TRUE(fed.ok);
  EXPECT_EQ(fed.lines, (std::vector<std::string>{"ab", "cd"}));
}

TEST(LineFramer, KeepsAnUnfinishedLineUntilItsNewline) {
  LineFramer framer;
  Fed fed = feed_all(framer, {"done\npartial"});
  EXPECT_EQ(fed.lines, (std::vector<std::string>{"done"}));
  EXPECT_EQ(framer.buffered(), 7u);
  fed = feed_all(framer, {" now\n"});
  EXPECT_EQ(fed.lines, (std::vector<std::string>{"partial now"}));
  EXPECT_EQ(framer.buffered(), 0u);
}

TEST(LineFramer, DropsTheCarriageReturnOfCrLf) {
  LineFramer framer;
  const Fed fed = feed_all(framer, {"one\r\ntwo\r", "\n"});
  EXPECT_EQ(fed.lines, (std::vector<std::string>{"one", "two"}));
}

TEST(LineFramer, KeepsACarriageReturnInsideALine) {
  LineFramer framer;
  const Fed fed = feed_all(framer, {"a\rb\n"});
  EXPECT_EQ(fed.lines, (std::vector<std::string>{"a\rb"}));
}

TEST(LineFramer, PassesEmptyLinesOn) {
  LineFramer framer;
  const Fed fed = feed_all(framer, {"\n\r\nx\n"});
  EXPECT_EQ(fed.lines, (std::vector<std::string>{"", "", "x"}));
}

TEST(LineFramer, AcceptsALineOfExactlyTheLimitInOneRead) {
  LineFramer framer(16);
  const Fed fed = feed_all(framer, {std::string(16, 'x') + "\n"});
  EXPECT_TRUE(fed.ok);
  ASSERT_EQ(fed.lines.size(), 1u);
  EXPECT_EQ(fed.lines[0].size(), 16u);
}

TEST(LineFramer, AcceptsALineOfExactlyTheLimitAcrossReads) {
  LineFramer framer(16);
  const Fed fed = feed_all(framer, {std::string(10, 'x'), std::string(6, 'y'), "\n"});
  EXPECT_TRUE(fed.ok);
  EXPECT_EQ(fed.lines, (std::vector<std::string>{"xxxxxxxxxxyyyyyy"}));
}

TEST(LineFramer, RejectsALineOneByteOverTheLimitInOneRead) {
  LineFramer framer(16);
  const Fed fed = feed_all(framer, {std::string(17, 'x') + "\n"});
  EXPECT_FALSE(fed.ok);
  EXPECT_TRUE(fed.lines.empty());
}

TEST(LineFramer, RejectsAnUnterminatedLineAsSoonAsItPassesTheLimit) {
  LineFramer framer(16);
  // No newline will ever come: the framer must not buffer without bound.
  const Fed fed = feed_all(framer, {std::string(10, 'x'), std::string(7, 'x')});
  EXPECT_FALSE(fed.ok);
  EXPECT_LE(framer.buffered(), 16u);
}

TEST(LineFramer, AnswersTheLinesBeforeAnOverlongOne) {
  LineFramer framer(8);
  const Fed fed = feed_all(framer, {"ok\n" + std::string(20, 'x') + "\n"});
  EXPECT_FALSE(fed.ok);
  EXPECT_EQ(fed.lines, (std::vector<std::string>{"ok"}));
}

TEST(LineFramer, DefaultLimitIs64KiB) {
  LineFramer framer;
  EXPECT_TRUE(feed_all(framer, {std::string(kMaxLineBytes, '1') + "\n"}).ok);
  LineFramer over;
  EXPECT_FALSE(feed_all(over, {std::string(kMaxLineBytes + 1, '1') + "\n"}).ok);
  EXPECT_EQ(kMaxLineBytes, 65536u);
}

}  // namespace
}  // namespace limber::rpc
