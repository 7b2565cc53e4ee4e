#include <gtest/gtest.h>

#include <chrono>

#include "limber/catalog.h"

namespace limber {
namespace {

Checklist three_items() {
  Checklist list;
  list.id = "desk-setup";
  for (const char* id : {"monitor-distance", "chair-height", "footrest"}) {
    ChecklistItem item;
    item.id = id;
    list.items.push_back(item);
  }
  return list;
}

TEST(ChecklistScore, CountsYesAmongApplicableItemsAndListsNoAsToDo) {
  const Checklist list = three_items();
  const ChecklistScore score =
      score_checklist(list, {{"monitor-distance", ChecklistAnswer::kYes},
                             {"chair-height", ChecklistAnswer::kNo},
                             {"footrest", ChecklistAnswer::kNotApplicable}});
  EXPECT_EQ(score.yes, 1);
  EXPECT_EQ(score.no, 1);
  EXPECT_EQ(score.not_applicable, 1);
  EXPECT_EQ(score.unanswered, 0);
  EXPECT_EQ(score.percent, 50);
  ASSERT_EQ(score.to_do.size(), 1u);
  EXPECT_EQ(score.to_do[0]->id, "chair-height");
}

TEST(ChecklistScore, LaterAnswerReplacesEarlierAndUnknownItemsAreIgnored) {
  const Checklist list = three_items();
  const ChecklistScore score = score_checklist(list, {{"chair-height", ChecklistAnswer::kNo},
                                                      {"chair-height", ChecklistAnswer::kYes},
                                                      {"no-such-item", ChecklistAnswer::kNo}});
  EXPECT_EQ(score.yes, 1);
  EXPECT_EQ(score.no, 0);
  EXPECT_EQ(score.unanswered, 2);
  EXPECT_EQ(score.percent, 100);
  EXPECT_TRUE(score.to_do.empty());
}

TEST(ChecklistScore, NothingApplicableScoresFull) {
  const ChecklistScore score = score_checklist(three_items(), {});
  EXPECT_EQ(score.unanswered, 3);
  EXPECT_EQ(score.percent, 100);
}

TEST(ChecklistRecheck, DueOnceTheConfiguredDaysHavePassed) {
  const WallTime answered{std::chrono::hours(24 * 1000)};
  EXPECT_FALSE(checklist_recheck_due(answered, answered + std::chrono::days(89), 90));
  EXPECT_TRUE(checklist_recheck_due(answered, answered + std::chrono::days(90), 90));
  EXPECT_TRUE(checklist_recheck_due(answered, answered + std::chrono::days(8), 7));
}

}  // namespace
}  // namespace limber
