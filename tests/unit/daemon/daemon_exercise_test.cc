// Each due break comes with an exercise chosen by the daemon, and the
// exercise shown is recorded with the break in the SQLite history.
#include <sqlite3.h>

#include <set>

#include "daemon_fixture.h"
#include "limber/catalog.h"

namespace limber {
namespace {

// The exercise_id of every micro-break in the history at `path`, in order.
std::vector<std::string> micro_break_exercises(const std::string& path) {
  std::vector<std::string> ids;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << path << ": " << sqlite3_errmsg(db);
    sqlite3_close(db);
    return ids;
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT exercise_id FROM breaks WHERE kind = 'micro' ORDER BY id", -1, &stmt,
                         nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sqlite3_errmsg(db);
  }
  while (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW) {
    const unsigned char* id = sqlite3_column_text(stmt, 0);
    ids.push_back(id == nullptr ? std::string() : reinterpret_cast<const char*>(id));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return ids;
}

TEST_F(SimulatedDaemon, EveryMicroBreakRecordsADifferentSeatedExercise) {
  // Rest breaks off: the hour's rest break would take the third micro's place.
  write("limber.toml", "[schedule]\nwork_hours = \"always\"\n[rest]\nenabled = false\n");
  start();
  type_for(65min);  // three micro-breaks, each taken
  core_.reset();    // a clean stop flushes the history

  ExerciseCatalog catalog;
  std::vector<CatalogProblem> problems;
  ASSERT_TRUE(load_exercise_catalog(std::string(LIMBER_SOURCE_DATADIR) + "/exercises.toml", &catalog, &problems));
  const std::vector<std::string> shown = micro_break_exercises((dir_ / "history.sqlite3").string());
  ASSERT_GE(shown.size(), 3u);
  for (const std::string& id : shown) {
    ASSERT_FALSE(id.empty()) << "a micro-break without its exercise";
    const Exercise* e = catalog.find(id);
    ASSERT_NE(e, nullptr) << id << " is not in the catalog";
    EXPECT_EQ(e->position, ExercisePosition::kSeated) << id;
    EXPECT_FALSE(e->needs_equipment()) << id;
  }
  // Rotation: no repeat while the eligible set lasts.
  EXPECT_EQ(std::set<std::string>(shown.begin(), shown.end()).size(), shown.size());
}

}  // namespace
}  // namespace limber
