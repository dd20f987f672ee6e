// ParseAtomFeed on JMA's real high-frequency 地震火山 feed (../shared/testdata/jma/atom/eqvol.xml)
// and the choice of entries worth downloading.
#include "ingest/atom_feed.h"

#include <gtest/gtest.h>

#include "ingest/ingest_test_util.h"

namespace machikado::ingest {
namespace {

using namespace machikado::ingest::testing;

TEST(AtomFeed, ReadsJmasEqvolFeed) {
  MACHIKADO_NEED_TESTDATA("jma");
  auto entries = ParseAtomFeed(ReadBytes(TestdataDir("jma") + "/atom/eqvol.xml"));
  ASSERT_TRUE(entries.ok()) << entries.status().message();
  ASSERT_EQ(entries->size(), 25u);
  const AtomEntry& first = entries->front();
  EXPECT_EQ(first.title, "降灰予報（定時）");
  EXPECT_EQ(first.link,
            "http://www.data.jma.go.jp/developer/xml/data/20211123230030_0_VFVO53_010000.xml");
  EXPECT_EQ(first.id, first.link);
  EXPECT_EQ(first.updated, At("2021-11-23T23:00:00Z"));
  size_t wanted = 0;
  for (const auto& e : *entries) wanted += IsWarningTitle(e.title);
  EXPECT_EQ(wanted, 2u);  // the two 震源・震度に関する情報; no 降灰予報, no 火山観測報
}

TEST(AtomFeed, WarningTitles) {
  for (const char* t :
       {"気象特別警報・警報・注意報", "気象警報・注意報（Ｈ２７）", "土砂災害警戒情報",
        "指定河川洪水予報", "津波警報・注意報・予報a", "震度速報", "震源・震度に関する情報"})
    EXPECT_TRUE(IsWarningTitle(t)) << t;
  for (const char* t :
       {"噴火警報・予報", "降灰予報（定時）", "季節観測", "緊急地震速報（警報）", "府県天気予報"})
    EXPECT_FALSE(IsWarningTitle(t)) << t;
}

TEST(AtomFeed, RefusesSomethingElse) {
  EXPECT_FALSE(ParseAtomFeed("<rss version=\"2.0\"/>").ok());
  EXPECT_FALSE(ParseAtomFeed("<feed xmlns=\"http://www.w3.org/2005/Atom\">").ok());
}

}  // namespace
}  // namespace machikado::ingest
