// VideoSlideDurationMs / PickCaptions, and FakeVideoPlayer's contract as callers see it.
#include "video/video_slide.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "video/video_player.h"

namespace machikado::video {
namespace {

feed::Item Video() {
  feed::Item it;
  it.kind = feed::Kind::kVideo;
  it.video.url = "https://example.jp/v.mp4";
  return it;
}

TEST(VideoSlideTest, DurationFollowsTheVideoUnlessCapped) {
  feed::Item it = Video();
  EXPECT_EQ(VideoSlideDurationMs(it, 0, 20), 20000);     // length not known yet
  EXPECT_EQ(VideoSlideDurationMs(it, 42.2, 20), 43000);  // whole seconds, rounded up
  it.video.max_seconds = 30;
  EXPECT_EQ(VideoSlideDurationMs(it, 42.2, 20), 30000);
  it.duration_s = 15;
  EXPECT_EQ(VideoSlideDurationMs(it, 42.2, 20), 15000);
  it = Video();
  it.video.loop = true;
  EXPECT_EQ(VideoSlideDurationMs(it, 5, 20), 20000);  // a loop plays for the fallback time
  it = Video();
  EXPECT_EQ(VideoSlideDurationMs(it, 1e12, 20), kMaxVideoSlideS * 1000);
  EXPECT_EQ(VideoSlideDurationMs(it, 0.4, 20), 3000);
  EXPECT_EQ(VideoSlideDurationMs(it, std::nan(""), 20), 20000);
}

TEST(VideoSlideTest, PicksCaptionsInTheVisitorsLanguageThenJapanese) {
  feed::Item it = Video();
  EXPECT_EQ(PickCaptions(it, "en"), nullptr);
  it.video.captions = {{"en", "https://example.jp/en.vtt"}, {"ja", "https://example.jp/ja.vtt"}};
  EXPECT_EQ(PickCaptions(it, "en")->lang, "en");
  EXPECT_EQ(PickCaptions(it, "ja")->lang, "ja");
  EXPECT_EQ(PickCaptions(it, "vi")->lang, "ja");
  it.video.captions = {{"en", "https://example.jp/en.vtt"}};
  EXPECT_EQ(PickCaptions(it, "vi")->lang, "en");
}

TEST(FakeVideoPlayerTest, RecordsCallsAndDrawsItsColour) {
  FakeVideoPlayer p;
  p.Open("/state/media/abc", true);
  EXPECT_EQ(p.state(), PlayerState::kLoading);
  EXPECT_TRUE(p.opened_loop);
  p.Play();
  EXPECT_EQ(p.state(), PlayerState::kPlaying);
  EXPECT_FALSE(p.frame_ready());
  p.NewFrame(10, 20, 30);
  ASSERT_TRUE(p.frame_ready());
  std::vector<uint8_t> px(2 * 2 * 4);
  EXPECT_TRUE(p.RenderFrame(2, 2, 8, px.data()));
  EXPECT_EQ(px[4], 10);
  EXPECT_EQ(px[5], 20);
  EXPECT_EQ(px[6], 30);
  EXPECT_FALSE(p.frame_ready());
  p.Stop();
  EXPECT_EQ(p.state(), PlayerState::kIdle);
  EXPECT_FALSE(p.RenderFrame(2, 2, 8, px.data()));
  EXPECT_EQ(PlayerStateName(PlayerState::kFailed), "failed");
}

}  // namespace
}  // namespace machikado::video
