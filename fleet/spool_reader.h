// Reading the fleet-report spool: the `<uid>.json` files users' limberd
// processes write into /var/lib/limber/spool (mode 1733: anyone may create
// a file, nobody but root may list the directory or replace another's file).
//
// A file counts only when it is a regular file (not a symlink), its name is
// `<uid>.json` and its owner is that uid — so a user cannot speak for
// another by creating the other's file first — and it is a valid report of
// the schema this program reads. A file not changed within `max_age` is
// stale: a user who stopped using the machine is not counted for ever.
// Everything skipped is counted and explained in `problems`, never fatal.
//
// Used by limber-fleet-export. Threading: none.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

#include "limber/daily_report.h"

namespace limber::report {

struct SpoolScan {
  std::vector<DailyReport> reports;  // the valid, current reports, in uid order
  int stale = 0;
  int wrong_owner = 0;  // not owned by the uid in its name, or not a regular file
  int invalid = 0;      // not a report: bad name, bad JSON, wrong schema, too large
  std::vector<std::string> problems;  // one line per file skipped, "FILE: why"
};

// Scans `dir`. Returns false (with *err) only when the directory cannot be
// read at all.
bool read_spool(const std::string& dir, std::chrono::system_clock::time_point now,
                std::chrono::seconds max_age, SpoolScan* out, std::string* err);

}  // namespace limber::report
