// ParseFeed: an alert's "level_basis" (issued / equivalent), added for 警戒レベル相当情報 from JMA.
#include <gtest/gtest.h>

#include "feed/feed_test_util.h"
#include "feed/parse.h"

namespace machikado::feed {
namespace {

using testing::AlertItem;
using testing::J;
using testing::ParseOne;

TEST(LevelBasisTest, DefaultsToTheMunicipalitysOwnLevel) {
  ParseOutcome o = ParseOne(AlertItem());
  ASSERT_TRUE(o.ok()) << testing::DumpErrors(o);
  EXPECT_EQ(o.feed->items.at(0).alert.level_basis, LevelBasis::kIssued);
}

TEST(LevelBasisTest, ReadsEquivalentAndIssued) {
  J item = AlertItem();
  item["level"] = 4;
  item["level_basis"] = "equivalent";
  ParseOutcome o = ParseOne(item);
  ASSERT_TRUE(o.ok()) << testing::DumpErrors(o);
  EXPECT_EQ(o.feed->items.at(0).alert.level_basis, LevelBasis::kEquivalent);
  item["level_basis"] = "issued";
  o = ParseOne(item);
  ASSERT_TRUE(o.ok()) << testing::DumpErrors(o);
  EXPECT_EQ(o.feed->items.at(0).alert.level_basis, LevelBasis::kIssued);
}

TEST(LevelBasisTest, UnknownValueIsAnItemError) {
  J item = AlertItem();
  item["level"] = 4;
  for (J bad : {J("official"), J(true), J(4)}) {
    item["level_basis"] = bad;
    EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/level_basis", "equivalent");
  }
}

TEST(LevelBasisTest, NeedsALevel) {
  J item = AlertItem();
  item.erase("level");
  item["level_basis"] = "equivalent";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/level_basis", "no level");
}

}  // namespace
}  // namespace machikado::feed
