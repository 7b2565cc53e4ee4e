// Loader and validation errors name the file, the line and the id.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "limber/catalog.h"

namespace limber {
namespace {

constexpr const char* kGoodSvg =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 160 160\"><circle cx=\"80\" "
    "cy=\"80\" r=\"10\"/></svg>\n";

// One valid seated micro exercise, as a TOML table.
std::string entry(const std::string& id, const std::string& extra = "",
                  const std::string& targets = "[\"neck\"]", int duration = 30) {
  return "[[exercise]]\nid = \"" + id + "\"\nname = \"N\"\ntargets = " + targets +
         "\nposition = \"seated\"\nequipment = \"none\"\nduration_seconds = " +
         std::to_string(duration) +
         "\nrepetitions = 2\nsteps = [ { text = \"Sit tall.\", hold_seconds = 5 } ]\n"
         "source = \"S\"\nillustration = \"pics/" +
         id + ".svg\"\n" + extra;
}

class CatalogLoader : public ::testing::Test {
 protected:
  void SetUp() override {
    char templ[] = "/tmp/limber-catalog-XXXXXX";
    ASSERT_NE(mkdtemp(templ), nullptr);
    dir_ = templ;
    std::filesystem::create_directory(dir_ + "/pics");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& content) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path) << content;
    return path;
  }
  void picture(const std::string& id, const char* svg = kGoodSvg) {
    write("pics/" + id + ".svg", svg);
  }

  std::string dir_;
};

TEST_F(CatalogLoader, ReadsEveryFieldAndResolvesTheIllustrationNextToTheFile) {
  const std::string path =
      write("ex.toml", "schema = 1\n" + entry("neck-a", "cautions = [\"Go slow.\"]\n"));
  ExerciseCatalog catalog;
  std::vector<CatalogProblem> problems;
  ASSERT_TRUE(load_exercise_catalog(path, &catalog, &problems)) << problems[0].to_string();
  ASSERT_EQ(catalog.exercises.size(), 1u);
  const Exercise& ex = catalog.exercises[0];
  EXPECT_EQ(ex.id, "neck-a");
  EXPECT_EQ(ex.targets, std::vector<std::string>{"neck"});
  EXPECT_EQ(ex.position, ExercisePosition::kSeated);
  EXPECT_EQ(ex.duration_seconds, 30);
  EXPECT_EQ(ex.repetitions, 2);
  ASSERT_EQ(ex.steps.size(), 1u);
  EXPECT_EQ(ex.steps[0].hold_seconds, 5);
  EXPECT_EQ(ex.cautions, std::vector<std::string>{"Go slow."});
  EXPECT_EQ(ex.illustration, dir_ + "/pics/neck-a.svg");
  EXPECT_EQ(ex.line, 2);
}

TEST_F(CatalogLoader, SchemaErrorsNameFileLineAndId) {
  const std::string path = write(
      "ex.toml", "schema = 1\n" + entry("neck-a") + "colour = \"red\"\n" + entry("Bad_Id") +
                     "[[exercise]]\nid = \"x-y\"\nname = 3\ntargets = [\"toes\"]\nposition = "
                     "\"lying\"\nequipment = \"kettlebell\"\nduration_seconds = -5\nsteps = []\n"
                     "source = \"S\"\nillustration = \"pics/x-y.svg\"\n");
  ExerciseCatalog catalog;
  std::vector<CatalogProblem> problems;
  const Status status = load_exercise_catalog(path, &catalog, &problems);
  EXPECT_FALSE(status);
  auto has = [&](int line, const std::string& id, const std::string& text) {
    for (const CatalogProblem& p : problems) {
      if (p.file == path && p.line == line && p.id == id &&
          p.message.find(text) != std::string::npos) {
        return true;
      }
    }
    return false;
  };
  std::string all;
  for (const CatalogProblem& p : problems) all += p.to_string() + "\n";
  SCOPED_TRACE(all);
  EXPECT_TRUE(has(13, "neck-a", "colour: unknown field"));
  EXPECT_TRUE(has(15, "Bad_Id", "kebab-case"));
  EXPECT_TRUE(has(27, "x-y", "name: expected a string"));
  EXPECT_TRUE(has(28, "x-y", "unknown area \"toes\""));
  EXPECT_TRUE(has(29, "x-y", "position: expected seated"));
  EXPECT_TRUE(has(30, "x-y", "equipment"));
  EXPECT_TRUE(has(31, "x-y", "duration_seconds"));
  EXPECT_TRUE(has(25, "x-y", "repetitions: missing"));
  EXPECT_EQ(problems.front().to_string().rfind(path + ":13: neck-a: colour", 0), 0u)
      << problems.front().to_string();
  EXPECT_NE(status.message().find("problems"), std::string::npos);
}

