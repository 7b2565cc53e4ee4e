// Where Limber's data (exercise catalog, illustrations, checklists, health
// notice) lives: $LIMBER_DATADIR if set, else the installed data directory
// (e.g. /usr/share/limber), else the source tree's config/ directory when
// running from a build tree.
#pragma once

#include <string>

namespace limber {

std::string limber_data_dir();

}  // namespace limber
