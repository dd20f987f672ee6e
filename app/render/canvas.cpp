// Canvas (canvas.h), its frame and shapes: construction, Begin, filled rectangles (rounded),
// circles and polygons, thick lines, outlines and the clip. Text is in canvas_text.cpp, images in
// canvas_image.cpp. Render thread only.
#include "render/canvas.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

#include <SDL2/SDL_image.h>

namespace machikado::render {

Canvas::Canvas(SDL_Renderer* renderer, FontSet& fonts, TextureCache& text_cache,
               TextureCache& image_cache, Log& log)
    : renderer_(renderer),
      fonts_(fonts),
      text_cache_(text_cache),
      image_cache_(image_cache),
      log_(log) {}

void Canvas::SetColor(Color c) {
  SDL_SetRenderDrawBlendMode(renderer_, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(renderer_, c.r, c.g, c.b, c.a);
}

void Canvas::Begin(int w, int h, Color background) {
  record_ = LayoutRecord{};
  record_.width = w;
  record_.height = h;
  background_ = background;
  SetColor(background);
  SDL_RenderClear(renderer_);
  record_.boxes.push_back({"background", {0, 0, float(w), float(h)}, background});
}

void Canvas::FillRect(std::string_view role, RectF r, Color c) {
  if (r.w <= 0 || r.h <= 0) return;
  SetColor(c);
  // Snap to whole pixels the same way the record does, so the record matches the picture.
  SDL_Rect px{int(std::lround(r.x)), int(std::lround(r.y)),
              int(std::lround(r.x + r.w)) - int(std::lround(r.x)),
              int(std::lround(r.y + r.h)) - int(std::lround(r.y))};
  SDL_RenderFillRect(renderer_, &px);
  if (!role.empty()) {
    Color drawn =
        c.a == 255 ? c : Over(c, record_.ColorAt(r.x + r.w / 2, r.y + r.h / 2, background_));
    record_.boxes.push_back({std::string(role), r, drawn});
  }
}

void Canvas::FillPolygon(const std::vector<PointF>& points, Color c) {
  // Horizontal bands of at most 16 px keep each triangle's box tight (see polygon_bands.h), and an
  // opaque colour is written without blending: SDL's software renderer then needs no scratch
  // surface per triangle.
  const std::vector<PointF> tris = SplitIntoBands(points, 16);
  if (tris.empty()) return;
  std::vector<SDL_Vertex> v;
  v.reserve(tris.size());
  const SDL_Color col{c.r, c.g, c.b, c.a};
  for (const auto& p : tris) v.push_back({{p.x, p.y}, col, {0, 0}});
  SDL_SetRenderDrawBlendMode(renderer_, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_RenderGeometry(renderer_, nullptr, v.data(), static_cast<int>(v.size()), nullptr, 0);
}

void Canvas::FillRoundedRect(std::string_view role, RectF r, float radius, Color c) {
  if (r.w <= 0 || r.h <= 0) return;
  radius = std::min({radius, r.w / 2, r.h / 2});
  if (radius < 1) return FillRect(role, r, c);
  std::vector<PointF> pts;
  const int seg = 10;
  const float cx[4] = {r.right() - radius, r.x + radius, r.x + radius, r.right() - radius};
  const float cy[4] = {r.y + radius, r.y + radius, r.bottom() - radius, r.bottom() - radius};
  for (int corner = 0; corner < 4; ++corner)
    for (int i = 0; i <= seg; ++i) {
      double a = (corner * 90.0 + i * 90.0 / seg) * M_PI / 180.0;
      pts.push_back(
          {cx[corner] + radius * float(std::cos(a)), cy[corner] - radius * float(std::sin(a))});
    }
  FillPolygon(pts, c);
  if (!role.empty()) {
    Color drawn =
        c.a == 255 ? c : Over(c, record_.ColorAt(r.x + r.w / 2, r.y + r.h / 2, background_));
    record_.boxes.push_back({std::string(role), r, drawn});
  }
}

void Canvas::FillCircle(std::string_view role, float cx, float cy, float radius, Color c) {
  std::vector<PointF> pts;
  const int seg = std::max(24, int(radius));
  for (int i = 0; i < seg; ++i) {
    double a = 2 * M_PI * i / seg;
    pts.push_back({cx + radius * float(std::cos(a)), cy + radius * float(std::sin(a))});
  }
  FillPolygon(pts, c);
  // Recorded as the square inscribed in the circle: text centred in it sits on this colour.
  if (!role.empty()) {
    float half = radius * 0.7071f;
    record_.boxes.push_back({std::string(role), {cx - half, cy - half, 2 * half, 2 * half}, c});
  }
}

void Canvas::Line(PointF a, PointF b, float thickness, Color c) {
  float dx = b.x - a.x, dy = b.y - a.y;
  float len = std::sqrt(dx * dx + dy * dy);
  if (len <= 0) return;
  float nx = -dy / len * thickness / 2, ny = dx / len * thickness / 2;
  FillPolygon(
      {{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}}, c);
}

void Canvas::SetClip(RectF r) {
  if (r.w <= 0 || r.h <= 0) {
    SDL_RenderSetClipRect(renderer_, nullptr);
    return;
  }
  SDL_Rect clip{int(std::lround(r.x)), int(std::lround(r.y)), int(std::lround(r.w)),
                int(std::lround(r.h))};
  SDL_RenderSetClipRect(renderer_, &clip);
}

void Canvas::StrokeRect(RectF r, float t, Color c) {
  FillRect("", {r.x, r.y, r.w, t}, c);
  FillRect("", {r.x, r.bottom() - t, r.w, t}, c);
  FillRect("", {r.x, r.y + t, t, r.h - 2 * t}, c);
  FillRect("", {r.right() - t, r.y + t, t, r.h - 2 * t}, c);
}

}  // namespace machikado::render
