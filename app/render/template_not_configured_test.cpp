// The not-configured screen's header: with no feed there is no feed connection to report, so the
// connectivity dot and word say whether the device has a network address at all.
#include <algorithm>

#include <gtest/gtest.h>

#include "render/render_test_util.h"

namespace machikado::render {
namespace {

using testing::HasText;

LayoutRecord DrawNotConfigured(testing::RenderRig& rig, std::vector<std::string> addresses) {
  SlideContext ctx = testing::ContextFor(1920, 1080, "ja");
  ctx.online = false;  // no feed is configured, so none is online
  ctx.not_configured = NotConfigured{"the configuration names no feed", "kiosk.json", "lobby-1",
                                     std::move(addresses)};
  SlideTexture tex;
  EXPECT_TRUE(rig.renderer->PrepareIdle(ctx, tex));
  return tex.record;
}

TEST(NotConfiguredScreen, HeaderReportsTheNetworkNotAMissingFeed) {
  auto rig = testing::RenderRig::Create(256, 256);
  ASSERT_NE(rig, nullptr) << "fonts or SDL unavailable";
  LayoutRecord on = DrawNotConfigured(*rig, {"192.0.2.10"});
  EXPECT_TRUE(HasText(on, "この画面は設定されていません"));
  EXPECT_TRUE(HasText(on, "オンライン"));
  EXPECT_FALSE(HasText(on, "オフライン"));
  EXPECT_TRUE(HasText(on, "192.0.2.10"));

  LayoutRecord off = DrawNotConfigured(*rig, {});
  EXPECT_TRUE(HasText(off, "オフライン"));
  EXPECT_TRUE(HasText(off, "ネットワーク未接続"));
}

}  // namespace
}  // namespace machikado::render
