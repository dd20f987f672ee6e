// The kiosk's own shelter slide item and the map links of shelters' QR codes.
#include "feed/shelter_slide.h"

#include <gtest/gtest.h>

#include "feed/nearby_shelters.h"
#include "feed/shelter_refs.h"

namespace machikado::feed {
namespace {

Shelter Named(std::string id, std::string name) {
  Shelter s;
  s.id = std::move(id);
  s.name.variants.push_back({"ja", name, {{name, ""}}});
  s.lat = 33.841993;
  s.lon = 132.761854;
  return s;
}

TEST(ShelterSlideTest, NoShelterNoSlide) {
  EXPECT_FALSE(MakeShelterSlideItem({}).has_value());
}

TEST(ShelterSlideTest, IsAPreparednessItemInEveryLanguageOutsideAnyFeed) {
  auto item = MakeShelterSlideItem({{Named("E1", "城山公園"), 350.0}});
  ASSERT_TRUE(item.has_value());
  EXPECT_TRUE(IsShelterSlide(*item));
  EXPECT_EQ(item->kind, Kind::kPreparedness);
  EXPECT_EQ(item->title.plain("ja"), "この近くの指定緊急避難場所");
  for (const char* lang : {"ja", "ja-x-easy", "en", "zh-Hans", "ko", "vi"}) {
    ASSERT_NE(item->title.pick(lang), nullptr);
    EXPECT_EQ(item->title.pick(lang)->lang, lang);
    EXPECT_EQ(item->summary.pick(lang)->lang, lang);
  }
  EXPECT_EQ(item->title.pick("ja-x-easy")->plain(), "この 近くの 避難場所");
  EXPECT_TRUE(item->title.pick("ja-x-easy")->has_ruby());
  // Feed ids are [a-z0-9._-]: no published feed can have the slide's feed id.
  EXPECT_NE(item->feed_id.find('('), std::string::npos);
  EXPECT_FALSE(item->districts.has_value());  // shown everywhere the kiosk is configured for it
}

TEST(ShelterSlideTest, ContentDigestFollowsTheChoice) {
  auto a = MakeShelterSlideItem({{Named("E1", "城山公園"), 350.0}});
  auto b = MakeShelterSlideItem({{Named("E1", "城山公園"), 1200.0}});
  auto c = MakeShelterSlideItem({{Named("E1", "城山公園"), 350.0}});
  EXPECT_NE(a->content_hash, b->content_hash);
  EXPECT_EQ(a->content_hash, c->content_hash);
  EXPECT_FALSE(IsShelterSlide(Item{}));
}

TEST(ShelterMapLinkTest, GeoUriByDefaultAndNothingWithoutAPosition) {
  Shelter s = Named("E1", "城山公園");
  EXPECT_EQ(ShelterMapLink(s, ""), "geo:33.841993,132.761854");
  s.lat.reset();
  EXPECT_EQ(ShelterMapLink(s, "https://maps.example.jp/?q={lat},{lon}"), "");
}

TEST(ShelterMapLinkTest, FillsTheTemplateAndPercentEncodesNames) {
  Shelter s = Named("E3820100602201", "中央 公園&#?=/");
  EXPECT_EQ(ShelterMapLink(s, "https://maps.google.com/?q={lat},{lon}"),
            "https://maps.google.com/?q=33.841993,132.761854");
  EXPECT_EQ(
      ShelterMapLink(s, "https://map.example.jp/s/{id}?n={name}&z=17"),
      "https://map.example.jp/s/E3820100602201?n=%E4%B8%AD%E5%A4%AE%20%E5%85%AC%E5%9C%92%26%23"
      "%3F%3D%2F&z=17");
  // An id is percent-encoded too (register ids may contain ':').
  s.id = "a:b";
  EXPECT_EQ(ShelterMapLink(s, "https://m.example/{id}/{lat}"), "https://m.example/a%3Ab/33.841993");
}

TEST(ShelterMapLinkTest, TemplatesAreChecked) {
  EXPECT_EQ(CheckMapUrlTemplate("https://maps.google.com/?q={lat},{lon}"), "");
  EXPECT_EQ(CheckMapUrlTemplate(
                "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"),
            "");
  EXPECT_EQ(CheckMapUrlTemplate("https://map.example.jp/search?q={name}"), "");
  EXPECT_NE(CheckMapUrlTemplate("geo:{lat},{lon}"), "");  // not http(s)
  EXPECT_NE(CheckMapUrlTemplate("javascript:alert({lat})"), "");
  EXPECT_NE(CheckMapUrlTemplate("https://m.example/?q={lat}"), "");  // lon missing
  EXPECT_NE(CheckMapUrlTemplate("https://m.example/"), "");          // points nowhere
  EXPECT_NE(CheckMapUrlTemplate("https://m.example/?q={latitude}"), "");
  EXPECT_NE(CheckMapUrlTemplate("https://m.example/?q={lat},{lon"), "");
  EXPECT_NE(CheckMapUrlTemplate("https://m.example/?q={lat}, {lon}"), "");  // a space
}

}  // namespace
}  // namespace machikado::feed
