#include "render/polygon_bands.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace machikado::render {
namespace {

float Area(const std::vector<PointF>& p) {
  double a = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    const PointF u = p[i], v = p[(i + 1) % p.size()];
    a += double(u.x) * v.y - double(v.x) * u.y;
  }
  return float(std::abs(a) / 2);
}

float TrianglesArea(const std::vector<PointF>& t) {
  float sum = 0;
  for (size_t i = 0; i + 2 < t.size(); i += 3) sum += Area({t[i], t[i + 1], t[i + 2]});
  return sum;
}

float BoxesArea(const std::vector<PointF>& t) {
  float sum = 0;
  for (size_t i = 0; i + 2 < t.size(); i += 3) {
    auto [x0, x1] = std::minmax({t[i].x, t[i + 1].x, t[i + 2].x});
    auto [y0, y1] = std::minmax({t[i].y, t[i + 1].y, t[i + 2].y});
    sum += (x1 - x0) * (y1 - y0);
  }
  return sum;
}

std::vector<PointF> RoundedRect(float x, float y, float w, float h, float r) {
  std::vector<PointF> p;
  const float cx[4] = {x + w - r, x + r, x + r, x + w - r};
  const float cy[4] = {y + r, y + r, y + h - r, y + h - r};
  for (int c = 0; c < 4; ++c)
    for (int i = 0; i <= 10; ++i) {
      const double a = (c * 90.0 + i * 9.0) * M_PI / 180.0;
      p.push_back({cx[c] + r * float(std::cos(a)), cy[c] - r * float(std::sin(a))});
    }
  return p;
}

TEST(SplitIntoBands, CoversATriangleExactly) {
  const std::vector<PointF> tri{{50, 0}, {100, 80}, {0, 80}};
  auto t = SplitIntoBands(tri, 16);
  ASSERT_EQ(t.size() % 3, 0u);
  EXPECT_NEAR(TrianglesArea(t), Area(tri), 0.01f * Area(tri));
  for (const PointF& p : t) {
    EXPECT_GE(p.y, 0);
    EXPECT_LE(p.y, 80);
  }
}

TEST(SplitIntoBands, NoBandTallerThanAsked) {
  const std::vector<PointF> quad{{0, 0}, {30, 0}, {1110, 1080}, {1080, 1080}};  // a slanted stripe
  auto t = SplitIntoBands(quad, 16);
  for (size_t i = 0; i + 2 < t.size(); i += 3) {
    auto [y0, y1] = std::minmax({t[i].y, t[i + 1].y, t[i + 2].y});
    EXPECT_LE(y1 - y0, 16.001f);
  }
  EXPECT_NEAR(TrianglesArea(t), Area(quad), 0.01f * Area(quad));
  // A fan's two triangles would each box 1110×1080 (2.4 M px); the bands box a few times the
  // stripe's own 32 K px (each band's two triangles share the band's box, widened by the slant).
  EXPECT_LT(BoxesArea(t), 3.5f * Area(quad));
  EXPECT_LT(BoxesArea(t), 2 * 1110.f * 1080.f / 20);
}

TEST(SplitIntoBands, RoundedCardBoxesStayNearItsArea) {
  auto card = RoundedRect(100, 100, 800, 400, 24);
  auto t = SplitIntoBands(card, 16);
  EXPECT_NEAR(TrianglesArea(t), Area(card), 0.001f * Area(card));
  EXPECT_LT(BoxesArea(t), 2.2f * Area(card));
}

TEST(SplitIntoBands, DegenerateInputGivesNothing) {
  EXPECT_TRUE(SplitIntoBands({}, 16).empty());
  EXPECT_TRUE(SplitIntoBands({{0, 0}, {10, 10}}, 16).empty());
  EXPECT_TRUE(SplitIntoBands({{0, 5}, {10, 5}, {20, 5}}, 16).empty());
  EXPECT_TRUE(SplitIntoBands({{0, 0}, {10, 10}, {0, 10}}, 0).empty());
  EXPECT_TRUE(SplitIntoBands({{0, 0}, {NAN, 10}, {0, 10}}, 16).empty());
}

}  // namespace
}  // namespace machikado::render
