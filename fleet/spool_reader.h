// Reading the fleet-report spool: `<spool>/<uid>/report.json`, which each
// user's limberd writes into a directory root made for that uid
// (limber/report_spool.h), and, for one release, the `<spool>/<uid>.json`
// files of the old flat layout (the new file wins when both exist).
//
// A file counts only when it is a regular file (not a symlink), named for a
// uid that owns it (and its directory) — so a user cannot speak for another
// — and it is a valid report of the schema this program reads. A file not changed within `max_age` is
// stale: a user who stopped using the machine is not counted for ever. A
// file with more than one link, a report for uid 0, and a report whose
// figures or dates are implausible (report_bounds.h) are left out too.
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
  int implausible = 0;  // figures or dates no honest day has (report_bounds.h)
  int hard_link = 0;    // more than one link: it may be someone else's file
  int root = 0;         // uid 0 does not take breaks at a desk; nobody may report as it
  std::vector<std::string> problems;  // one line per file skipped, "FILE: why"
};

// Scans `dir`. Returns false (with *err) only when the directory cannot be
// read at all.
bool read_spool(const std::string& dir, std::chrono::system_clock::time_point now,
                std::chrono::seconds max_age, SpoolScan* out, std::string* err);

}  // namespace limber::report
