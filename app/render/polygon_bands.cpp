#include "render/polygon_bands.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace machikado::render {
namespace {

struct Span {
  float left = std::numeric_limits<float>::max();
  float right = std::numeric_limits<float>::lowest();
};

// The polygon's cross-section at height y (convex: one interval).
Span SpanAt(const std::vector<PointF>& p, float y) {
  Span s;
  for (size_t i = 0; i < p.size(); ++i) {
    const PointF a = p[i], b = p[(i + 1) % p.size()];
    const float lo = std::min(a.y, b.y), hi = std::max(a.y, b.y);
    if (y < lo || y > hi) continue;
    if (a.y == b.y) {
      s.left = std::min({s.left, a.x, b.x});
      s.right = std::max({s.right, a.x, b.x});
      continue;
    }
    const float x = a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y);
    s.left = std::min(s.left, x);
    s.right = std::max(s.right, x);
  }
  return s;
}

}  // namespace

std::vector<PointF> SplitIntoBands(const std::vector<PointF>& points, float max_band_h) {
  std::vector<PointF> out;
  if (points.size() < 3 || !(max_band_h > 0)) return out;
  float y_min = std::numeric_limits<float>::max(), y_max = std::numeric_limits<float>::lowest();
  for (const PointF& p : points) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return out;
    y_min = std::min(y_min, p.y);
    y_max = std::max(y_max, p.y);
  }
  // Band edges lie on whole pixel rows: a pixel centre (k + 0.5) is then never on a seam, so two
  // bands can neither both skip a row nor both draw it (SDL's software rasteriser truncates
  // vertices, and fractional seams left one-pixel lines through filled cards). A vertex inside a
  // band moves the outline by at most half a pixel.
  std::vector<float> ys;
  ys.reserve(points.size());
  for (const PointF& p : points) ys.push_back(std::round(p.y));
  std::sort(ys.begin(), ys.end());
  ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
  if (ys.size() < 2) return out;
  const float step = std::max(1.0f, std::floor(max_band_h));
  const auto span = [&](float y) { return SpanAt(points, std::clamp(y, y_min, y_max)); };
  for (size_t i = 0; i + 1 < ys.size(); ++i) {
    const float y0 = ys[i], y1 = ys[i + 1];
    // At most 4096 bands per vertex gap: a runaway coordinate costs bounded work.
    const float stride = std::max(step, std::ceil((y1 - y0) / 4096));
    float top = y0;
    Span a = span(top);
    while (top < y1) {
      const float bottom = std::min(y1, top + stride);
      const Span b = span(bottom);
      if (a.left <= a.right && b.left <= b.right) {
        // Trapezoid top-left, top-right, bottom-right, bottom-left as two triangles; a zero-width
        // end makes one of them flat, which renderers skip.
        out.insert(out.end(), {{a.left, top}, {a.right, top}, {b.right, bottom}});
        out.insert(out.end(), {{a.left, top}, {b.right, bottom}, {b.left, bottom}});
      }
      top = bottom;
      a = b;
    }
  }
  return out;
}

}  // namespace machikado::render
