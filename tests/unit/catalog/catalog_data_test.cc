// The shipped content files: they load without a problem and pass every
// whole-catalog check with the default break lengths.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "limber/catalog.h"
#include "limber/config.h"

namespace limber {
namespace {

const std::string kDir = LIMBER_CONFIG_DIR;

ExerciseCatalog shipped_catalog() {
  ExerciseCatalog catalog;
  std::vector<CatalogProblem> problems;
  const Status status = load_exercise_catalog(kDir + "/exercises.toml", &catalog, &problems);
  EXPECT_TRUE(status) << status.message();
  for (const auto& p : problems) ADD_FAILURE() << p.to_string();
  return catalog;
}

bool mentions(const std::string& text, const std::string& word) {
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find(word) != std::string::npos;
}

TEST(ShippedCatalog, PassesEveryCheckWithTheDefaultBreakLengths) {
  const ExerciseCatalog catalog = shipped_catalog();
  const BreakLengths lengths = break_lengths(Config());
  EXPECT_EQ(lengths.micro_seconds, 30);
  EXPECT_EQ(lengths.rest_seconds, 300);
  for (const CatalogProblem& p : validate_catalog(catalog, lengths)) ADD_FAILURE() << p.to_string();
}

TEST(ShippedCatalog, ContainsEveryExerciseTheIssueNames) {
  const ExerciseCatalog catalog = shipped_catalog();
  // Spelled out here as well as in required_exercise_ids(), so that
  // shortening that list cannot quietly drop an exercise.
  for (const char* id : {"neck-half-rolls",
                         "shoulder-rolls",
                         "chin-tuck",
                         "upper-trapezius-stretch",
                         "levator-scapulae-stretch",
                         "scapular-squeeze",
                         "shoulder-shrugs",
                         "shoulder-shrug-circles",
                         "arm-circles",
                         "overhead-arm-reach",
                         "seated-chair-rotation",
                         "doorway-pec-stretch",
                         "wall-pec-stretch",
                         "room-corner-stretch",
                         "wall-angel",
                         "wall-push-up",
                         "standing-thoracic-extension",
                         "band-row",
                         "band-face-pull",
                         "eye-rest-20-20-20",
                         "cat-cow",
                         "childs-pose",
                         "sphinx-pose",
                         "bird-dog",
                         "glute-bridge",
                         "plank",
                         "superman",
                         "knee-rotation",
                         "butterfly-stretch"}) {
    EXPECT_NE(catalog.find(id), nullptr) << id;
    EXPECT_TRUE(std::count(required_exercise_ids().begin(), required_exercise_ids().end(), id))
        << id;
  }
}

TEST(ShippedCatalog, FloorExercisesAreFlaggedFloorAndBandExercisesNeedABand) {
  const ExerciseCatalog catalog = shipped_catalog();
  for (const char* id : {"cat-cow", "childs-pose", "sphinx-pose", "bird-dog", "glute-bridge",
                         "plank", "superman", "knee-rotation", "butterfly-stretch"}) {
    ASSERT_NE(catalog.find(id), nullptr) << id;
    EXPECT_EQ(catalog.find(id)->position, ExercisePosition::kFloor) << id;
  }
  for (const char* id : {"band-row", "band-face-pull"}) {
    EXPECT_EQ(catalog.find(id)->equipment, "band") << id;
  }
  EXPECT_EQ(catalog.find("doorway-pec-stretch")->position, ExercisePosition::kDoorway);
  EXPECT_EQ(catalog.find("wall-angel")->position, ExercisePosition::kWall);
}

TEST(ShippedCatalog, EveryEntryIsCompleteAndCitesItsSource) {
  const ExerciseCatalog catalog = shipped_catalog();
  for (const Exercise& ex : catalog.exercises) {
    EXPECT_FALSE(ex.name.empty()) << ex.id;
    EXPECT_FALSE(ex.source.empty()) << ex.id;
    EXPECT_FALSE(ex.targets.empty()) << ex.id;
    EXPECT_GE(ex.steps.size(), 2u) << ex.id;
    for (const ExerciseStep& step : ex.steps) EXPECT_GE(step.text.size(), 5u) << ex.id;
    EXPECT_EQ(ex.illustration.substr(ex.illustration.size() - ex.id.size() - 4), ex.id + ".svg");
  }
}

TEST(ShippedCatalog, NeckRollsAreHalfCirclesThatNeverTipTheHeadBack) {
  const ExerciseCatalog catalog = shipped_catalog();
  const Exercise* ex = catalog.find("neck-half-rolls");
  ASSERT_NE(ex, nullptr);
  bool warns = false;
  for (const std::string& c : ex->cautions)
    warns |= mentions(c, "backwards") && mentions(c, "never");
  EXPECT_TRUE(warns);
  bool chin_down = false;
  for (const ExerciseStep& s : ex->steps) chin_down |= mentions(s.text, "chin");
  EXPECT_TRUE(chin_down);
}

TEST(ShippedCatalog, EyeRestPresentsTwentyTwentyTwentyAsARuleOfThumb) {
  const ExerciseCatalog catalog = shipped_catalog();
  const Exercise* ex = catalog.find("eye-rest-20-20-20");
  ASSERT_NE(ex, nullptr);
  EXPECT_EQ(ex->targets, std::vector<std::string>{"eyes"});
  bool hedged = false;
  for (const std::string& c : ex->cautions) hedged |= mentions(c, "not a proven");
  EXPECT_TRUE(hedged);
}

TEST(ShippedChecklists, CoverDeskLaptopAndHomeWithNumbersAndSources) {
  ChecklistSet set;
  std::vector<CatalogProblem> problems;
  ASSERT_TRUE(load_checklists(kDir + "/checklists.toml", &set, &problems));
  for (const auto& p : problems) ADD_FAILURE() << p.to_string();
  const Checklist* desk = set.find("desk-setup");
  ASSERT_NE(desk, nullptr);
  ASSERT_NE(set.find("laptop"), nullptr);
  ASSERT_NE(set.find("home-office"), nullptr);
  std::set<std::string> areas;
  for (const ChecklistItem& item : desk->items) areas.insert(item.area);
  for (const char* area :
       {"monitor", "keyboard", "mouse", "chair", "feet", "posture", "lighting"}) {
    EXPECT_TRUE(areas.count(area)) << area;
  }
  // The numbers ergonomics.md gives reach the user.
  std::string numbers;
  for (const ChecklistItem& item : desk->items) numbers += item.numbers + "\n";
  for (const char* n : {"50 to 100 cm", "15", "90", "40", "100"}) {
    EXPECT_NE(numbers.find(n), std::string::npos) << n;
  }
  for (const Checklist& list : set.checklists) {
    for (const ChecklistItem& item : list.items) {
      EXPECT_FALSE(item.source.empty()) << item.id;
      EXPECT_EQ(item.question.back(), '?') << item.id;
    }
  }
}

TEST(ShippedChecklists, GiveScreenDistanceLaptopStandingDeskAndGlareWithTheirSources) {
  ChecklistSet set;
  ASSERT_TRUE(load_checklists(kDir + "/checklists.toml", &set, nullptr));
  const Checklist* desk = set.find("desk-setup");
  const Checklist* laptop = set.find("laptop");
  ASSERT_NE(desk, nullptr);
  ASSERT_NE(laptop, nullptr);
  auto item = [](const Checklist* list, const char* id) {
    const ChecklistItem* found = list->find(id);
    EXPECT_NE(found, nullptr) << id;
    return found ? *found : ChecklistItem{};
  };
  EXPECT_TRUE(mentions(item(desk, "monitor-distance").numbers, "50 to 100 cm"));
  EXPECT_TRUE(mentions(item(desk, "monitor-distance").source, "https://www.osha.gov/"));
  EXPECT_TRUE(mentions(item(desk, "standing-desk-height").numbers, "90 to 110"));
  EXPECT_TRUE(mentions(item(desk, "sit-stand-alternation").source, "buckley"));
  EXPECT_TRUE(mentions(item(desk, "monitor-glare-windows").numbers, "500 lux"));
  EXPECT_TRUE(mentions(item(laptop, "laptop-raised-screen").numbers, "stand"));
  EXPECT_TRUE(mentions(item(laptop, "laptop-external-keyboard").source, "https://www.hse.gov.uk/"));
}

TEST(ShippedHealthNotice, SaysWhenToStopWhenToSeeADoctorAndThatItIsNotMedicalAdvice) {
  HealthNotice notice;
  std::vector<CatalogProblem> problems;
  ASSERT_TRUE(load_health_notice(kDir + "/health.toml", &notice, &problems));
  for (const auto& p : problems) ADD_FAILURE() << p.to_string();
  std::string stop;
  for (const std::string& s : notice.stop_if) stop += s + " ";
  for (const char* w : {"pain", "numb", "tingl", "dizz"}) EXPECT_TRUE(mentions(stop, w)) << w;
  std::string doctor;
  for (const std::string& s : notice.see_doctor) doctor += s + " ";
  for (const char* w :
       {"two weeks", "arms or legs", "weakness", "injury", "fever", "weight", "bladder"}) {
    EXPECT_TRUE(mentions(doctor, w)) << w;
  }
  for (const char* w : {"double vision", "swallow", "at once"}) {
    EXPECT_TRUE(mentions(notice.urgent, w)) << w;
  }
  EXPECT_TRUE(mentions(notice.disclaimer, "not medical advice"));
}

}  // namespace
}  // namespace limber
