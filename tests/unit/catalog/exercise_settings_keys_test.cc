// The exercises.* keys use the word-list key type: comma-separated ids,
// checked word by word.
#include <gtest/gtest.h>

#include "limber/config_keys.h"

namespace limber {
namespace {

const KeyDef& key(std::string_view name) {
  const KeyDef* def = find_config_key(name);
  EXPECT_NE(def, nullptr) << name;
  return *def;
}

TEST(ExerciseKeys, EquipmentAcceptsKnownEquipmentAndNormalisesTheList) {
  ConfigValue v;
  std::string err;
  ASSERT_TRUE(parse_config_value(key("exercises.equipment"), " band , dumbbells,", &v, &err))
      << err;
  EXPECT_EQ(std::get<std::string>(v), "band,dumbbells");
  ASSERT_TRUE(parse_config_value(key("exercises.equipment"), "", &v, &err)) << err;
  EXPECT_EQ(std::get<std::string>(v), "");
  EXPECT_FALSE(parse_config_value(key("exercises.equipment"), "band,kettlebell", &v, &err));
  EXPECT_NE(err.find("kettlebell"), std::string::npos) << err;
}

TEST(ExerciseKeys, IdListsAcceptKebabCaseIdsOnly) {
  ConfigValue v;
  std::string err;
  ASSERT_TRUE(parse_config_value(key("exercises.excluded"), "chin-tuck,wall-angel", &v, &err));
  EXPECT_EQ(split_word_list(std::get<std::string>(v)),
            (std::vector<std::string>{"chin-tuck", "wall-angel"}));
  EXPECT_FALSE(parse_config_value(key("exercises.favourites"), "Chin Tuck", &v, &err));
  EXPECT_FALSE(parse_config_value(key("exercises.allowed"), "chin_tuck", &v, &err));
}

TEST(ExerciseKeys, DefaultsAndRecheckRange) {
  EXPECT_EQ(key("exercises.floor").default_value, "false");
  EXPECT_EQ(key("exercises.equipment").default_value, "");
  EXPECT_EQ(key("checklist.recheck_days").default_value, "90");
  ConfigValue v;
  std::string err;
  EXPECT_TRUE(parse_config_value(key("checklist.recheck_days"), "7", &v, &err));
  EXPECT_TRUE(parse_config_value(key("checklist.recheck_days"), "730", &v, &err));
  EXPECT_FALSE(parse_config_value(key("checklist.recheck_days"), "6", &v, &err));
  EXPECT_FALSE(parse_config_value(key("checklist.recheck_days"), "731", &v, &err));
}

}  // namespace
}  // namespace limber
