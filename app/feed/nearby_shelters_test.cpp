// Choosing the shelters of the kiosk's shelter slide: distances, nearest first within the radius,
// the configured ids in their order, and no slide without a way to know what is near.
#include "feed/nearby_shelters.h"

#include <gtest/gtest.h>

namespace machikado::feed {
namespace {

Shelter At(std::string id, std::optional<double> lat, std::optional<double> lon) {
  Shelter s;
  s.id = std::move(id);
  s.name.variants.push_back({"ja", s.id, {{s.id, ""}}});
  s.lat = lat;
  s.lon = lon;
  return s;
}

ShelterRegister Register() {
  ShelterRegister reg;
  // Around (35.65, 139.68); 0.001° of latitude ≈ 111 m.
  reg.Add({At("far", 35.70, 139.68),     // ≈ 5.6 km
           At("b", 35.652, 139.68),      // ≈ 222 m
           At("a", 35.652, 139.68),      // same place as b: id order decides
           At("near", 35.6505, 139.68),  // ≈ 56 m
           At("mid", 35.659, 139.68),    // ≈ 1 km
           At("nowhere", std::nullopt, std::nullopt)});
  return reg;
}

std::vector<std::string> Ids(const std::vector<NearbyShelter>& v) {
  std::vector<std::string> out;
  for (const auto& n : v) out.push_back(n.shelter.id);
  return out;
}

TEST(NearbySheltersTest, OneDegreeOfLatitudeIsAbout111Kilometres) {
  EXPECT_NEAR(DistanceMetres(35, 139, 36, 139), 111195, 1);
  EXPECT_NEAR(DistanceMetres(35.65, 139.68, 35.65, 139.68), 0, 1e-6);
  // Tokyo Station → Shinjuku Station, about 6.4 km as the crow flies.
  EXPECT_NEAR(DistanceMetres(35.681236, 139.767125, 35.690921, 139.700258), 6140, 100);
}

TEST(NearbySheltersTest, NearestFirstWithinTheRadiusTiesByIdAndAtMostCount) {
  NearbyShelterQuery q;
  q.lat = 35.65;
  q.lon = 139.68;
  q.count = 3;
  q.max_distance_m = 3000;
  const auto got = SelectNearbyShelters(Register(), q);
  EXPECT_EQ(Ids(got), (std::vector<std::string>{"near", "a", "b"}));
  ASSERT_TRUE(got[0].distance_m.has_value());
  EXPECT_NEAR(*got[0].distance_m, 55.6, 1);
  q.count = 8;
  EXPECT_EQ(Ids(SelectNearbyShelters(Register(), q)),
            (std::vector<std::string>{"near", "a", "b", "mid"}));  // not "far", not "nowhere"
  q.max_distance_m = 100;
  EXPECT_EQ(Ids(SelectNearbyShelters(Register(), q)), (std::vector<std::string>{"near"}));
}

TEST(NearbySheltersTest, ConfiguredIdsWinInTheirOrderWithDistancesWhenLocated) {
  NearbyShelterQuery q;
  q.ids = {"far", "unknown-id", "nowhere", "far", "near"};
  q.count = 3;
  auto got = SelectNearbyShelters(Register(), q);
  EXPECT_EQ(Ids(got), (std::vector<std::string>{"far", "nowhere", "near"}));
  EXPECT_FALSE(got[0].distance_m.has_value());  // no kiosk position: no distances
  q.lat = 35.65;
  q.lon = 139.68;
  got = SelectNearbyShelters(Register(), q);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_NEAR(*got[0].distance_m, 5560, 10);    // beyond the radius, but chosen by staff
  EXPECT_FALSE(got[1].distance_m.has_value());  // the register has no position for it
}

TEST(NearbySheltersTest, NothingWithoutPositionOrIds) {
  EXPECT_TRUE(SelectNearbyShelters(Register(), {}).empty());
  NearbyShelterQuery q;
  q.lat = 35.65;
  q.lon = 139.68;
  q.count = 0;
  EXPECT_TRUE(SelectNearbyShelters(Register(), q).empty());
  q.count = 4;
  EXPECT_TRUE(SelectNearbyShelters(ShelterRegister{}, q).empty());
}

}  // namespace
}  // namespace machikado::feed
