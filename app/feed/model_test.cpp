#include "feed/model.h"

#include <gtest/gtest.h>

namespace machikado::feed {
namespace {

Text MakeText(std::initializer_list<std::pair<const char*, const char*>> vs) {
  Text t;
  for (auto [lang, s] : vs) t.variants.push_back({lang, s, {{s, ""}}});
  return t;
}

TEST(TextTest, PicksRequestedLanguageThenJapaneseThenFirst) {
  Text t = MakeText({{"en", "Hello"}, {"ja", "こんにちは"}, {"ko", "안녕"}});
  EXPECT_EQ(t.plain("ko"), "안녕");
  EXPECT_EQ(t.plain("vi"), "こんにちは");
  Text no_ja = MakeText({{"en", "Hello"}, {"ko", "안녕"}});
  EXPECT_EQ(no_ja.plain("vi"), "Hello");
  EXPECT_EQ(Text{}.pick("ja"), nullptr);
  EXPECT_EQ(Text{}.plain("ja"), "");
}

TEST(TextTest, PlainDropsRubyReadings) {
  LocalizedString s{"ja-x-easy", "{避難|ひなん}する", {{"避難", "ひなん"}, {"する", ""}}};
  EXPECT_EQ(s.plain(), "避難する");
  EXPECT_TRUE(s.has_ruby());
}

TEST(EnumNamesTest, RoundTrip) {
  for (auto k : {Kind::kNews, Kind::kPreparedness, Kind::kAlert, Kind::kProject})
    EXPECT_EQ(KindFromName(KindName(k)), k);
  EXPECT_EQ(HazardFromName("inland_flood"), Hazard::kInlandFlood);
  EXPECT_EQ(HazardFromName("meteor"), std::nullopt);
  EXPECT_EQ(StatusFromName("exercise"), ItemStatus::kExercise);
  EXPECT_EQ(ShelterStatusFromName("full"), ShelterStatus::kFull);
}

}  // namespace
}  // namespace machikado::feed
