// Where a slide's image comes from (issue 20 asked whether file:// images lose their scheme before
// the URL-keyed lookup, so that the render thread reads the file itself): a file:// image the
// pipeline holds is found under its own URL, scheme and all, and drawn from those bytes; only one
// the pipeline has not read yet is read by the canvas (never when feeds must be signed).
#include "kiosk/slide_context.h"

#include <gtest/gtest.h>

namespace machikado::kiosk {
namespace {

const std::string kUrl = "file:///srv/feeds/img/poster.png";

pipeline::Snapshot WithImage() {
  pipeline::Snapshot s;
  s.images[kUrl] = std::make_shared<pipeline::ImageData>(pipeline::ImageData{kUrl, "PNG bytes"});
  return s;
}

TEST(KioskImage, AFileImageThePipelineHoldsKeepsItsSchemeAndComesFromTheSnapshot) {
  const pipeline::Snapshot s = WithImage();
  EXPECT_EQ(ResolveKioskImage(&s, false, kUrl), kUrl);
  EXPECT_EQ(ResolveKioskImage(&s, true, kUrl), kUrl);
  config::Config cfg;
  SlideContextInputs in;
  in.config = &cfg;
  in.snapshot = std::make_shared<pipeline::Snapshot>(s);
  const render::SlideContext ctx = KioskSlideContext(in, schedule::Now{});
  const std::string key = ctx.resolve_image(kUrl);
  ASSERT_TRUE(ctx.image_bytes);
  const std::string* bytes = ctx.image_bytes(key);
  ASSERT_NE(bytes, nullptr);  // the canvas takes these bytes and opens no file
  EXPECT_EQ(*bytes, "PNG bytes");
}

TEST(KioskImage, OnlyAnImageNotReadYetIsReadFromDiskAndNeverWhenFeedsAreSigned) {
  const pipeline::Snapshot empty;
  EXPECT_EQ(ResolveKioskImage(&empty, false, kUrl), "/srv/feeds/img/poster.png");
  EXPECT_EQ(ResolveKioskImage(&empty, true, kUrl), "");
  EXPECT_EQ(ResolveKioskImage(nullptr, false, "https://example.jp/a.png"), "");
  pipeline::Snapshot refused;
  refused.image_errors[kUrl] = "too large";
  EXPECT_EQ(ResolveKioskImage(&refused, false, kUrl), "");
}

}  // namespace
}  // namespace machikado::kiosk
