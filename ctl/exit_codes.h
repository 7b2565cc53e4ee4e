// limberctl's exit codes, as its --help and man page document them.
#pragma once

namespace limber::ctl {

enum ExitCode : int {
  kExitOk = 0,
  kExitDaemonError =
      1,           // the daemon refused (its message is printed); doctor/validate: problems found
  kExitUsage = 2,  // the command line is wrong
  kExitNotRunning = 3,  // no limberd answers on the socket
};

}  // namespace limber::ctl
