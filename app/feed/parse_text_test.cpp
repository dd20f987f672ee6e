// ParseFeed: text values — strings or language objects, ruby markup, lengths in characters.
#include <gtest/gtest.h>

#include "feed/feed_test_util.h"
#include "feed/parse.h"

namespace machikado::feed {
namespace {

using testing::J;
using testing::NewsItem;
using testing::ParseOne;

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(ParseTextTest, PlainStringIsJapanese) {
  ParseOutcome o = ParseOne(NewsItem());
  J item = NewsItem();
  item["title"] = "お知らせ";
  o = ParseOne(item);
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o.feed->items[0].title.languages(), (std::vector<std::string>{"ja"}));
}

TEST(ParseTextTest, KeepsLanguagesInFeedOrderForFallback) {
  J item = NewsItem();
  item["title"] = {
      {"vi", "Thông báo"}, {"en", "Notice"}, {"ja-x-easy", "おしらせ"}, {"zh-Hans", "通知"}};
  ParseOutcome o = ParseOne(item);
  ASSERT_TRUE(o.ok()) << testing::DumpErrors(o);
  const Text& t = o.feed->items[0].title;
  EXPECT_EQ(t.languages(), (std::vector<std::string>{"vi", "en", "ja-x-easy", "zh-Hans"}));
  EXPECT_EQ(t.plain("ko"), "Thông báo");  // no ko, no ja → first listed
  EXPECT_EQ(t.plain("zh-Hans"), "通知");
}

TEST(ParseTextTest, AtMostEightLanguages) {
  J item = NewsItem();
  J title = J::object();
  for (const char* l : {"ja", "en", "zh-Hans", "zh-Hant", "ko", "vi", "pt", "ja-x-easy"})
    title[l] = "x";
  item["title"] = title;
  EXPECT_TRUE(ParseOne(item).ok());
  item["title"]["ne"] = "x";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title", "9 languages; at most 8");
}

TEST(ParseTextTest, RejectsBadLanguageTags) {
  J item = NewsItem();
  for (const char* bad : {"japanese", "j", "", "ja_JP", "ja-", "en-toolongsubtag", "日本語"}) {
    item["title"] = {{bad, "x"}};
    EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title/" + std::string(bad), "not a language tag");
  }
}

TEST(ParseTextTest, PointerEscapesSlashAndTildeInKeys) {
  J item = NewsItem();
  item["title"] = {{"a/b~c", "x"}};
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title/a~1b~0c", "not a language tag");
}

TEST(ParseTextTest, RejectsWrongTypes) {
  J item = NewsItem();
  item["title"] = J::array({"a"});
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title", "expected text");
  item["title"] = {{"ja", 5}};
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title/ja", "must be in quotes");
  item["title"] = J::object();
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title", "no languages");
}

TEST(ParseTextTest, TitleAtMost120CharactersCountingCodePointsNotBytes) {
  J item = NewsItem();
  item["title"] = Repeat("避", 120);  // 360 bytes
  EXPECT_TRUE(ParseOne(item).ok());
  item["title"] = Repeat("避", 121);
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title", "121 characters long; at most 120");
  item["title"] = {{"ja", "短い"}, {"en", std::string(121, 'a')}};
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title/en", "at most 120");
}

TEST(ParseTextTest, RubyReadingsDoNotCountTowardsTheLimit) {
  J item = NewsItem();
  item["title"] = Repeat("{避|ひなんひなんひなん}", 120);
  EXPECT_TRUE(ParseOne(item).ok());
}

TEST(ParseTextTest, SummaryAndBodyLimits) {
  J item = NewsItem();
  item["summary"] = std::string(400, 's');
  item["body"] = Repeat("本", 4000);
  EXPECT_TRUE(ParseOne(item).ok());
  item["summary"] = std::string(401, 's');
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/summary", "at most 400");
  item["summary"] = "s";
  item["body"] = Repeat("本", 4001);
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/body", "at most 4000");
}

TEST(ParseTextTest, ShortLabelsUseTheSummaryLimit) {
  J item = testing::PreparednessItem();
  item["actions"] = J::array({std::string(401, 'a')});
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/actions/0", "at most 400");
}

TEST(ParseTextTest, MalformedRubyIsAnItemErrorWithPlace) {
  J item = NewsItem();
  item["title"] = {{"ja", "防災"}, {"ja-x-easy", "{避難|ひなん"}};
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title/ja-x-easy", "never closed");
  item["title"] = "{避難}";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title", "no '|'");
  item["title"] = "{|ひなん}";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title", "no text before");
  item["title"] = "{避難|}";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title", "empty reading");
  item["title"] = "避難}";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title", "closes nothing");
  item["title"] = "{避{難|ひなん}";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title", "nested");
}

TEST(ParseTextTest, ParsesRubyIntoSegments) {
  J item = NewsItem();
  item["title"] = {{"ja-x-easy", "{地震|じしん}に{備|そな}える {{大切}}"}};
  ParseOutcome o = ParseOne(item);
  ASSERT_TRUE(o.ok()) << testing::DumpErrors(o);
  const LocalizedString& v = o.feed->items[0].title.variants.at(0);
  EXPECT_EQ(v.plain(), "地震に備える {大切}");
  EXPECT_EQ(v.segments.size(), 4u);
  EXPECT_EQ(v.segments[0], (RubySegment{"地震", "じしん"}));
}

TEST(ParseTextTest, RejectsControlCharactersButAllowsLineBreaks) {
  J item = NewsItem();
  item["body"] = "一行目\n二行目\tタブ";
  EXPECT_TRUE(ParseOne(item).ok());
  item["body"] = std::string(
      "a\x01"
      "b");
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/body", "control character U+0001");
  item["body"] = std::string("a\0b", 3);
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/body", "U+0000");
}

}  // namespace
}  // namespace machikado::feed
