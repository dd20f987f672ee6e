// ParseFeed: kind = video (feeds/README.md "kind = video").
#include <gtest/gtest.h>

#include <string>

#include "feed/feed_test_util.h"
#include "feed/parse.h"

namespace machikado::feed {
namespace {

using testing::J;
using testing::ParseOne;

J VideoItem() {
  return J{{"id", "video-1"},
           {"kind", "video"},
           {"title", {{"ja", "商店街の餅つき"}, {"en", "Rice cake pounding"}}},
           {"summary", "町会のみなさんが作りました"},
           {"video", {{"url", "https://example.jp/v/mochi.mp4"}}}};
}

TEST(ParseVideoTest, ReadsEveryField) {
  J item = VideoItem();
  const std::string digest(64, 'A');
  item["video"]["sha256"] = digest;
  item["video"]["bytes"] = 12345678;
  item["poster"] = {{"url", "img/mochi.jpg"}, {"alt", "餅つきの様子"}};
  item["captions"] = {{"ja", "captions/mochi.ja.vtt"}, {"en", "https://example.jp/mochi.en.vtt"}};
  item["loop"] = true;
  item["max_seconds"] = 90;
  ParseOutcome o = ParseOne(item, "https://example.jp/feeds/news.json");
  ASSERT_TRUE(o.ok()) << testing::DumpErrors(o);
  const Item& it = o.feed->items.at(0);
  EXPECT_EQ(it.kind, Kind::kVideo);
  EXPECT_EQ(KindName(it.kind), "video");
  EXPECT_EQ(it.summary.plain(), "町会のみなさんが作りました");
  const VideoPart& v = it.video;
  EXPECT_EQ(v.url, "https://example.jp/v/mochi.mp4");
  EXPECT_EQ(v.sha256, std::string(64, 'a'));
  EXPECT_EQ(v.bytes, 12345678);
  ASSERT_TRUE(v.poster.has_value());
  EXPECT_EQ(v.poster->url, "https://example.jp/feeds/img/mochi.jpg");
  EXPECT_EQ(v.poster->alt.plain(), "餅つきの様子");
  ASSERT_EQ(v.captions.size(), 2u);
  EXPECT_EQ(v.captions[0].lang, "ja");
  EXPECT_EQ(v.captions[0].url, "https://example.jp/feeds/captions/mochi.ja.vtt");
  EXPECT_EQ(v.captions[1].lang, "en");
  EXPECT_TRUE(v.loop);
  EXPECT_EQ(v.max_seconds, 90);
}

TEST(ParseVideoTest, DefaultsWhenOptionalFieldsAreAbsent) {
  ParseOutcome o = ParseOne(VideoItem());
  ASSERT_TRUE(o.ok()) << testing::DumpErrors(o);
  const VideoPart& v = o.feed->items.at(0).video;
  EXPECT_EQ(v.sha256, "");
  EXPECT_FALSE(v.bytes.has_value());
  EXPECT_FALSE(v.poster.has_value());
  EXPECT_TRUE(v.captions.empty());
  EXPECT_FALSE(v.loop);
  EXPECT_FALSE(v.max_seconds.has_value());
}

TEST(ParseVideoTest, VideoObjectAndUrlAreRequired) {
  J item = VideoItem();
  item.erase("video");
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/video", "");
  item["video"] = "https://example.jp/v/mochi.mp4";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/video", "");
  item["video"] = J::object();
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/video/url", "");
  item["video"] = {{"url", "ftp://example.jp/v.mp4"}};
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/video/url", "");
}

TEST(ParseVideoTest, RejectsBadDigestSizeAndSeconds) {
  J item = VideoItem();
  item["video"]["sha256"] = "abc";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/video/sha256", "64 hexadecimal");
  item = VideoItem();
  item["video"]["bytes"] = 0;
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/video/bytes", "");
  item["video"]["bytes"] = 600LL * 1024 * 1024;
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/video/bytes", "at most 536870912 bytes");
  item["video"]["bytes"] = "big";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/video/bytes", "");
  item = VideoItem();
  item["max_seconds"] = 2;
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/max_seconds", "");
  item["max_seconds"] = 601;
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/max_seconds", "");
  item = VideoItem();
  item["loop"] = "yes";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/loop", "");
}

TEST(ParseVideoTest, RejectsBadCaptions) {
  J item = VideoItem();
  item["captions"] = "https://example.jp/a.vtt";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/captions", "");
  item["captions"] = {{"日本語", "https://example.jp/a.vtt"}};
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/captions/日本語", "language tag");
  item["captions"] = {{"ja", 3}};
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/captions/ja", "");
  J many = J::object();
  for (const char* lang : {"ja", "en", "zh", "ko", "vi", "ne", "tl", "pt", "es"})
    many[lang] = "https://example.jp/a.vtt";
  item["captions"] = many;
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/captions", "at most 8");
}

TEST(ParseVideoTest, BadPosterSkipsTheItem) {
  J item = VideoItem();
  item["poster"] = {{"alt", "no url"}};
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/poster/url", "");
}

}  // namespace
}  // namespace machikado::feed
