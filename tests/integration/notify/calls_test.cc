// The optional "calls" condition (dnd.calls) against a real PipeWire: the
// test runs its own pipewire and wireplumber (the session manager, which
// links streams) in limberd's runtime dir, adds a null audio source (a
// virtual microphone, driven by a timer: no hardware), and records from it
// with pw-record, as a call would. While that capture stream runs, prompts
// are held; when it stops, they are delivered. Off by default, when nothing
// of it runs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <thread>

#include "desktop_commands.h"
#include "notify_test_fixture.h"

namespace limber::test {
namespace {

constexpr const char* kFastScale = "--time-scale=10";  // first micro-break due after about 2 s
constexpr const char* kCallsOn = "[dnd]\ncalls = true\n";
// The whole of a small file ("" when it cannot be read).
std::string read_text(const std::string& path) {
  std::string text;
  if (FILE* f = std::fopen(path.c_str(), "r")) {
    char buffer[4096];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
    std::fclose(f);
  }
  return text;
}

constexpr const char* kHeld =
    "do not disturb: prompts held: a microphone or camera is in use \\(a call\\) \\(calls\\)";

class CallsTest : public NotifyTest {
 protected:
  void SetUp() override {
    NotifyTest::SetUp();
    if (HasFailure()) return;
    start_server();
  }

  std::vector<std::string> pipewire_env() const {
    return home_.environment({"DBUS_SESSION_BUS_ADDRESS=" + bus_.address()});
  }
  std::string log_path(const char* name) const { return home_.root() + "/" + name + ".log"; }

  // pipewire, wireplumber and a null audio source named limber-test-mic,
  // which wireplumber has made the default source: a recording started
  // after this is linked to it at once.
  void start_pipewire() {
    std::string err;
    ASSERT_TRUE(
        pipewire_.spawn({"/usr/bin/pipewire"}, pipewire_env(), -1, log_path("pipewire"), &err))
        << err;
    const std::string socket = home_.runtime_dir() + "/pipewire-0";
    for (int i = 0; i < 100 && !std::filesystem::exists(socket); ++i)
      std::this_thread::sleep_for(50ms);
    ASSERT_TRUE(std::filesystem::exists(socket))
        << "pipewire did not start; see " << log_path("pipewire");
    ASSERT_TRUE(wireplumber_.spawn({"/usr/bin/wireplumber"}, pipewire_env(), -1,
                                   log_path("wireplumber"), &err))
        << err;
    ASSERT_TRUE(run_command(
        {"/usr/bin/pw-cli", "create-node", "adapter",
         "{ factory.name=support.null-audio-sink node.name=limber-test-mic "
         "media.class=Audio/Source/Virtual object.linger=true audio.position=[FL FR] }"},
        pipewire_env(), 10s, nullptr, &err))
        << err;
    ASSERT_TRUE(wait_in_pipewire("wireplumber choosing the default source", [](const rpc::Json& o) {
      if (!o.contains("metadata") || !o["metadata"].is_array()) return false;
      for (const rpc::Json& entry : o["metadata"]) {
        if (entry.value("key", "") == "default.audio.source") return true;
      }
      return false;
    }));
  }

  // Starts recording from the default source (the null one) as a call would.
  void start_capture() {
    std::string err;
    ASSERT_TRUE(recorder_.spawn({"/usr/bin/pw-record", home_.root() + "/call.wav"}, pipewire_env(),
                                -1, log_path("pw-record"), &err))
        << err;
  }

  // Waits up to 10 s until PipeWire itself (pw-dump, once per try) lists an
  // object that `matches`, so a failure says which side did not see it.
  ::testing::AssertionResult wait_in_pipewire(
      const char* what, const std::function<bool(const rpc::Json&)>& matches) {
    std::string out;
    for (int i = 0; i < 50; ++i) {
      std::string err;
      if (run_command({"/usr/bin/pw-dump", "--no-colors"}, pipewire_env(), 10s, &out, &err)) {
        const rpc::Json objects = rpc::Json::parse(out, nullptr, false);
        for (const rpc::Json& o : objects.is_array() ? objects : rpc::Json::array()) {
          if (o.is_object() && matches(o)) return ::testing::AssertionSuccess();
        }
      }
      std::this_thread::sleep_for(200ms);
    }
    return ::testing::AssertionFailure()
           << "PipeWire never showed " << what << "; wireplumber's log:\n"
           << read_text(log_path("wireplumber")) << "\npw-dump:\n"
           << out;
  }
  ::testing::AssertionResult wait_for_capture_running() {
    return wait_in_pipewire("pw-record's stream running", [](const rpc::Json& o) {
      const rpc::Json info = o.value("info", rpc::Json());
      if (o.value("type", "") != "PipeWire:Interface:Node" || !info.is_object()) return false;
      const rpc::Json props = info.value("props", rpc::Json::object());
      return info.value("state", "") == "running" &&
             props.value("media.class", "") == "Stream/Input/Audio";
    });
  }

