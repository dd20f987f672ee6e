#include "ui/detail_view.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <functional>

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include "feed/shelter_refs.h"
#include "render/chrome.h"
#include "render/theme.h"
#include "ui/chrome_draw.h"
#include "ui/chrome_labels.h"

namespace machikado::ui {

namespace theme = render::theme;
using render::Color;
using render::Rgb;

namespace {

ImU32 Im(Color c) {
  return IM_COL32(c.r, c.g, c.b, c.a);
}

void DestroyTexture(SDL_Texture*& t) {
  if (t) SDL_DestroyTexture(t);
  t = nullptr;
}

std::string ContentKey(const feed::Item& item, const render::SlideContext& ctx,
                       const ChromeLayout& l) {
  // Everything the content depends on; a changed item under the same id redraws.
  std::string k = item.feed_id + "\x1f" + item.id + "\x1f" + ctx.lang + "\x1f" +
                  std::to_string(l.width) + "x" + std::to_string(l.height) + "\x1f" + item.url +
                  "\x1f" + std::to_string(ctx.confirmed_at.value_or(0));
  size_t h = 0;
  auto mix = [&](const feed::Text& t) {
    for (const auto& v : t.variants) h = h * 31 + std::hash<std::string>{}(v.raw);
  };
  mix(item.title);
  mix(item.summary);
  mix(item.body);
  for (const auto& s : item.alert.shelters) {
    mix(s.name);
    mix(s.address);  // from the register when listed by reference
    h = h * 31 + size_t(s.status);
    for (feed::Hazard hz : s.hazards) h = h * 31 + size_t(hz);
    h = h * 31 + std::hash<std::string>{}(feed::GeoUri(s));
  }
  if (item.news.event) mix(item.news.event->contact);
  for (const auto& a : item.preparedness.actions) mix(a);
  mix(item.alert.instructions);
  h = h * 31 + size_t(item.status) + (item.image ? std::hash<std::string>{}(item.image->url) : 0);
  return k + "\x1f" + std::to_string(h);
}

}  // namespace

Result<std::unique_ptr<DetailView>> DetailView::Create(SDL_Renderer* renderer,
                                                       render::FontSet& fonts, Log& log) {
  if (!renderer) return Status::Invalid("DetailView needs a renderer");
  std::unique_ptr<DetailView> v(new DetailView(renderer, fonts, log));
  ImGuiContext* previous = ImGui::GetCurrentContext();
  v->imgui_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(v->imgui_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk writes no imgui.ini into its working directory
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  const bool ok = ImGui_ImplSDLRenderer_Init(renderer);
  v->atlas_ = std::make_unique<GlyphAtlas>(fonts, log);
  ImGui::SetCurrentContext(previous);
  if (!ok)
    return Status::Error(StatusCode::kInternal, "ImGui SDL_Renderer backend failed to start");
  return v;
}

DetailView::DetailView(SDL_Renderer* renderer, render::FontSet& fonts, Log& log)
    : renderer_(renderer),
      fonts_(fonts),
      log_(log),
      canvas_(renderer, fonts, text_cache_, image_cache_, log) {}

DetailView::~DetailView() {
  ReleaseContent();
  if (imgui_) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(imgui_);
    atlas_->Release();
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext(imgui_);
    ImGui::SetCurrentContext(previous == imgui_ ? nullptr : previous);
  }
}

void DetailView::ReleaseContent() {
  DestroyTexture(base_);
  DestroyTexture(column_);
  content_key_.clear();
  scroll_max_ = 0;
}

void DetailView::Trim() {
  ReleaseContent();
  text_cache_.Clear();
  image_cache_.Clear();
}

DetailViewStats DetailView::stats() const {
  DetailViewStats s;
  s.atlas = atlas_->stats();
  s.content_builds = content_builds_;
  s.content_textures = (base_ ? 1 : 0) + (column_ ? 1 : 0);
  if (base_) s.content_bytes += size_t(base_record_.width) * base_record_.height * 4;
  if (column_) s.content_bytes += size_t(column_w_) * column_h_ * 4;
  s.text_cache = text_cache_.stats();
  s.image_cache = image_cache_.stats();
  return s;
}

bool DetailView::EnsureContent(const DetailFrame& f, const render::SlideContext& ctx,
                               const DetailGeometry& g) {
  const std::string key = ContentKey(*f.item, ctx, *f.chrome);
  if (key == content_key_ && base_ && column_) return true;
  ReleaseContent();
  // Remote images are bytes in the kiosk's snapshot, not files: the canvas must be able to find
  // them.
  canvas_.SetImageBytes(ctx.image_bytes);
  const ChromeLayout& l = *f.chrome;
  SDL_Texture* previous = SDL_GetRenderTarget(renderer_);
  // The column's height is known only after laying it out: measure on a scratch target first
  // (the text textures it makes are cached for the real pass), then draw at the exact size.
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(renderer_, &info);
  const int max_tex = info.max_texture_height > 0 ? info.max_texture_height : 16384;
  const float max_h = float(std::min(max_tex, std::max(l.height * 6, int(g.column.h))));
  const int cw = std::max(1, int(g.column.w));
  SDL_Texture* scratch =
      SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, 8, 8);
  if (!scratch) return false;
  SDL_SetRenderTarget(renderer_, scratch);
  canvas_.Begin(cw, int(max_h), theme::kPage);
  const float used = DrawDetailColumn(canvas_, *f.item, ctx, float(cw), max_h, g.unit);
  canvas_.TakeRecord();
  SDL_DestroyTexture(scratch);

