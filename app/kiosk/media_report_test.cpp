// WantedMedia / DescribeMediaCache.
#include "kiosk/media_report.h"

#include <gtest/gtest.h>

#include "core/temp_dir.h"

namespace machikado::kiosk {
namespace {

feed::Item Video(std::string id, std::string url, int priority) {
  feed::Item it;
  it.id = std::move(id);
  it.kind = feed::Kind::kVideo;
  it.priority = priority;
  it.video.url = std::move(url);
  return it;
}

TEST(MediaReportTest, WantsVideosByPriorityThenTheirCaptionsOnce) {
  std::vector<feed::Item> items;
  items.push_back(Video("a", "https://x.jp/a.mp4", 50));
  items.back().video.captions = {{"ja", "https://x.jp/a.ja.vtt"}};
  feed::Item news;
  news.kind = feed::Kind::kNews;
  items.push_back(news);
  items.push_back(Video("b", "https://x.jp/b.mp4", 80));
  items.back().video.sha256 = std::string(64, 'b');
  items.back().video.bytes = 1000;
  items.push_back(Video("c", "https://x.jp/a.mp4", 10));  // the same clip again
  const std::vector<media::MediaWant> w = WantedMedia(items);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0].url, "https://x.jp/b.mp4");
  EXPECT_EQ(w[0].sha256, std::string(64, 'b'));
  EXPECT_EQ(w[0].bytes, 1000);
  EXPECT_EQ(w[1].url, "https://x.jp/a.mp4");
  EXPECT_EQ(w[2].url, "https://x.jp/a.ja.vtt");
  EXPECT_EQ(w[2].max_bytes, 1024u * 1024);  // captions: the WebVTT cap
  EXPECT_EQ(w[0].max_bytes, 0u);
}

TEST(MediaReportTest, DescribesCountsAndSkippedVideos) {
  ScopedTempDir dir;
  PosixFileSystem fs;
  FakeClock clock;
  media::MediaCache cache(fs, dir.file("media"), clock);
  ASSERT_TRUE(cache.Open().ok());
  ASSERT_TRUE(cache.Begin("https://x.jp/bad.mp4", "").ok());
  cache.Fail("https://x.jp/bad.mp4", "the downloaded file's sha256 differs");
  MediaStatus s =
      DescribeMediaCache(cache, {{"https://x.jp/8k.mp4", "the video is 7680×4320 pixels"}});
  EXPECT_EQ(s.failed, 1u);
  EXPECT_EQ(s.ready, 0u);
  EXPECT_EQ(s.budget_bytes, media::MediaCacheLimits{}.budget_bytes);
  ASSERT_EQ(s.skipped.size(), 2u);
  EXPECT_EQ(s.skipped[0].url, "https://x.jp/bad.mp4");
  EXPECT_EQ(s.skipped[1].reason, "the video is 7680×4320 pixels");
}

}  // namespace
}  // namespace machikado::kiosk
