// Canvas: the drawing surface templates paint on. Draws filled (rounded) rectangles, circles,
// polygons, text laid out by text::LayoutText (with ruby), content images (PNG/JPEG/GIF/BMP, each
// through the image gate: render/image_decoder.h) and our own assets (SVG rasterised at the needed
// size), and records every filled box and text line into a LayoutRecord as it draws, so
// layout.json is exact. Borrows the SDL_Renderer, FontSet and caches from its owner
// (SlideRenderer); render thread only.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <SDL2/SDL.h>

#include "core/log.h"
#include "feed/model.h"
#include "render/color.h"
#include "render/font_set.h"
#include "render/image_decoder.h"
#include "render/layout_record.h"
#include "render/polygon_bands.h"
#include "render/texture_cache.h"
#include "render/ttf_measurer.h"
#include "text/layout.h"
#include "text/phrase_segmenter.h"

namespace machikado::render {

enum class Align { kLeft, kCenter, kRight };

struct TextStyle {
  std::string role;  // layout.json role: title, summary, body, header, footer, label, …
  std::string lang = "ja";
  Color color;
  bool bold = false;
};

// How text is fitted into a box (see text::BoxSpec).
struct Fit {
  float max_px = 40;
  float min_px = 24;
  float line_spacing = 1.45f;
  int max_lines = 0;
  Align align = Align::kLeft;
  bool valign_center = false;  // centre the block vertically in its box
  bool balance = false;        // lines of even length (headings; always on for the "title" role)
};

class Canvas {
 public:
  Canvas(SDL_Renderer* renderer, FontSet& fonts, TextureCache& text_cache,
         TextureCache& image_cache, Log& log);

  // Starts a new picture of w×h: clears to `background` and resets the record.
  void Begin(int w, int h, Color background);
  // Where Image() finds encoded bytes of images that are not files (remote images held in memory).
  void SetImageBytes(std::function<const std::string*(const std::string&)> source) {
    image_bytes_ = std::move(source);
  }
  const LayoutRecord& record() const { return record_; }
  // Image paths that failed to load are not tried again (a broken file would cost a load and a log
  // line every frame) — until this many have failed: then the memory of failures starts over, so
  // feeds that keep naming new image URLs cannot grow it without bound.
  static constexpr size_t kMaxFailedImages = 256;
  size_t failed_image_count() const { return failed_images_.size(); }
  LayoutRecord TakeRecord() { return std::move(record_); }
  int width() const { return record_.width; }
  int height() const { return record_.height; }

  // Filled shapes; those with a role are recorded as boxes (the role names what the box is).
  void FillRect(std::string_view role, RectF r, Color c);
  void FillRoundedRect(std::string_view role, RectF r, float radius, Color c);
  void FillCircle(std::string_view role, float cx, float cy, float radius, Color c);
  // Convex polygon (triangle fan from the first point); not recorded.
  void FillPolygon(const std::vector<PointF>& points, Color c);
  // A thick line segment (a quad); not recorded.
  void Line(PointF a, PointF b, float thickness, Color c);
  // Outline of a rectangle `thickness` thick, inside r; not recorded (never behind text).
  void StrokeRect(RectF r, float thickness, Color c);

  // Lays out `segments` in `box` and draws it; returns the layout (its height says what was used).
  text::Layout Text(const std::vector<feed::RubySegment>& segments, RectF box, const Fit& fit,
                    const TextStyle& style);
  text::Layout Text(std::string_view plain, RectF box, const Fit& fit, const TextStyle& style);
  // A localized text in `lang` (with the feed's fallback); draws nothing when empty. The recorded
  // lang is the variant actually shown.
  text::Layout Text(const feed::Text& t, std::string_view lang, RectF box, const Fit& fit,
                    TextStyle style);
  // Lays out without drawing (to measure how much room a block needs).
  text::Layout Measure(const std::vector<feed::RubySegment>& segments, RectF box, const Fit& fit,
                       const TextStyle& style);
  // Width of a single line of text at px.
  float TextWidth(std::string_view s, float px, const TextStyle& style);

  // Draws a content image fitted inside r (aspect kept, centred): the bytes SetImageBytes gives
  // for `path`, else the local file `path`, checked by the image gate before decoding (a refused
  // or broken image is drawn as nothing). Returns the rect drawn, or an empty rect when the image
  // was refused or cannot be loaded (logged once per path; failed_images() says why).
  RectF Image(const std::string& path, RectF r, std::string_view role);
  // Draws one of our own bundled assets (the data dir's SVG pictograms, PNGs) the same way; SVG is
  // rasterised at the size drawn. Never for content from feeds: SVG is not a content format.
  RectF Asset(const std::string& path, RectF r, std::string_view role);
  // Why each image path that failed was refused or could not be loaded (bounded, see above).
  const std::map<std::string, std::string>& failed_images() const { return failed_images_; }
  void set_image_limits(const media::ImageLimits& limits) { image_limits_ = limits; }
  // Draws a texture rotated by `degrees` around its centre placed at (cx, cy); for the exercise
  // mark.
  void RotatedText(std::string_view s, float cx, float cy, float px, float degrees,
                   const TextStyle& style, uint8_t alpha);

  // Restricts drawing to r (nullptr-like empty rect w<=0 removes the clip).
  void SetClip(RectF r);

  FontSet& fonts() { return fonts_; }
  TextureCache& text_cache() { return text_cache_; }

 private:
  TtfMeasurer& MeasurerFor(const TextStyle& style);
  FontStyle FontStyleFor(const TextStyle& style) const;
  // Draws one line of text with its top-left of the em box at (x, y); returns its width.
  float DrawRun(std::string_view s, float x, float y, int px, const FontStyle& fs, Color c);
  const CachedTexture* RunTexture(const FontRun& run, int px, Color c);
  void RotatedQuad(SDL_Texture* texture, int w, int h, float cx, float cy, double rad,
                   uint8_t alpha);
  void DrawLayout(const text::Layout& layout, RectF box, const Fit& fit, const TextStyle& style);
  void SetColor(Color c);
  void RememberFailure(const std::string& path, const std::string& why);
  // `s` scaled down (aspect kept) to fit max_w×max_h, or `s` itself when it fits; nullptr on error.
  static SurfacePtr FitWithin(SurfacePtr s, int max_w, int max_h);
  const CachedTexture* Upload(const std::string& key, SDL_Surface* s);
  // Draws `t` centred in `r`, scaled to fit but by at most `max_scale`.
  RectF DrawFitted(const CachedTexture& t, RectF r, std::string_view role, float max_scale);

  SDL_Renderer* renderer_;
  FontSet& fonts_;
  TextureCache& text_cache_;
  TextureCache& image_cache_;
  Log& log_;
  LayoutRecord record_;
  Color background_;
  std::map<FontStyle, std::unique_ptr<TtfMeasurer>> measurers_;
  text::PhraseSegmenter phrases_;  // Japanese phrase / Korean word boundaries for every layout
  std::map<std::string, std::string> failed_images_;
  media::ImageLimits image_limits_;
  std::function<const std::string*(const std::string&)> image_bytes_;
};

}  // namespace machikado::render