TEST_F(CatalogLoader, InvalidTomlReportsTheLine) {
  const std::string path = write("ex.toml", "schema = 1\n\n[[exercise]]\nid = \"a\nname = 1\n");
  ExerciseCatalog catalog;
  std::vector<CatalogProblem> problems;
  EXPECT_FALSE(load_exercise_catalog(path, &catalog, &problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 4);
  EXPECT_NE(problems[0].message.find("invalid TOML"), std::string::npos);
}

TEST_F(CatalogLoader, MissingFileIsAProblemNotACrash) {
  ExerciseCatalog catalog;
  std::vector<CatalogProblem> problems;
  EXPECT_FALSE(load_exercise_catalog(dir_ + "/nope.toml", &catalog, &problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.find("cannot read"), std::string::npos);
}

class CatalogValidation : public CatalogLoader {
 protected:
  std::vector<CatalogProblem> validate(const std::string& toml) {
    const std::string path = write("ex.toml", "schema = 1\n" + toml);
    ExerciseCatalog catalog;
    std::vector<CatalogProblem> problems;
    const Status status = load_exercise_catalog(path, &catalog, &problems);
    EXPECT_TRUE(status) << status.message();
    return validate_catalog(catalog, BreakLengths{30, 300});
  }
  static bool has(const std::vector<CatalogProblem>& problems, const std::string& id,
                  const std::string& text) {
    for (const CatalogProblem& p : problems) {
      if (p.id == id && p.message.find(text) != std::string::npos) return true;
    }
    return false;
  }
};

TEST_F(CatalogValidation, DuplicateIdsAreReportedWithBothLines) {
  picture("neck-a");
  const auto problems = validate(entry("neck-a") + entry("neck-a"));
  EXPECT_TRUE(has(problems, "neck-a", "also used at line 2"));
}

TEST_F(CatalogValidation, IllustrationMustExistAndBeAnSvgWithViewBox) {
  picture("neck-b", "<svg><circle/></svg>");
  picture("neck-c", "<svg viewBox=\"0 0 1 1\"><g></svg>");
  const auto problems = validate(entry("neck-a") + entry("neck-b") + entry("neck-c"));
  EXPECT_TRUE(has(problems, "neck-a", "does not exist"));
  EXPECT_TRUE(has(problems, "neck-b", "viewBox"));
  EXPECT_TRUE(has(problems, "neck-c", "not well-formed"));
}

TEST_F(CatalogValidation, HoldsMustFitTheDurationAndTheDurationARestBreak) {
  picture("neck-a");
  picture("neck-b");
  // 2 repetitions of a 5 s hold do not fit 8 s; 400 s does not fit a 300 s rest break.
  const auto problems =
      validate(entry("neck-a", "", "[\"neck\"]", 8) + entry("neck-b", "", "[\"neck\"]", 400));
  EXPECT_TRUE(has(problems, "neck-a", "shorter than the holds"));
  EXPECT_TRUE(has(problems, "neck-b", "does not fit a rest break of 300 s"));
}

TEST_F(CatalogValidation, EveryDeskAreaNeedsASeatedMicroBreakExercise) {
  picture("neck-a");
  picture("chest-a");
  picture("core-a");
  // chest only has a 40 s exercise; core only a floor one (not a desk area).
  const std::string chest = entry("chest-a", "", "[\"chest\"]", 40);
  std::string core = entry("core-a", "", "[\"core\"]", 40);
  core.replace(core.find("\"seated\""), 8, "\"floor\"");
  const auto problems = validate(entry("neck-a", "", "[\"neck\"]", 20) + chest + core);
  EXPECT_TRUE(has(problems, "", "target area chest has no seated"));
  EXPECT_FALSE(has(problems, "", "target area core"));
  EXPECT_FALSE(has(problems, "", "target area neck"));
}

TEST_F(CatalogValidation, EveryRequiredExerciseMustBePresent) {
  picture("neck-half-rolls");
  const auto problems = validate(entry("neck-half-rolls"));
  EXPECT_FALSE(has(problems, "", "exercise neck-half-rolls is missing"));
  EXPECT_TRUE(has(problems, "", "exercise wall-angel is missing"));
  EXPECT_TRUE(has(problems, "", "exercise butterfly-stretch is missing"));
}

TEST_F(CatalogValidation, EveryExerciseNeedsACautionAndASourceAReaderCanFollow) {
  for (const char* id : {"neck-a", "neck-b", "neck-c", "neck-d", "neck-e"}) picture(id);
  auto with_source = [&](const std::string& id, const std::string& source) {
    std::string e = entry(id, "cautions = [\"Stop if it hurts.\"]\n");
    e.replace(e.find("source = \"S\""), 12, "source = \"" + source + "\"");
    return e;
  };
  const auto problems = validate(entry("neck-a") + with_source("neck-b", "Some blog article") +
                                 with_source("neck-c", "See ergonomics.md, 2001") +
                                 with_source("neck-d", "https://example.org/stretch") +
                                 with_source("neck-e", "McLean et al. 2001, Applied Ergonomics"));
  EXPECT_TRUE(has(problems, "neck-a", "cautions: must name at least one"));
  EXPECT_FALSE(has(problems, "neck-b", "cautions"));
  EXPECT_TRUE(has(problems, "neck-b", "source: give a URL"));
  EXPECT_TRUE(has(problems, "neck-c", "source: give a URL"));
  EXPECT_FALSE(has(problems, "neck-d", "source"));
  EXPECT_FALSE(has(problems, "neck-e", "source"));
}

TEST_F(CatalogValidation, DeskExercisesOverTwentySecondsNeedAShortVariantThatFits) {
  for (const char* id : {"neck-a", "neck-b", "neck-c", "neck-d", "neck-e"}) picture(id);
  const auto problems = validate(
      entry("neck-a") +  // 30 s, no short variant, no reason
      entry("neck-b", "short = { duration_seconds = 12, repetitions = 1 }\n") +
      entry("neck-c", "short = { duration_seconds = 25, repetitions = 1 }\n") +
      entry("neck-d", "short = { duration_seconds = 6, repetitions = 2 }\n") +  // 2 x 5 s holds
      entry("neck-e", "no_short_variant = \"A long hold is the point.\"\n"));
  EXPECT_TRUE(has(problems, "neck-a", "needs a short variant"));
  EXPECT_FALSE(has(problems, "neck-b", "short"));
  EXPECT_TRUE(has(problems, "neck-c", "short: duration_seconds 25 s is over 20 s"));
  EXPECT_TRUE(has(problems, "neck-d", "shorter than its holds"));
  EXPECT_FALSE(has(problems, "neck-e", "short"));
}

TEST_F(CatalogValidation, EveryStepHasItsOwnFrame) {
  picture("neck-a");
  picture("neck-a-1");
  picture("neck-b");
  const auto problems = validate(entry("neck-a") + entry("neck-b"));
  EXPECT_FALSE(has(problems, "neck-a", "frame"));
  EXPECT_TRUE(has(problems, "neck-b", "steps 1 frame: "));
}

TEST_F(CatalogLoader, ShortVariantIsReadAndPlannedWhenTheFullExerciseDoesNotFit) {
  picture("neck-a");
  const std::string path = write(
      "ex.toml", "schema = 1\n" + entry("neck-a", "short = { duration_seconds = 8, repetitions = "
                                                  "1, hold_seconds = [3] }\n"));
  ExerciseCatalog catalog;
  ASSERT_TRUE(load_exercise_catalog(path, &catalog, nullptr));
  const Exercise& ex = catalog.exercises.at(0);
  ASSERT_TRUE(ex.short_variant.has_value());
  EXPECT_EQ(ex.steps.at(0).frame, dir_ + "/pics/neck-a-1.svg");
  const auto full = plan_exercise(ex, 30);
  ASSERT_TRUE(full.has_value());
  EXPECT_FALSE(full->is_short);
  EXPECT_EQ(full->repetitions, 2);
  EXPECT_EQ(full->hold_seconds, std::vector<int>{5});
  const auto quick = plan_exercise(ex, 10);
  ASSERT_TRUE(quick.has_value());
  EXPECT_TRUE(quick->is_short);
  EXPECT_EQ(quick->duration_seconds, 8);
  EXPECT_EQ(quick->hold_seconds, std::vector<int>{3});
  EXPECT_FALSE(plan_exercise(ex, 7).has_value());
  EXPECT_TRUE(fits_micro_break(ex, 8));
}

TEST_F(CatalogLoader, ShortVariantHoldsMustMatchTheSteps) {
  picture("neck-a");
  const std::string path = write(
      "ex.toml", "schema = 1\n" + entry("neck-a", "short = { duration_seconds = 8, repetitions = "
                                                  "1, hold_seconds = [3, 1] }\n"));
  ExerciseCatalog catalog;
  std::vector<CatalogProblem> problems;
  EXPECT_FALSE(load_exercise_catalog(path, &catalog, &problems));
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems[0].message.find("one hold per step (1), got 2"), std::string::npos);
  EXPECT_EQ(problems[0].id, "neck-a short");
}

TEST_F(CatalogLoader, ChecklistProblemsNameTheChecklistAndItem) {
  const std::string path =
      write("cl.toml",
            "schema = 1\n[[checklist]]\nid = \"desk\"\ntitle = \"T\"\nsummary = \"S\"\n"
            "[[checklist.item]]\nid = \"a\"\narea = \"monitor\"\nquestion = \"Is it far enough\"\n"
            "why = \"w\"\nfix = \"f\"\nsource = \"s\"\n"
            "[[checklist.item]]\nid = \"a\"\narea = \"monitor\"\nquestion = \"Q?\"\nwhy = \"w\"\n"
            "fix = \"f\"\n");
  ChecklistSet set;
  std::vector<CatalogProblem> problems;
  EXPECT_FALSE(load_checklists(path, &set, &problems));
  auto has = [&](int line, const std::string& id, const std::string& text) {
    for (const CatalogProblem& p : problems) {
      if (p.line == line && p.id == id && p.message.find(text) != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(9, "desk/a", "question: must be a yes/no question"));
  EXPECT_TRUE(has(13, "desk/a", "also used at line 6"));
  EXPECT_TRUE(has(13, "desk/a", "source: missing"));
}

TEST_F(CatalogLoader, HealthNoticeNeedsEverySection) {
  const std::string path = write("h.toml",
                                 "schema = 1\nsource = \"s\"\n[notice]\ntext = \"t\"\n"
                                 "stop_if = [\"pain\"]\n");
  HealthNotice notice;
  std::vector<CatalogProblem> problems;
  EXPECT_FALSE(load_health_notice(path, &notice, &problems));
  bool symptoms = false;
  bool disclaimer = false;
  for (const CatalogProblem& p : problems) {
    symptoms |= p.message.find("symptoms: missing") != std::string::npos;
    disclaimer |= p.message.find("disclaimer: missing") != std::string::npos;
  }
  EXPECT_TRUE(symptoms);
  EXPECT_TRUE(disclaimer);
  EXPECT_EQ(notice.notice, "t");
}

}  // namespace
}  // namespace limber
