// 64 clients (the client cap) subscribe and keep asking for status and
// config while demo breaks become due, start and end: every subscriber
// receives every notification, in the same order as all the others, and
// every request is answered.
#include <gtest/gtest.h>

#include <algorithm>
#include <barrier>
#include <latch>
#include <thread>
#include <vector>

#include "ipc_fixture.h"

namespace limber::test {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kClients = 64;
constexpr int kBreaksToWatch = 2;

struct SubscriberLog {
  bool subscribed = false;
  int requests = 0;
  int replies = 0;
  std::vector<Json> notifications;
  std::string failure;
};

// The notifications from the resume (the first state.changed in working
// mode, broadcast after every client subscribed) up to and including the
// kBreaksToWatch-th break.ended after it; empty when incomplete.
std::vector<Json> watched_part(const std::vector<Json>& all) {
  auto begin = std::find_if(all.begin(), all.end(), [](const Json& n) {
    return n["method"] == "state.changed" && n["params"]["mode"] == "working";
  });
  int ended = 0;
  for (auto it = begin; it != all.end(); ++it) {
    if ((*it)["method"] == "break.ended" && ++ended == kBreaksToWatch) return {begin, it + 1};
  }
  return {};
}

class ManySubscribers : public IpcTest {};

TEST_F(ManySubscribers, EverySubscriberGetsEveryNotificationInTheSameOrderAndEveryReply) {
  start_demo();
  // Paused while the clients subscribe, so nothing is broadcast to some of
  // them only; the resume starts the part every one of them must see.
  // Client 0 pauses and resumes (a 65th connection would be refused).
  std::vector<SubscriberLog> logs(kClients);
  std::latch paused(1);
  std::barrier all_subscribed(kClients);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      SubscriberLog& log = logs[static_cast<size_t>(i)];
      RpcTestClient c;
      std::string err;
      const bool connected = c.connect(socket(), &err);
      if (i == 0) {
        if (connected && !c.call("pause", {{"for", "1h"}})) err = "pause failed";
        paused.count_down();
      } else {
        paused.wait();
      }
      if (connected) {
        const auto reply = c.call("subscribe", Json::object(), 5s);
        log.subscribed = reply && reply->contains("result");
      }
      log.failure = err;
      all_subscribed.arrive_and_wait();
      if (!log.subscribed) return;
      if (i == 0 && !c.call("resume")) log.failure = "resume failed";
      const auto until = Clock::now() + 25s;
      while (Clock::now() < until) {
        for (const char* method : {"status", "config.get"}) {
          ++log.requests;
          const Json params =
              method == std::string("status") ? Json::object() : Json{{"key", "micro.interval"}};
          const auto reply = c.call(method, params, 5s);
          if (reply && reply->contains("result")) ++log.replies;
        }
        c.wait_notification("none", 30ms);  // collects what arrives meanwhile
        if (!watched_part(c.notifications()).empty()) break;
      }
      log.notifications = c.notifications();
    });
  }
  for (std::thread& t : threads) t.join();

  const std::vector<Json> reference = watched_part(logs[0].notifications);
  ASSERT_FALSE(reference.empty()) << "client 0 did not see " << kBreaksToWatch
                                  << " breaks end; log:\n"
                                  << daemon_.stderr_text();
  std::vector<std::string> methods;
  std::string sequence;
  for (const Json& n : reference) {
    methods.push_back(n["method"]);
    sequence += n["method"].get<std::string>() + " ";
  }
  RecordProperty("sequence", sequence);
  for (const char* expected : {"state.changed", "break.due", "break.started", "break.ended"}) {
    EXPECT_NE(std::find(methods.begin(), methods.end(), expected), methods.end())
        << expected << " never sent";
  }
  for (int i = 0; i < kClients; ++i) {
    const SubscriberLog& log = logs[static_cast<size_t>(i)];
    SCOPED_TRACE("client " + std::to_string(i));
    ASSERT_TRUE(log.subscribed) << log.failure;
    EXPECT_EQ(log.failure, "");
    EXPECT_GT(log.requests, 0);
    EXPECT_EQ(log.replies, log.requests) << "requests went unanswered";
    const std::vector<Json> seen = watched_part(log.notifications);
    ASSERT_EQ(seen.size(), reference.size()) << "missed or extra notifications";
    for (size_t k = 0; k < seen.size(); ++k) {
      ASSERT_EQ(seen[k], reference[k]) << "notification " << k << " differs";
    }
  }
}

}  // namespace
}  // namespace limber::test
