#include "ops/metrics.h"

#include <gtest/gtest.h>

namespace machikado::ops {
namespace {

TEST(MetricsTest, FormatsFeedStateAgeAndErrorsInPrometheusTextFormat) {
  FeedMetrics f{"https://example.org/a\"b.json", "offline", 1000, 12, {{"timeout", 3}}, 10, 6};
  FrameTimes frames;
  for (int i = 1; i <= 100; ++i) frames.Add(i);
  KioskMetrics m;
  m.version = "0.1.0";
  m.mode = "emergency";
  m.now = 1600;
  m.feeds = {f};
  m.frames = &frames;
  m.slides_by_kind = {{"news", 7}};
  std::string text = FormatMetrics(m);
  EXPECT_NE(text.find("machikado_mode{mode=\"emergency\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("machikado_mode{mode=\"rotation\"} 0\n"), std::string::npos);
  EXPECT_NE(text.find("machikado_feed_up{url=\"https://example.org/a\\\"b.json\"} 0\n"),
            std::string::npos);
  EXPECT_NE(
      text.find(
          "machikado_feed_last_success_age_seconds{url=\"https://example.org/a\\\"b.json\"} 600\n"),
      std::string::npos);
  EXPECT_NE(text.find("kind=\"timeout\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("machikado_slides_shown_total{kind=\"news\"} 7\n"), std::string::npos);
  EXPECT_NE(text.find("machikado_frame_time_milliseconds{quantile=\"0.50\"} 51\n"),
            std::string::npos);
  EXPECT_NE(text.find("machikado_frame_time_milliseconds_count 100\n"), std::string::npos);
  // Every sample line belongs to a declared metric family.
  EXPECT_NE(text.find("# TYPE machikado_feed_up gauge\n"), std::string::npos);
}

TEST(MetricsTest, NeverFetchedFeedHasAgeMinusOne) {
  KioskMetrics m;
  m.now = 100;
  m.feeds = {FeedMetrics{"file:///x", "offline", 0, 0, {}, 0, 0}};
  EXPECT_NE(
      FormatMetrics(m).find("machikado_feed_last_success_age_seconds{url=\"file:///x\"} -1\n"),
      std::string::npos);
}

TEST(FrameTimesTest, QuantilesOverABoundedReservoir) {
  FrameTimes f(10);
  EXPECT_EQ(f.Quantile(0.5), 0);
  for (int i = 0; i < 1000; ++i) f.Add(i < 990 ? 100 : 5);  // only the last 10 are kept
  EXPECT_EQ(f.Quantile(0.5), 5);
  EXPECT_EQ(f.count(), 1000u);
}

TEST(MetricsTest, TexturesAreSummedOverOwnersAndProcessResourcesExported) {
  KioskMetrics m;
  m.textures_by_owner = {{"slide_text_cache", 40}, {"slides_prepared", 2}, {"detail_atlas", 1}};
  m.open_fds = 17;
  m.threads = 6;
  m.detail_opens = 3;
  const std::string text = FormatMetrics(m);
  EXPECT_NE(text.find("\nmachikado_textures 43\n"), std::string::npos);
  EXPECT_NE(text.find("machikado_textures_by_owner{owner=\"slides_prepared\"} 2\n"),
            std::string::npos);
  EXPECT_NE(text.find("\nmachikado_open_fds 17\n"), std::string::npos);
  EXPECT_NE(text.find("\nmachikado_threads 6\n"), std::string::npos);
  EXPECT_NE(text.find("\nmachikado_detail_opens_total 3\n"), std::string::npos);
}

TEST(MetricsTest, UnknownProcessResourcesAreLeftOut) {
  const std::string text = FormatMetrics(KioskMetrics{});
  EXPECT_EQ(text.find("machikado_open_fds"), std::string::npos);
  EXPECT_EQ(text.find("machikado_threads"), std::string::npos);
  EXPECT_NE(text.find("\nmachikado_textures 0\n"), std::string::npos);
}

TEST(MetricsTest, RendererIsAnInfoMetricWithItsReason) {
  KioskMetrics m;
  EXPECT_EQ(FormatMetrics(m).find("machikado_renderer_info"), std::string::npos);
  m.renderer_name = "software";
  m.renderer_path = "software";
  m.renderer_reason = "OpenGL renderer \"llvmpipe\" draws on the CPU";
  EXPECT_NE(
      FormatMetrics(m).find("machikado_renderer_info{renderer=\"software\",path=\"software\","
                            "reason=\"OpenGL renderer \\\"llvmpipe\\\" draws on the CPU\"} 1\n"),
      std::string::npos)
      << FormatMetrics(m);
}

}  // namespace
}  // namespace machikado::ops

namespace machikado::ops {
namespace {

TEST(MetricsTest, ExportsQuarantinedItemsAndRefusedImages) {
  KioskMetrics m;
  m.quarantined_items = 2;
  m.quarantined_this_run = 1;
  m.refused_images = 3;
  const std::string text = FormatMetrics(m);
  EXPECT_NE(text.find("\nmachikado_quarantined_items 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\nmachikado_quarantined_at_start 1\n"), std::string::npos);
  EXPECT_NE(text.find("\nmachikado_refused_images 3\n"), std::string::npos);
}

TEST(MetricsTest, ExportsTheMediaCacheWhenThereIsOne) {
  KioskMetrics m;
  EXPECT_EQ(FormatMetrics(m).find("machikado_media_"), std::string::npos);
  media::MediaCounters c;
  c.ready = 2;
  c.partial = 1;
  c.bytes_on_disk = 1000;
  c.budget_bytes = 5000;
  c.downloads_resumed = 3;
  c.digest_mismatches = 1;
  c.evictions = 4;
  m.media = c;
  m.videos_refused = 1;
  const std::string text = FormatMetrics(m);
  EXPECT_NE(text.find("\nmachikado_media_files{state=\"ready\"} 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\nmachikado_media_files{state=\"partial\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("\nmachikado_media_bytes 1000\n"), std::string::npos);
  EXPECT_NE(text.find("\nmachikado_media_budget_bytes 5000\n"), std::string::npos);
  EXPECT_NE(text.find("\nmachikado_media_downloads_total{outcome=\"resumed\"} 3\n"),
            std::string::npos);
  EXPECT_NE(text.find("\nmachikado_media_downloads_total{outcome=\"digest_mismatch\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("\nmachikado_media_evictions_total 4\n"), std::string::npos);
  EXPECT_NE(text.find("\nmachikado_videos_refused 1\n"), std::string::npos);
}

}  // namespace
}  // namespace machikado::ops
