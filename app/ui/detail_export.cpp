#include "ui/detail_export.h"

#include <chrono>

#include "ui/chrome_labels.h"

namespace machikado::ui {

Result<std::unique_ptr<DetailExporter>> DetailExporter::Create(SDL_Renderer* renderer,
                                                               render::FontSet& fonts, Log& log,
                                                               double dpi) {
  auto view = DetailView::Create(renderer, fonts, log);
  if (!view.ok()) return view.status();
  std::unique_ptr<DetailExporter> e(new DetailExporter(renderer, dpi));
  e->view_ = std::move(view).value();
  return e;
}

bool DetailExporter::Prepare(const feed::Item& item, const render::SlideContext& ctx,
                             render::SlideTexture& into, float scroll_px) {
  const auto start = std::chrono::steady_clock::now();
  if (!into.texture || into.width != ctx.width || into.height != ctx.height) {
    into.texture.reset(SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888,
                                         SDL_TEXTUREACCESS_TARGET, ctx.width, ctx.height));
    if (!into.texture) return false;
    into.width = ctx.width;
    into.height = ctx.height;
  }
  into.item_id = item.id;
  const ChromeLayout chrome = ComputeChromeLayout(ctx.width, ctx.height, dpi_);
  UiState state;
  state.detail_open = true;
  state.detail_item_id = item.id;
  state.detail_languages = ItemLanguages(item);
  state.language = ctx.lang;
  state.browsing = true;
  state.scroll_y = scroll_px;
  DetailFrame frame;
  frame.item = &item;
  frame.state = &state;
  frame.chrome = &chrome;
  frame.ctx = &ctx;
  frame.dpi = dpi_;
  SDL_Texture* previous = SDL_GetRenderTarget(renderer_);
  if (SDL_SetRenderTarget(renderer_, into.texture.get()) != 0) return false;
  SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
  SDL_RenderClear(renderer_);
  // The first draw sizes the column; a requested scroll is applied on a second draw.
  into.record = view_->Draw(frame);
  if (scroll_px > 0) into.record = view_->Draw(frame);
  SDL_RenderFlush(renderer_);
  SDL_SetRenderTarget(renderer_, previous);
  into.prepare_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return true;
}

}  // namespace machikado::ui
