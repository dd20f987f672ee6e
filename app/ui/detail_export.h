// DetailExporter: draws an item's detail view headless into a target texture, as a visitor would
// see it right after tapping (scrolled to the top, in the given language), with the record of
// everything drawn — for `machikado render --detail` (NNN-<id>.detail.png + .detail.layout.json),
// tests and screenshots. Owns a DetailView; borrows the renderer and fonts. Render thread only.
#pragma once

#include <memory>

#include "core/log.h"
#include "core/status.h"
#include "feed/model.h"
#include "render/font_set.h"
#include "render/screen_layout.h"
#include "render/slide_renderer.h"
#include "ui/detail_view.h"

namespace machikado::ui {

class DetailExporter {
 public:
  // `dpi`: the display the picture is for (sizes the QR code and touch targets); 96 by default.
  static Result<std::unique_ptr<DetailExporter>> Create(SDL_Renderer* renderer,
                                                        render::FontSet& fonts, Log& log,
                                                        double dpi = 96);

  // Draws the detail of `item` at ctx.width × ctx.height in ctx.lang into `into` (its texture is
  // reused when the size matches); into.record describes it. `scroll_px` scrolls the text column.
  bool Prepare(const feed::Item& item, const render::SlideContext& ctx, render::SlideTexture& into,
               float scroll_px = 0);
  DetailView& view() { return *view_; }

 private:
  DetailExporter(SDL_Renderer* renderer, double dpi) : renderer_(renderer), dpi_(dpi) {}
  SDL_Renderer* renderer_;
  double dpi_;
  std::unique_ptr<DetailView> view_;
};

}  // namespace machikado::ui
