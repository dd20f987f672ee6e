#include "ui/detail_video.h"

#include <gtest/gtest.h>

namespace machikado::ui {
namespace {

feed::Item VideoItem() {
  feed::Item v;
  v.id = "mochi";
  v.kind = feed::Kind::kVideo;
  v.summary.variants.push_back({"ja", "餅つき大会の様子", {{"餅つき大会の様子", ""}}});
  return v;
}

video::Captions Captions() {
  auto c = video::ParseWebVtt(
      "WEBVTT\n\n00:00.000 --> 00:02.000\n<ruby>餅<rt>もち</rt></ruby>をつきます\n\n"
      "00:02.000 --> 00:04.000\nよいしょ\n\n00:04.000 --> 00:06.000\nよいしょ\n\n"
      "00:06.000 --> 00:08.000\nできあがり\n");
  EXPECT_TRUE(c.ok());
  return c.ok() ? *c : video::Captions{};
}

TEST(VideoDetailItem, TheCaptionsBecomeATranscriptUnderAHeadingWithTheirReadings) {
  const video::Captions caps = Captions();
  const feed::Item out = VideoDetailItem(VideoItem(), &caps, "ja");
  EXPECT_EQ(out.summary.plain("ja"), "餅つき大会の様子");  // the summary stays
  EXPECT_EQ(out.body.plain("ja"), "字幕\n餅をつきます\nよいしょ\nできあがり");
  const feed::LocalizedString* body = out.body.pick("ja");
  ASSERT_TRUE(body);
  EXPECT_TRUE(body->has_ruby());  // 餅 keeps its reading
}

TEST(VideoDetailItem, AFeedBodyComesFirstAndOtherItemsAreUnchanged) {
  const video::Captions caps = Captions();
  feed::Item v = VideoItem();
  v.body.variants.push_back({"ja", "撮影：町会", {{"撮影：町会", ""}}});
  EXPECT_EQ(VideoDetailItem(v, &caps, "ja").body.plain("ja"),
            "撮影：町会\n\n字幕\n餅をつきます\nよいしょ\nできあがり");
  EXPECT_EQ(VideoDetailItem(v, nullptr, "ja").body.plain("ja"), "撮影：町会");
  feed::Item news = v;
  news.kind = feed::Kind::kNews;
  EXPECT_EQ(VideoDetailItem(news, &caps, "ja").body.plain("ja"), "撮影：町会");
}

TEST(VideoDetailItem, ALongTranscriptIsCutAtTheBodyLimit) {
  std::string vtt = "WEBVTT\n\n";
  for (int i = 0; i < 600; ++i)
    vtt += "00:" + std::to_string(10 + i / 60) + ":" + (i % 60 < 10 ? "0" : "") +
           std::to_string(i % 60) + ".000 --> 00:" + std::to_string(10 + i / 60) + ":" +
           (i % 60 < 10 ? "0" : "") + std::to_string(i % 60) + ".500\nせりふ番号" +
           std::to_string(i) + "です\n\n";
  auto caps = video::ParseWebVtt(vtt);
  ASSERT_TRUE(caps.ok()) << caps.status().message();
  ASSERT_EQ(caps->cues.size(), 600u);
  const std::string body = VideoDetailItem(VideoItem(), &*caps, "en").body.plain("en");
  EXPECT_EQ(body.rfind("Captions\n", 0), 0u);
  EXPECT_NE(body.find("…"), std::string::npos);
  size_t chars = 0;
  for (unsigned char ch : body) chars += (ch & 0xC0) != 0x80;
  EXPECT_LE(chars, kMaxTranscriptChars + 2);
}

}  // namespace
}  // namespace machikado::ui
