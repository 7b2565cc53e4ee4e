// CommandOutput runs a helper program from a libuv loop: all of its output
// arrives before its exit status, a missing program is named, and a stopped
// command is ended and reaped (no zombie left behind).
#include "dnd/command_output.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <uv.h>

#include <cerrno>

namespace limber {
namespace {

class CommandOutputTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(uv_loop_init(&loop_), 0); }
  void TearDown() override {
    uv_run(&loop_, UV_RUN_DEFAULT);  // lets every handle close
    EXPECT_EQ(uv_loop_close(&loop_), 0);
  }

  uv_loop_t loop_{};
};

TEST_F(CommandOutputTest, DeliversAllOutputThenTheExitStatus) {
  CommandOutput command;
  std::string output;
  bool output_complete_at_exit = false;
  int64_t status = -1;
  std::string why;
  ASSERT_TRUE(command.start(
      &loop_, {"/bin/sh", "-c", "printf hello; printf ' world'; head -c 100000 /dev/zero; exit 3"},
      [&](std::string_view chunk) { output.append(chunk); },
      [&](int64_t exit_status, int signal) {
        status = signal == 0 ? exit_status : -signal;
        output_complete_at_exit = output.size() == 11 + 100000;
      },
      &why))
      << why;
  EXPECT_TRUE(command.running());
  uv_run(&loop_, UV_RUN_DEFAULT);
  EXPECT_EQ(status, 3);
  EXPECT_TRUE(output_complete_at_exit);
  EXPECT_EQ(output.substr(0, 11), "hello world");
  EXPECT_FALSE(command.running());
}

TEST_F(CommandOutputTest, MissingProgramIsNamed) {
  CommandOutput command;
  std::string why;
  EXPECT_FALSE(command.start(
      &loop_, {"limber-no-such-program"}, [](std::string_view) {}, [](int64_t, int) {}, &why));
  EXPECT_EQ(why, "limber-no-such-program is not installed");
  EXPECT_FALSE(command.running());
}

TEST_F(CommandOutputTest, StoppedCommandIsEndedAndReaped) {
  bool exit_reported = false;
  {
    CommandOutput command;
    std::string why;
    ASSERT_TRUE(command.start(
        &loop_, {"sleep", "30"}, [](std::string_view) {},
        [&](int64_t, int) { exit_reported = true; }, &why))
        << why;
    uv_run(&loop_, UV_RUN_NOWAIT);
  }  // the destructor stops it
  // The loop ends only when the child has exited and its handle closed.
  uv_run(&loop_, UV_RUN_DEFAULT);
  EXPECT_FALSE(exit_reported) << "no callback after stop()";
  errno = 0;
  EXPECT_EQ(waitpid(-1, nullptr, WNOHANG), -1) << "a child is left (a zombie, or still running)";
  EXPECT_EQ(errno, ECHILD);
}

}  // namespace
}  // namespace limber
