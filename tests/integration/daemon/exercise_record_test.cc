// Each due break comes with an exercise chosen by the daemon, and the
// exercise shown is recorded with the break in the history.
#include <set>

#include "history_db.h"
#include "limber/catalog.h"
#include "limberd_test.h"

namespace limber::test {
namespace {

const std::vector<std::string> kDemoArgs = {"--demo", "--source=demo", "--time-scale=20"};

class LimberdExercises : public LimberdTest {};

TEST_F(LimberdExercises, EveryMicroBreakRecordsADifferentSeatedExercise) {
  ASSERT_TRUE(start(kDemoArgs));
  ASSERT_TRUE(logged("micro-break #3 ended", 30s));
  ASSERT_TRUE(stops_cleanly());

  ExerciseCatalog catalog;
  std::vector<CatalogProblem> problems;
  ASSERT_TRUE(load_exercise_catalog(LIMBER_CATALOG, &catalog, &problems));

  HistoryDb db;
  std::string err;
  ASSERT_TRUE(db.open(home_.history_path(true), &err)) << err;
  const auto rows = db.query("SELECT exercise_id FROM breaks WHERE kind = 'micro' ORDER BY id");
  ASSERT_TRUE(rows.has_value()) << db.last_error();
  ASSERT_GE(rows->size(), 3u);
  std::vector<std::string> shown;
  for (const auto& row : *rows) {
    ASSERT_EQ(row.at(0).type, SQLITE_TEXT) << "a micro-break without its exercise";
    const std::string id = row.at(0).text;
    const Exercise* e = catalog.find(id);
    ASSERT_NE(e, nullptr) << id << " is not in the catalog";
    EXPECT_EQ(e->position, ExercisePosition::kSeated) << id;
    EXPECT_FALSE(e->needs_equipment()) << id;
    shown.push_back(id);
  }
  // Rotation: no repeat while the eligible set lasts.
  EXPECT_EQ(std::set<std::string>(shown.begin(), shown.end()).size(), shown.size());
}

}  // namespace
}  // namespace limber::test