  // limberd's children named `name` (its helpers), by /proc.
  int children_named(const std::string& name) {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
      // "pid (comm) state ppid …"; helper names have no spaces or parentheses.
      const std::string stat = read_text(entry.path().string() + "/stat");
      char comm[64] = {};
      char state = 0;
      int ppid = 0;
      if (std::sscanf(stat.c_str(), "%*d (%63[^)]) %c %d", comm, &state, &ppid) != 3) continue;
      if (ppid == daemon_.pid() && comm == name) ++count;
    }
    return count;
  }

  void TearDown() override {
    recorder_.stop();
    wireplumber_.stop();
    pipewire_.stop();
  }

  // Declared after bus_ (in NotifyTest) and home_: stopped before those go.
  ChildProcess pipewire_;
  ChildProcess wireplumber_;
  ChildProcess recorder_;
};

TEST_F(CallsTest, RunningCaptureStreamHoldsPromptsAndStoppingItDeliversThem) {
  start_pipewire();
  start_capture();
  ASSERT_TRUE(wait_for_capture_running());
  ASSERT_TRUE(home_.write_user_config(kCallsOn));
  ASSERT_TRUE(start_demo({}, kFastScale));
  ASSERT_TRUE(logged(kHeld, 10s));
  DaemonRpc rpc;
  ASSERT_TRUE(connect_rpc(rpc));
  EXPECT_EQ(status(rpc)["held_by"], rpc::Json::array({"calls"}));
  std::string shown;
  std::string err;
  EXPECT_TRUE(run_command({LIMBERCTL_PATH, "status"}, home_.environment(), 10s, &shown, &err))
      << err;
  EXPECT_NE(shown.find("prompts held by: calls"), std::string::npos) << shown;
  std::this_thread::sleep_for(4s);
  EXPECT_EQ(daemon_.count_lines("micro-break #1 due"), 0u) << daemon_.stderr_text();
  EXPECT_TRUE(server_.notify_calls().empty());
  // Privacy: what records is never named.
  EXPECT_EQ(daemon_.count_lines("pw-record|limber-test-mic"), 0u) << daemon_.stderr_text();

  recorder_.stop();
  EXPECT_TRUE(logged("do not disturb: calls ended", 5s));
  EXPECT_TRUE(logged(kFirstDue, 10s));
  EXPECT_TRUE(server_.wait_for_notify_calls(1, 10s)) << daemon_.stderr_text();
  EXPECT_EQ(status(rpc)["held_by"], rpc::Json::array());
}

TEST_F(CallsTest, CaptureStartingWhileRunningHoldsPrompts) {
  start_pipewire();
  ASSERT_TRUE(home_.write_user_config(kCallsOn));
  // At --time-scale 2 the first micro-break falls due about 10 s after start.
  ASSERT_TRUE(start_demo({}, "--time-scale=2"));
  ASSERT_TRUE(logged("do not disturb: watching calls", 10s));
  EXPECT_EQ(children_named("pw-dump"), 1);
  start_capture();
  ASSERT_TRUE(logged(kHeld, 5s));
  recorder_.stop();
  EXPECT_TRUE(logged("do not disturb: calls ended", 5s));
}

TEST_F(CallsTest, CallsAreNotWatchedUnlessTurnedOn) {
  start_pipewire();
  start_capture();
  ASSERT_TRUE(wait_for_capture_running());
  ASSERT_TRUE(start_demo({}, kFastScale));
  EXPECT_TRUE(logged(kFirstDue, 10s));
  EXPECT_TRUE(server_.wait_for_notify_calls(1, 10s)) << daemon_.stderr_text();
  EXPECT_EQ(daemon_.count_lines("prompts held"), 0u);
  EXPECT_EQ(daemon_.count_lines("calls"), 0u) << daemon_.stderr_text();
  EXPECT_EQ(children_named("pw-dump"), 0) << "nothing of the calls watch may run when it is off";
}

TEST_F(CallsTest, WithoutPipeWireRunningCallsHoldNothingAndThatIsSaid) {
  ASSERT_TRUE(home_.write_user_config(kCallsOn));
  ASSERT_TRUE(start_demo({}, kFastScale));
  EXPECT_TRUE(logged(
      "notice: do not disturb: PipeWire is not reachable .*calls are not noticed until it is",
      10s));
  EXPECT_TRUE(logged(kFirstDue, 10s));
  EXPECT_EQ(daemon_.count_lines("prompts held"), 0u);
}

TEST_F(CallsTest, WithoutPwDumpCallsAreNotWatched) {
  const std::string empty_bin = home_.root() + "/empty-bin";
  std::filesystem::create_directories(empty_bin);
  ASSERT_TRUE(home_.write_user_config(kCallsOn));
  ASSERT_TRUE(start_demo({"PATH=" + empty_bin}, kFastScale));
  EXPECT_TRUE(logged(
      "do not disturb: calls not watched: pw-dump is not installed \\(Debian: pipewire-bin\\)",
      10s));
  EXPECT_TRUE(logged(kFirstDue, 10s));
}

}  // namespace
}  // namespace limber::test
