// Where one user's fleet report lives in the spool, and when it is written.
//
// Layout (docs/deploying.md): the spool (report.spool_dir, by default
// /var/lib/limber/spool) is root's, mode 0711: nobody but root can list it
// or create anything in it. Root makes one directory per user,
// `<spool>/<uid>/`, owned by that uid, mode 0700; the user's limberd writes
// `<spool>/<uid>/report.json` there (mode 0600, atomically). So only that
// uid can write its report, and no other uid can list, read or stat it.
// Releases before 0.2 wrote `<spool>/<uid>.json` into a shared 1733 spool;
// limber-fleet-export reads and migrates that layout for one release.
//
// Reports are written on a fixed schedule, the same wall-clock moments for
// every user, so the report's times tell nothing about when breaks end.
//
// Pure. Threading: none.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>

namespace limber::report {

inline constexpr const char* kReportFileName = "report.json";
// How often limberd writes its report (and nothing in between but at
// start, reload and clean stop).
inline constexpr std::chrono::minutes kReportWriteInterval{15};

// `<spool_dir>/<uid>`: the user's directory, made by root.
std::string report_dir(const std::string& spool_dir, uid_t uid);
// `<spool_dir>/<uid>/report.json`: the file limberd writes.
std::string report_path(const std::string& spool_dir, uid_t uid);
// `<spool_dir>/<uid>.json`: where releases before 0.2 wrote it.
std::string legacy_report_path(const std::string& spool_dir, uid_t uid);

// The next scheduled write strictly after `now`: the next multiple of
// `interval` since the Unix epoch, so every daemon on a machine writes at
// the same moments (:00, :15, :30, :45 with the default).
std::chrono::system_clock::time_point next_report_write(
    std::chrono::system_clock::time_point now, std::chrono::minutes interval = kReportWriteInterval);

}  // namespace limber::report
