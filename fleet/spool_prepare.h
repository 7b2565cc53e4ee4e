// Preparing the per-user spool (limber/report_spool.h), as root: for every
// uid with a login session (a directory of its own under /run/user, which
// logind makes) root creates `<spool>/<uid>/`, owned by that uid, mode
// 0700, so only that uid can write its report there and no other can list
// or stat what is inside. It also migrates the flat layout of releases
// before 0.2: a `<uid>.json` its uid owns (one link) is moved into
// `<uid>/report.json`; one owned by anybody else (a user who made another's
// file first to silence them) is removed. Anything at `<spool>/<uid>` that
// is not a directory of root's making for that uid is moved aside as
// `.refused-<uid>-<time>` (hidden from the reader) and reported.
//
// Run by `limber-fleet-export --prepare-spool` (limber-spool.path starts it
// when someone logs in; the package's postinst once). Threading: none.
#pragma once

#include <string>
#include <vector>

namespace limber::report {

struct SpoolPreparation {
  int created = 0;   // user directories made
  int migrated = 0;  // old-layout reports moved into them
  int removed = 0;   // old-layout files of the wrong owner removed, things moved aside
  std::vector<std::string> problems;  // one line each
};

// Makes `spool` mode 0711 (root's) and the user directories for the uids
// found under `runtime_root` and in old-layout files. False (with *err)
// only when the spool cannot be opened.
bool prepare_spool(const std::string& spool, const std::string& runtime_root, SpoolPreparation* out,
                   std::string* err);

}  // namespace limber::report
