// The shelter register for the alert page: what `machikado import shelters` writes is read, only
// an alert's shelter fields are kept, bad entries are left out, and the caps refuse big files.
#include "console/shelter_register.h"

#include <gtest/gtest.h>

namespace machikado::console {
namespace {

TEST(ShelterRegister, KeepsAnAlertsShelterFieldsAndLeavesOutBadEntries) {
  const std::string doc = R"({"version": 1, "id": "ward.shelters", "shelters": [
    {"id": "E3820100602201", "name": {"ja": "城山公園", "ja-Kana": "シロヤマコウエン"},
     "address": "愛媛県松山市堀之内", "lat": 33.84, "lon": 132.76, "hazards": ["earthquake"],
     "capacity": 50700, "phone": "089-000-0000", "url": "https://example.invalid/"},
    {"id": "../etc", "name": {"ja": "悪い番号"}},
    {"id": "no-name"},
    "not an object",
    {"id": "s2", "name": "東雲公園"}]})";
  Result<nlohmann::json> r = ParseShelterRegister(doc);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 2u);
  const auto& first = (*r)[0];
  EXPECT_EQ(first["id"], "E3820100602201");
  EXPECT_EQ(first["name"]["ja"], "城山公園");
  EXPECT_EQ(first["capacity"], 50700);
  EXPECT_EQ(first["lat"], 33.84);
  EXPECT_FALSE(first.contains("phone"));  // not an alert shelter field
  EXPECT_FALSE(first.contains("url"));
  EXPECT_EQ((*r)[1]["name"], "東雲公園");
}

TEST(ShelterRegister, RefusesWhatIsNotARegisterAndTooMany) {
  EXPECT_FALSE(ParseShelterRegister("[]").ok());
  EXPECT_FALSE(ParseShelterRegister(R"({"items": []})").ok());
  EXPECT_FALSE(ParseShelterRegister("not json").ok());
  std::string many = R"({"shelters": [)";
  for (size_t i = 0; i <= kMaxRegisterShelters; ++i) many += (i ? "," : "") + std::string("{}");
  many += "]}";
  Result<nlohmann::json> r = ParseShelterRegister(many);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
}

}  // namespace
}  // namespace machikado::console
