// SplitIntoBands: a convex polygon as triangles whose bounding boxes hug the shape.
//
// SDL's software renderer fills a triangle by testing every pixel of its bounding box, and with a
// blend mode it first allocates a scratch surface of that box (SDL_triangle.c). A fan from one
// vertex — the obvious triangulation — gives long thin triangles whose boxes cover the shape many
// times over (a rounded card: ~40 boxes each a quarter of the card). Cutting the polygon into
// horizontal bands, each band a trapezoid of two triangles, keeps every box within its band, and a
// band is never taller than `max_band_h`, so slanted edges waste at most a thin sliver. Pure
// geometry (no SDL), shared by every renderer: on a GPU the extra triangles cost nothing.
#pragma once

#include <vector>

namespace machikado::render {

struct PointF {
  float x = 0, y = 0;
};

// Triangles (three points each, in order) covering the convex polygon `points` exactly: the bands
// meet on shared edges, so no pixel is drawn twice and none is missed. Degenerate input (fewer
// than three points, no height) gives nothing.
std::vector<PointF> SplitIntoBands(const std::vector<PointF>& points, float max_band_h);

}  // namespace machikado::render