  column_h_ = std::max(int(std::ceil(used)), int(g.column.h));
  column_w_ = cw;
  column_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                              column_w_, column_h_);
  base_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, l.width,
                            l.height);
  if (!column_ || !base_) {
    log_.error(std::string("cannot create detail textures: ") + SDL_GetError());
    SDL_SetRenderTarget(renderer_, previous);
    ReleaseContent();
    return false;
  }
  SDL_SetRenderTarget(renderer_, column_);
  canvas_.Begin(column_w_, column_h_, theme::kPage);
  DrawDetailColumn(canvas_, *f.item, ctx, float(cw), max_h, g.unit);
  column_record_ = canvas_.TakeRecord();

  SDL_SetRenderTarget(renderer_, base_);
  canvas_.Begin(l.width, l.height, theme::kPage);
  // Exercise and test items: the striped frame and watermark under the side panel; the column
  // carries its own 訓練 / EXERCISE chip at the top, so nothing covers the text being read.
  if (f.item->status != feed::ItemStatus::kActual)
    render::DrawExerciseMark(canvas_, l.content, g.unit, f.item->status == feed::ItemStatus::kTest);
  DrawDetailSide(canvas_, *f.item, ctx, g.side, g.unit, f.dpi);
  base_record_ = canvas_.TakeRecord();
  // What the column covers is not on screen: keep the record honest.
  std::erase_if(base_record_.texts, [&](const render::RecordedText& t) {
    return g.column.ContainsPoint(t.rect.x + t.rect.w / 2, t.rect.y + t.rect.h / 2);
  });
  SDL_RenderFlush(renderer_);
  SDL_SetRenderTarget(renderer_, previous);

  scroll_max_ = float(std::max(0, column_h_ - int(g.column.h)));
  content_key_ = key;
  ++content_builds_;
  return true;
}

void DetailView::BeginImGui(const DetailFrame& f, const std::vector<std::string>& texts) {
  ImGui::SetCurrentContext(imgui_);
  const Status s = atlas_->Ensure(texts, f.chrome->label_px);
  if (!s.ok()) log_.warn("touch chrome font: " + s.message());
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(float(f.chrome->width), float(f.chrome->height));
  io.DeltaTime = std::max(1e-3f, f.dt_s);
  io.MousePos = f.pointer.down ? ImVec2(f.pointer.x, f.pointer.y) : ImVec2(-FLT_MAX, -FLT_MAX);
  io.MouseDown[0] = f.pointer.down;
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui::NewFrame();
  // No padding or border: the window is the screen, and its clip rect must be the whole screen.
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("machikado-touch", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground |
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBringToFrontOnFocus);
}

