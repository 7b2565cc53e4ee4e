// The fuzz seed corpus (tests/fuzz/corpus/rpc) replayed against a real
// limberd: each file sent as it is plus a newline, on a connection of its
// own. Whatever a file holds, the daemon must stay up and keep answering.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ipc_fixture.h"

namespace limber::test {
namespace {

namespace fs = std::filesystem;

class CorpusReplay : public IpcTest {};

TEST_F(CorpusReplay, EverySeedLeavesTheDaemonUpAndAnswering) {
  start_demo();
  std::vector<fs::path> seeds;
  for (const auto& entry : fs::directory_iterator(LIMBER_FUZZ_CORPUS_DIR))
    seeds.push_back(entry.path());
  std::sort(seeds.begin(), seeds.end());
  ASSERT_GE(seeds.size(), 12u) << "seed corpus missing from " << LIMBER_FUZZ_CORPUS_DIR;
  for (const fs::path& seed : seeds) {
    SCOPED_TRACE(seed.filename().string());
    std::ifstream in(seed, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    RpcTestClient c = connect();
    c.send_raw(bytes.str() + "\n");
    // Every line the daemon answers must be JSON-RPC; it may also hang up
    // (an over-long line) or stay silent (notifications only).
    while (auto line = c.read_line(300ms)) {
      const Json reply = Json::parse(*line, nullptr, false);
      ASSERT_FALSE(reply.is_discarded()) << *line;
      const Json first = reply.is_array() ? reply.at(0) : reply;
      EXPECT_EQ(first.value("jsonrpc", ""), "2.0") << *line;
    }
    ASSERT_TRUE(responsive()) << "after " << seed;
  }
  EXPECT_EQ(daemon_.count_lines("terminate|Aborted|Segmentation"), 0u) << daemon_.stderr_text();
}

}  // namespace
}  // namespace limber::test
