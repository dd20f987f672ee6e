// LayoutCaption: captions sit at the bottom of the video, centred, kinsoku kept, with readings.
#include "video/caption_layout.h"

#include <gtest/gtest.h>

#include "text/fake_measurer.h"

namespace machikado::video {
namespace {

Cue CueOf(std::string_view vtt_text) {
  Result<Captions> c = ParseWebVtt("WEBVTT\n\n00:00.000 --> 00:05.000\n" + std::string(vtt_text));
  EXPECT_TRUE(c.ok());
  return c.ok() && !c->cues.empty() ? c->cues[0] : Cue{};
}

TEST(CaptionLayoutTest, SitsCentredAtTheBottomOfTheVideo) {
  text::EmMeasurer m;
  const render::RectF video{100, 50, 1280, 720};
  CaptionLayout c = LayoutCaption(CueOf("町会のみなさんで餅をつきます。"), "ja", video, m);
  ASSERT_EQ(c.layout.lines.size(), 1u);
  EXPECT_TRUE(video.Contains(c.band));
  EXPECT_GT(c.band.y, video.y + video.h / 2);  // lower half
  const float band_centre = c.band.x + c.band.w / 2;
  EXPECT_NEAR(band_centre, video.x + video.w / 2, 2.0);
  EXPECT_FLOAT_EQ(c.layout.px, 720 * 0.075f);
}

TEST(CaptionLayoutTest, LongCaptionsWrapWithKinsokuInAtMostThreeLines) {
  text::EmMeasurer m;
  const render::RectF video{0, 0, 640, 360};
  const std::string long_text =
      "本日は商店街の餅つき大会にお越しいただき、ありがとうございます。つきたてのお餅は、"
      "「まちづくりセンター」前のテントでお配りしています。どうぞお召し上がりください。";
  CaptionLayout c = LayoutCaption(CueOf(long_text), "ja", video, m);
  ASSERT_FALSE(c.layout.lines.empty());
  EXPECT_LE(c.layout.lines.size(), 3u);
  std::vector<std::string> lines;
  for (const auto& l : c.layout.lines) {
    lines.push_back(l.text);
    EXPECT_LE(c.text_x + l.x + l.w, video.right() + 0.5f);
  }
  EXPECT_TRUE(text::SatisfiesKinsoku(lines));
  EXPECT_TRUE(video.Contains(c.band));
  EXPECT_GE(c.layout.px, 18.f);
}

TEST(CaptionLayoutTest, KeepsReadingsAndShowsNothingForNothing) {
  text::EmMeasurer m;
  const render::RectF video{0, 0, 1280, 720};
  CaptionLayout c =
      LayoutCaption(CueOf("<ruby>避難<rt>ひなん</rt></ruby>してください"), "ja", video, m);
  ASSERT_EQ(c.layout.lines.size(), 1u);
  ASSERT_EQ(c.layout.lines[0].ruby.size(), 1u);
  EXPECT_EQ(c.layout.lines[0].ruby[0].text, "ひなん");
  CaptionLayout none = LayoutCaption(Cue{}, "ja", video, m);
  EXPECT_TRUE(none.layout.lines.empty());
  EXPECT_EQ(none.band.w, 0);
  CaptionLayout tiny = LayoutCaption(CueOf("字幕"), "ja", {0, 0, 10, 10}, m);
  EXPECT_TRUE(tiny.layout.lines.empty() || video.Contains(tiny.band));
}

}  // namespace
}  // namespace machikado::video
