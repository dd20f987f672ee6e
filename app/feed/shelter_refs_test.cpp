// Alerts listing shelters by reference to a register in another feed: parsing, resolution, what
// happens to an unknown reference, suitability for the alert's hazard and the geo: URI.
#include "feed/shelter_refs.h"

#include <gtest/gtest.h>

#include "feed/parse.h"

namespace machikado::feed {
namespace {

const char kRegister[] = R"({"format": "machikado-feed/1", "id": "ward.shelters",
  "generated": "2026-11-23T09:00:00+09:00", "items": [],
  "shelters": [
    {"id": "E1", "name": {"ja": "城山公園", "ja-Kana": "シロヤマコウエン"}, "address": "松山市堀之内",
     "lat": 33.84199297, "lon": 132.7618544, "hazards": ["earthquake", "tsunami"], "capacity": 50700},
    {"id": "E2", "name": "東雲公園", "address": "松山市東雲町7-2", "hazards": ["flood"]}]})";

const char kAlert[] = R"({"format": "machikado-feed/1", "id": "alerts",
  "generated": "2026-11-23T09:00:00+09:00",
  "items": [{"id": "a1", "kind": "alert", "level": 4, "hazard": "flood", "title": "避難指示",
    "issued": "2026-11-23T09:00:00+09:00",
    "shelters": [{"ref": "E1", "status": "open"}, {"ref": "E2", "status": "full"},
                 {"ref": "E9", "status": "open"},
                 {"id": "h1", "name": "手書きの避難所", "status": "unknown"}]}]})";

Feed Parse(const char* json) {
  ParseOutcome out = ParseFeed(json);
  EXPECT_TRUE(out.ok()) << (out.errors.empty()
                                ? ""
                                : out.errors.front().pointer + ": " + out.errors.front().message);
  return out.feed.value_or(Feed{});
}

TEST(FeedShelterRefs, ParsesAReferenceWithoutAName) {
  const Feed f = Parse(kAlert);
  ASSERT_EQ(f.items.size(), 1u);
  const auto& s = f.items[0].alert.shelters;
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].ref, "E1");
  EXPECT_EQ(s[0].id, "E1");
  EXPECT_TRUE(s[0].name.empty());
  EXPECT_EQ(s[0].status, ShelterStatus::kOpen);
  EXPECT_TRUE(s[3].ref.empty());
  EXPECT_TRUE(HasShelterRefs(f.items[0]));
}

TEST(FeedShelterRefs, ResolvesFromTheRegisterOfAnotherFeed) {
  Feed alerts = Parse(kAlert);
  ShelterRegister reg;
  reg.Add(Parse(kRegister).shelters);
  ASSERT_EQ(reg.size(), 2u);
  Item& item = alerts.items[0];
  EXPECT_EQ(ResolveShelterRefs(&item, reg), 1u);  // E9 is in no register
  const auto& s = item.alert.shelters;
  EXPECT_TRUE(s[0].resolved);
  EXPECT_EQ(s[0].name.plain("ja"), "城山公園");
  EXPECT_EQ(s[0].address.plain("ja"), "松山市堀之内");
  EXPECT_EQ(s[0].capacity, 50700);
  EXPECT_EQ(s[0].status, ShelterStatus::kOpen);  // the alert's own status stays
  EXPECT_EQ(s[1].status, ShelterStatus::kFull);
  EXPECT_FALSE(s[2].resolved);
  EXPECT_EQ(s[2].name.plain("ja"), "E9");  // shown by its id, not dropped
  EXPECT_EQ(s[3].name.plain("ja"), "手書きの避難所");
}

TEST(FeedShelterRefs, TheFirstRegisterWinsForAnId) {
  ShelterRegister reg;
  Shelter a, b;
  a.id = b.id = "X";
  a.address.variants.push_back({"ja", "first", {{"first", ""}}});
  b.address.variants.push_back({"ja", "second", {{"second", ""}}});
  reg.Add({a});
  reg.Add({b});
  EXPECT_EQ(reg.Find("X")->address.plain(), "first");
}

TEST(FeedShelterRefs, SaysWhetherAShelterSuitsTheHazardNeverGuessing) {
  Shelter s;
  EXPECT_EQ(ShelterSuits(s, Hazard::kFlood), Suitability::kUnknown);  // no designations known
  s.hazards = {Hazard::kEarthquake, Hazard::kTsunami};
  EXPECT_EQ(ShelterSuits(s, Hazard::kTsunami), Suitability::kSuits);
  EXPECT_EQ(ShelterSuits(s, Hazard::kFlood), Suitability::kNotDesignated);
  EXPECT_EQ(ShelterSuits(s, Hazard::kInlandFlood), Suitability::kNotDesignated);
  EXPECT_EQ(ShelterSuits(s, Hazard::kHeat), Suitability::kUnknown);  // no designation type
}

TEST(FeedShelterRefs, GivesAGeoUriOnlyWithAPosition) {
  Shelter s;
  EXPECT_EQ(GeoUri(s), "");
  s.lat = 33.84199297;
  s.lon = 132.7618544;
  EXPECT_EQ(GeoUri(s), "geo:33.841993,132.761854");
}

TEST(FeedShelterRefs, ARegisterEntryCannotBeAReference) {
  const ParseOutcome out = ParseFeed(R"({"format": "machikado-feed/1", "id": "r",
    "generated": "2026-11-23T09:00:00+09:00", "items": [], "shelters": [{"ref": "E1"}]})");
  ASSERT_TRUE(out.feed.has_value());
  EXPECT_TRUE(out.feed->shelters.empty());
  ASSERT_FALSE(out.errors.empty());
  EXPECT_EQ(out.errors[0].pointer, "/shelters/0/ref");
}

TEST(FeedShelterRefs, AReferenceWithADifferentIdIsAnItemError) {
  const ParseOutcome out = ParseFeed(R"({"format": "machikado-feed/1", "id": "a",
    "generated": "2026-11-23T09:00:00+09:00",
    "items": [{"id": "a1", "kind": "alert", "hazard": "flood", "title": "t",
      "issued": "2026-11-23T09:00:00+09:00", "shelters": [{"ref": "E1", "id": "E2"}]}]})");
  ASSERT_TRUE(out.feed.has_value());
  EXPECT_TRUE(out.feed->items.empty());
  ASSERT_FALSE(out.errors.empty());
  EXPECT_EQ(out.errors[0].pointer, "/items/0/shelters/0/id");
}

}  // namespace
}  // namespace machikado::feed