void DetailView::EndImGui() {
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::Render();
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

render::LayoutRecord DetailView::Draw(const DetailFrame& f) {
  render::LayoutRecord rec;
  const ChromeLayout& l = *f.chrome;
  rec.width = l.width;
  rec.height = l.height;
  const UiState& st = *f.state;
  if (!st.detail_open || !f.item) {
    if (base_ || column_) ReleaseContent();
    if (!st.browsing) return rec;
    std::vector<std::string> texts;
    for (Tab t : kTabs) texts.push_back(TabLabel(t, st.language));
    texts.push_back(ChromeText(ChromeLabel::kPrevious, st.language));
    texts.push_back(ChromeText(ChromeLabel::kNext, st.language));
    ImGuiContext* previous = ImGui::GetCurrentContext();
    BeginImGui(f, texts);
    DrawBrowseBar(f, rec);
    EndImGui();
    ImGui::SetCurrentContext(previous);
    return rec;
  }

  render::SlideContext ctx = *f.ctx;
  ctx.lang = EffectiveLanguage(ItemLanguages(*f.item), st.language);
  ctx.width = l.width;
  ctx.height = l.height;
  const DetailGeometry g = ComputeDetailGeometry(l);
  if (!EnsureContent(f, ctx, g)) return rec;
  const float scroll = std::clamp(st.scroll_y, 0.0f, scroll_max_);

  // Base (side panel, QR) and the visible part of the column, pixel for pixel.
  SDL_RenderCopy(renderer_, base_, nullptr, nullptr);
  const int sy = int(std::lround(scroll));
  const int vis_h = std::min(int(g.column.h), column_h_ - sy);
  SDL_Rect src{0, sy, column_w_, vis_h};
  SDL_Rect dst{int(g.column.x), int(g.column.y), column_w_, vis_h};
  SDL_RenderCopy(renderer_, column_, &src, &dst);
  rec = base_record_;
  for (const auto& t : column_record_.texts) {
    RectF r{t.rect.x + g.column.x, t.rect.y + g.column.y - scroll, t.rect.w, t.rect.h};
    if (r.y < g.column.y - 0.5f || r.bottom() > g.column.bottom() + 0.5f)
      continue;  // scrolled out of view
    auto copy = t;
    copy.rect = r;
    copy.box = g.column;
    rec.texts.push_back(copy);
  }
  for (const auto& b : column_record_.boxes) {
    if (b.role == "background") continue;
    RectF r{b.rect.x + g.column.x, b.rect.y + g.column.y - scroll, b.rect.w, b.rect.h};
    if (r.bottom() < g.column.y || r.y > g.column.bottom()) continue;
    rec.boxes.push_back({b.role, r, b.color});
  }
  std::vector<std::string> texts;
  for (Tab t : kTabs) texts.push_back(TabLabel(t, st.language));
  texts.push_back(ChromeText(ChromeLabel::kClose, st.language));
  texts.push_back(ChromeText(ChromeLabel::kLanguage, st.language) + " · Language");
  texts.push_back(ChromeText(ChromeLabel::kScrollMore, st.language));
  for (const auto& lang : st.detail_languages) texts.push_back(LanguageName(lang));
  ImGuiContext* previous = ImGui::GetCurrentContext();
  BeginImGui(f, texts);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (scroll_max_ > 0) {
    // Scroll position: a wide, plain bar beside the column (touch scrolls by dragging the text).
    const float u = g.unit, bw = 12 * u;
    const RectF track{g.column.right() + 20 * u, g.column.y + 16 * u, bw, g.column.h - 32 * u};
    const float thumb_h = std::max(60 * u, track.h * g.column.h / float(column_h_));
    const float thumb_y = track.y + (track.h - thumb_h) * (scroll / scroll_max_);
    dl->AddRectFilled(ImVec2(track.x, track.y), ImVec2(track.right(), track.bottom()),
                      Im(theme::kRule), bw / 2);
    dl->AddRectFilled(ImVec2(track.x, thumb_y), ImVec2(track.right(), thumb_y + thumb_h),
                      Im(theme::kInkMuted), bw / 2);
    rec.boxes.push_back({"scrollbar", track, theme::kRule});
    if (scroll < scroll_max_ - 1) {
      const std::string more = ChromeText(ChromeLabel::kScrollMore, st.language);
      ImFont* font = ImGui::GetFont();
      const float px = font->FontSize * 0.7f;
      const ImVec2 ts = font->CalcTextSizeA(px, FLT_MAX, 0, more.c_str());
      const RectF chip{g.hint.x + (g.hint.w - ts.x) / 2 - 28 * u,
                       g.hint.y + (g.hint.h - px - 28 * u) / 2, ts.x + 56 * u, px + 28 * u};
      dl->AddRectFilled(ImVec2(chip.x, chip.y), ImVec2(chip.right(), chip.bottom()),
                        Im(theme::kHeader), chip.h / 2);
      dl->AddText(font, px, ImVec2(chip.x + 28 * u, chip.y + 14 * u), IM_COL32_WHITE, more.c_str());
      rec.boxes.push_back({"scroll-hint", chip, theme::kHeader});
      rec.texts.push_back({more,
                           "hint",
                           st.language,
                           {chip.x + 28 * u, chip.y + 14 * u, ts.x, px},
                           px,
                           Rgb(0xFFFFFF),
                           theme::kHeader,
                           chip});
    }
  }
  DrawDetailChrome(f, rec);
  EndImGui();
  ImGui::SetCurrentContext(previous);
  return rec;
}

}  // namespace machikado::ui
