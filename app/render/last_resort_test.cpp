// The last-resort screen (issue 22): when no slide can be prepared the kiosk still shows the
// center's name, the clock and 「ただいま準備中です」, drawn straight to the screen.
#include <gtest/gtest.h>

#include "render/render_test_util.h"
#include "render/slide_renderer.h"

namespace machikado::render {
namespace {

TEST(LastResortScreen, ShowsTheCenterNameTheClockAndTadaimaJunbichuDesu) {
  auto rig = testing::RenderRig::Create(1920, 1080);
  ASSERT_NE(rig, nullptr);
  SlideContext ctx = testing::ContextFor(1920, 1080, "ja");
  ctx.utc_offset_s = 9 * 3600;
  LayoutRecord r = rig->renderer->DrawLastResort(ctx);
  bool name = false, message = false, clock = false;
  for (const auto& t : r.texts) {
    name = name || t.text.find("池尻まちづくりセンター") != std::string::npos;
    message = message || t.text == "ただいま準備中です";
    clock = clock || (t.role == "header" && t.text.find("14:05") != std::string::npos);
  }
  EXPECT_TRUE(name);
  EXPECT_TRUE(message);
  EXPECT_TRUE(clock) << r.ToJson();
  // Not a black screen: the page background and the footer are drawn.
  bool footer = false;
  for (const auto& b : r.boxes) footer = footer || b.role == "footer";
  EXPECT_TRUE(footer);
}

}  // namespace
}  // namespace machikado::render
