#include "render/slide_renderer.h"

#include <chrono>

#include "feed/shelter_slide.h"
#include "render/chrome.h"
#include "render/labels.h"
#include "render/template_shelters.h"
#include "render/templates.h"
#include "render/theme.h"

namespace machikado::render {

SlideRenderer::SlideRenderer(SDL_Renderer* renderer, FontSet& fonts, Log& log)
    : renderer_(renderer),
      fonts_(fonts),
      log_(log),
      canvas_(renderer, fonts, text_cache_, image_cache_, log) {}

LayoutRecord SlideRenderer::Draw(const feed::Item& item, const SlideContext& ctx, SlideMode mode) {
  canvas_.Begin(ctx.width, ctx.height, theme::kPage);
  canvas_.SetImageBytes(ctx.image_bytes);
  const bool marked = item.status != feed::ItemStatus::kActual;
  const RectF screen{0, 0, float(ctx.width), float(ctx.height)};
  const float unit = std::min(ctx.width, ctx.height) / 1080.0f;
  if (mode == SlideMode::kTakeover) {
    DrawTakeover(canvas_, item, ctx);
  } else {
    const ScreenLayout s =
        ComputeScreenLayout(ctx.width, ctx.height, !ctx.banner_alerts.empty(), marked);
    DrawHeader(canvas_, s, ctx);
    DrawExerciseStrip(canvas_, s.exercise, unit, item.status == feed::ItemStatus::kTest, ctx.lang);
    DrawAlertBanner(canvas_, s, ctx);
    switch (item.kind) {
      case feed::Kind::kNews:
      case feed::Kind::kVideo:  // the title, summary and image around (or instead of) the video
        DrawNewsSlide(canvas_, item, ctx, s);
        break;
      case feed::Kind::kPreparedness:
        if (feed::IsShelterSlide(item))
          DrawShelterSlide(canvas_, item, ctx, s);
        else
          DrawPreparednessSlide(canvas_, item, ctx, s);
        break;
      case feed::Kind::kAlert:
        DrawAlertSlide(canvas_, item, ctx, s);
        break;
      case feed::Kind::kProject:
        DrawProjectSlide(canvas_, item, ctx, s);
        break;
    }
    DrawFooter(canvas_, s, ctx, item.kind);
  }
  // Last, over everything: an exercise (or previewed test) can never pass for the real thing.
  if (marked) DrawExerciseMark(canvas_, screen, unit, item.status == feed::ItemStatus::kTest);
  return canvas_.TakeRecord();
}

LayoutRecord SlideRenderer::DrawIdle(const SlideContext& ctx) {
  if (ctx.not_configured) return DrawNotConfigured(ctx);
  canvas_.Begin(ctx.width, ctx.height, theme::kPage);
  canvas_.SetImageBytes(ctx.image_bytes);
  const ScreenLayout s = ComputeScreenLayout(ctx.width, ctx.height, !ctx.banner_alerts.empty());
  DrawHeader(canvas_, s, ctx);
  DrawAlertBanner(canvas_, s, ctx);
  Fit f = Lines(56 * s.unit, 32 * s.unit, 2, 1.3f);
  f.align = Align::kCenter;
  f.valign_center = true;
  canvas_.Text(IsJapanese(ctx.lang) ? "現在お知らせはありません" : "No notices at the moment",
               s.content, f, StyleOf("title", ctx.lang, theme::kInkMuted, true));
  canvas_.FillRect("footer", s.footer, theme::kHeader);
  return canvas_.TakeRecord();
}

LayoutRecord SlideRenderer::DrawLastResort(const SlideContext& ctx) {
  canvas_.Begin(ctx.width, ctx.height, theme::kPage);
  canvas_.SetImageBytes({});
  const ScreenLayout s = ComputeScreenLayout(ctx.width, ctx.height, false);
  DrawHeader(canvas_, s, ctx);
  Fit f = Lines(64 * s.unit, 32 * s.unit, 2, 1.3f);
  f.align = Align::kCenter;
  f.valign_center = true;
  canvas_.Text(IsJapanese(ctx.lang) ? "ただいま準備中です" : "Getting ready — please wait",
               s.content, f, StyleOf("title", ctx.lang, theme::kInk, true));
  canvas_.FillRect("footer", s.footer, theme::kHeader);
  return canvas_.TakeRecord();
}

bool SlideRenderer::EnsureTarget(const SlideContext& ctx, SlideTexture& into) {
  if (into.texture && into.width == ctx.width && into.height == ctx.height) return true;
  // Slides are opaque: no alpha channel. SDL's software blitter then crossfades them on its
  // SIMD constant-alpha path — 1.9 ms instead of 9.2 ms per 1920×1080 frame (measured with SDL
  // 2.26 on this project's 2-core machine) — and shows them with a plain row copy.
  into.texture.reset(SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET,
                                       ctx.width, ctx.height));
  if (!into.texture) {
    log_.error(std::string("cannot create slide texture: ") + SDL_GetError());
    return false;
  }
  into.width = ctx.width;
  into.height = ctx.height;
  SDL_SetTextureBlendMode(into.texture.get(), SDL_BLENDMODE_BLEND);
  return true;
}

namespace {
template <typename F>
bool DrawInto(SDL_Renderer* r, SlideTexture& into, F&& draw) {
  const auto start = std::chrono::steady_clock::now();
  SDL_Texture* previous = SDL_GetRenderTarget(r);
  if (SDL_SetRenderTarget(r, into.texture.get()) != 0) return false;
  into.record = draw();
  SDL_RenderFlush(r);
  SDL_SetRenderTarget(r, previous);
  into.prepare_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return true;
}
}  // namespace

bool SlideRenderer::Prepare(const feed::Item& item, const SlideContext& ctx, SlideMode mode,
                            SlideTexture& into) {
  if (!EnsureTarget(ctx, into)) return false;
  into.item_id = item.id;
  return DrawInto(renderer_, into, [&] { return Draw(item, ctx, mode); });
}

bool SlideRenderer::PrepareIdle(const SlideContext& ctx, SlideTexture& into) {
  if (!EnsureTarget(ctx, into)) return false;
  into.item_id.clear();
  return DrawInto(renderer_, into, [&] { return DrawIdle(ctx); });
}

}  // namespace machikado::render
