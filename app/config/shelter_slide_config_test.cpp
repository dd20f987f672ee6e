// The shelter slide's configuration keys: shelter_slide {lat, lon, ids, count, max_distance_m} and
// shelter_map_url.
#include <gtest/gtest.h>

#include "config/config_loader.h"

namespace machikado::config {
namespace {

bool HasProblem(const ConfigOutcome& o, const std::string& ptr) {
  for (const auto& p : o.problems)
    if (p.pointer == ptr && p.fatal) return true;
  return false;
}

TEST(ShelterSlideConfigTest, DefaultIsNoSlideAndGeoLinks) {
  ConfigOutcome o = ParseConfig("{}");
  ASSERT_TRUE(o.ok());
  EXPECT_FALSE(o.config.shelter_slide.lat.has_value());
  EXPECT_TRUE(o.config.shelter_slide.ids.empty());
  EXPECT_EQ(o.config.shelter_slide.count, 4);
  EXPECT_EQ(o.config.shelter_map_url, "");
}

TEST(ShelterSlideConfigTest, ReadsPositionIdsCountAndTemplate) {
  ConfigOutcome o = ParseConfig(R"({
    "shelter_slide": {"lat": 35.6505, "lon": 139.6845, "ids": ["E1", "E2"], "count": 6,
                      "max_distance_m": 1500},
    "shelter_map_url": "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"})");
  ASSERT_TRUE(o.ok());
  const feed::NearbyShelterQuery q = ToNearbyShelterQuery(o.config.shelter_slide);
  EXPECT_DOUBLE_EQ(*q.lat, 35.6505);
  EXPECT_DOUBLE_EQ(*q.lon, 139.6845);
  EXPECT_EQ(q.ids, (std::vector<std::string>{"E1", "E2"}));
  EXPECT_EQ(q.count, 6u);
  EXPECT_DOUBLE_EQ(q.max_distance_m, 1500);
}

TEST(ShelterSlideConfigTest, RefusesWhatCannotWork) {
  EXPECT_TRUE(HasProblem(ParseConfig(R"({"shelter_slide": {"lat": 35.6}})"), "/shelter_slide"));
  EXPECT_TRUE(HasProblem(ParseConfig(R"({"shelter_slide": {"lat": 95, "lon": 139}})"),
                         "/shelter_slide/lat"));
  EXPECT_TRUE(HasProblem(ParseConfig(R"({"shelter_slide": {"lat": "35", "lon": 139}})"),
                         "/shelter_slide/lat"));
  EXPECT_TRUE(
      HasProblem(ParseConfig(R"({"shelter_slide": {"count": 20}})"), "/shelter_slide/count"));
  EXPECT_TRUE(HasProblem(ParseConfig(R"({"shelter_slide": []})"), "/shelter_slide"));
  EXPECT_TRUE(HasProblem(ParseConfig(R"({"shelter_map_url": "https://m.example/?q={lat}"})"),
                         "/shelter_map_url"));
  ConfigOutcome typo = ParseConfig(R"({"shelter_slide": {"count": 3, "lng": 139}})");
  EXPECT_TRUE(typo.ok());  // an unknown key is a warning
  EXPECT_FALSE(typo.problems.empty());
}

}  // namespace
}  // namespace machikado::config
