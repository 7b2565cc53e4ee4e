// docs/protocol.md against a real limberd: the methods the daemon serves
// (hello's `methods`) are exactly the "### `name`" headings of the
// Methods section, and every notification the daemon accepts in subscribe
// is a heading of the Notifications section (and vice versa).
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "ctl_world.h"

namespace limber::test {
namespace {

// The "### `name`" headings under the "## title" section.
std::set<std::string> documented(const std::string& doc, const std::string& title) {
  std::set<std::string> names;
  std::istringstream in(doc);
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) inside = line == "## " + title;
    if (!inside || line.rfind("### `", 0) != 0) continue;
    const size_t end = line.find('`', 5);
    if (end != std::string::npos) names.insert(line.substr(5, end - 5));
  }
  return names;
}

std::string read_doc() {
  std::ifstream f(LIMBER_PROTOCOL_DOC);
  std::ostringstream text;
  text << f.rdbuf();
  return text.str();
}

std::set<std::string> strings(const rpc::Json& list) {
  std::set<std::string> out;
  for (const rpc::Json& s : list) out.insert(s.get<std::string>());
  return out;
}

class ProtocolDoc : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(world_.ok());
    std::string err;
    ASSERT_TRUE(world_.start_daemon(1, &err)) << err;
    doc_ = read_doc();
    ASSERT_FALSE(doc_.empty()) << "cannot read " << LIMBER_PROTOCOL_DOC;
  }
  CtlWorld world_;
  std::string doc_;
};

TEST_F(ProtocolDoc, DocumentedMethodsAreExactlyTheMethodsHelloLists) {
  const rpc::Json hello =
      world_.call("hello", {{"protocol", rpc::kProtocolVersion}, {"client", "doc-test"}});
  ASSERT_TRUE(hello.contains("methods")) << hello.dump();
  const std::set<std::string> served = strings(hello["methods"]);
  const std::set<std::string> doc = documented(doc_, "Methods");
  ASSERT_GE(served.size(), 10u);
  for (const std::string& m : served)
    EXPECT_TRUE(doc.count(m)) << "method " << m << " is not documented";
  for (const std::string& m : doc)
    EXPECT_TRUE(served.count(m)) << "documented method " << m << " is not served";
}

TEST_F(ProtocolDoc, EveryNotificationSubscribeAcceptsIsDocumentedAndViceVersa) {
  // Without a list, subscribe answers every notification it knows.
  const rpc::Json all = world_.call("subscribe");
  ASSERT_TRUE(all.contains("events")) << all.dump();
  const std::set<std::string> known = strings(all["events"]);
  const std::set<std::string> doc = documented(doc_, "Notifications");
  ASSERT_GE(known.size(), 6u);
  for (const std::string& n : known)
    EXPECT_TRUE(doc.count(n)) << "notification " << n << " is not documented";
  for (const std::string& n : doc) {
    const rpc::Json one = world_.call("subscribe", {{"events", {n}}});
    EXPECT_EQ(one.value("events", rpc::Json()), rpc::Json({n}))
        << "subscribe does not accept documented " << n;
  }
}

TEST_F(ProtocolDoc, EveryDocumentedErrorCodeIsOneTheHeaderDefines) {
  for (int code :
       {rpc::kParseError, rpc::kInvalidRequest, rpc::kMethodNotFound, rpc::kInvalidParams,
        rpc::kInternalError, rpc::kIncompatibleProtocol, rpc::kNotPossibleNow, rpc::kNotAllowed,
        rpc::kManaged, rpc::kNotFound, rpc::kUnavailable}) {
    EXPECT_NE(doc_.find("| " + std::to_string(code) + " |"), std::string::npos)
        << "error code " << code << " is missing from the error table";
  }
}

}  // namespace
}  // namespace limber::test
