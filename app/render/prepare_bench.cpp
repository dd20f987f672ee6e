// Slide preparation per template (Google Benchmark; not run by ctest): the time
// SlideRenderer::Prepare takes for the densest item of each kind in the bundled demo feeds, at
// 1920×1080 (and, for the templates that fill a portrait screen, 1080×1920) on SDL's software
// renderer (the no-GPU case). "Warm" re-prepares with the renderer's caches filled, as when a slide
// comes round again or the next slide repeats labels; "FreshCaches" uses a new SlideRenderer each
// time (empty texture caches; open fonts and their glyph caches stay warm, as in a running kiosk).
// Results: docs/benchmarks.md ("The screen").
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "core/log.h"
#include "feed/parse.h"
#include "platform/build_paths.h"
#include "render/font_set.h"
#include "render/offscreen.h"
#include "render/slide_renderer.h"

namespace machikado::render {
namespace {

const std::string kDemo = std::string(MACHIKADO_SOURCE_DIR) + "/feeds/demo/";

struct Rig {
  MemoryLog log;
  std::unique_ptr<Offscreen> screen;
  std::unique_ptr<FontSet> fonts;
  std::vector<feed::Feed> feeds;
  static Rig& Get() {
    static Rig* rig = [] {
      auto* r = new Rig;
      if (auto s = Offscreen::Create(1920, 1080); s.ok()) r->screen = std::move(s.value());
      if (auto f = FontSet::Open({}, r->log); f.ok()) r->fonts = std::move(f.value());
      for (const char* name : {"news", "preparedness", "projects", "drill", "alerts"}) {
        std::ifstream in(kDemo + name + ".json", std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        auto p = feed::ParseFeed(ss.str(), {}, name);
        if (p.feed) r->feeds.push_back(*p.feed);
      }
      return r;
    }();
    return *rig;
  }
};

// The item of `kind` (and `exercise`: drill status) with the most text: the densest slide.
const feed::Item* Densest(feed::Kind kind, bool exercise) {
  const feed::Item* best = nullptr;
  size_t best_len = 0;
  for (const auto& f : Rig::Get().feeds)
    for (const auto& it : f.items) {
      if (it.kind != kind || (it.status != feed::ItemStatus::kActual) != exercise) continue;
      const std::string text = it.title.plain() + it.summary.plain() + it.body.plain();
      if (!best || text.size() > best_len) best = &it, best_len = text.size();
    }
  return best;
}

SlideContext Context() {
  SlideContext ctx;
  ctx.now = 1795410300;  // 2026-11-23T14:05:00+09:00
  ctx.center_name.variants.push_back(
      {"ja", "池尻まちづくりセンター", {{"池尻まちづくりセンター", ""}}});
  ctx.asset_dirs = {std::string(MACHIKADO_SOURCE_DIR) + "/assets"};
  ctx.resolve_image = [](const std::string& u) {
    return u.rfind("http", 0) == 0 ? std::string() : kDemo + u;
  };
  ctx.total = 40;
  ctx.confirmed_at = ctx.now - 900;
  return ctx;
}

void Prepare(benchmark::State& state, feed::Kind kind, bool exercise, bool fresh,
             bool portrait = false, SlideMode mode = SlideMode::kRotation) {
  Rig& rig = Rig::Get();
  const feed::Item* item = Densest(kind, exercise);
  if (!rig.screen || !rig.fonts || !item) {
    state.SkipWithError("no renderer, fonts or item");
    return;
  }
  SlideContext ctx = Context();
  if (portrait) ctx.width = 1080, ctx.height = 1920;
  auto renderer = std::make_unique<SlideRenderer>(rig.screen->renderer(), *rig.fonts, rig.log);
  SlideTexture tex;
  renderer->Prepare(*item, ctx, mode, tex);  // first time: fonts, glyphs, images
  for (auto _ : state) {
    if (fresh) {
      state.PauseTiming();
      renderer = std::make_unique<SlideRenderer>(rig.screen->renderer(), *rig.fonts, rig.log);
      state.ResumeTiming();
    }
    renderer->Prepare(*item, ctx, mode, tex);
  }
  state.SetLabel(item->id);
}

#define PREPARE_BENCH(name, kind, exercise)                         \
  void BM_Prepare##name##Warm(benchmark::State& s) {                \
    Prepare(s, kind, exercise, false);                              \
  }                                                                 \
  void BM_Prepare##name##FreshCaches(benchmark::State& s) {         \
    Prepare(s, kind, exercise, true);                               \
  }                                                                 \
  BENCHMARK(BM_Prepare##name##Warm)->Unit(benchmark::kMillisecond); \
  BENCHMARK(BM_Prepare##name##FreshCaches)->Unit(benchmark::kMillisecond);

PREPARE_BENCH(News, feed::Kind::kNews, false)
PREPARE_BENCH(Preparedness, feed::Kind::kPreparedness, false)
PREPARE_BENCH(Project, feed::Kind::kProject, false)
PREPARE_BENCH(Alert, feed::Kind::kAlert, false)
PREPARE_BENCH(AlertExercise, feed::Kind::kAlert, true)

// Portrait (1080×1920): the templates lay their main block out several times while choosing how
// much larger to draw it (issue 21), so these are the slowest preparations of a portrait screen.
#define PREPARE_PORTRAIT_BENCH(name, kind, exercise, mode)                  \
  void BM_PreparePortrait##name##Warm(benchmark::State& s) {                \
    Prepare(s, kind, exercise, false, true, mode);                          \
  }                                                                         \
  void BM_PreparePortrait##name##FreshCaches(benchmark::State& s) {         \
    Prepare(s, kind, exercise, true, true, mode);                           \
  }                                                                         \
  BENCHMARK(BM_PreparePortrait##name##Warm)->Unit(benchmark::kMillisecond); \
  BENCHMARK(BM_PreparePortrait##name##FreshCaches)->Unit(benchmark::kMillisecond);

PREPARE_PORTRAIT_BENCH(News, feed::Kind::kNews, false, SlideMode::kRotation)
PREPARE_PORTRAIT_BENCH(Preparedness, feed::Kind::kPreparedness, false, SlideMode::kRotation)
PREPARE_PORTRAIT_BENCH(AlertExercise, feed::Kind::kAlert, true, SlideMode::kRotation)
PREPARE_PORTRAIT_BENCH(Takeover, feed::Kind::kAlert, false, SlideMode::kTakeover)

}  // namespace
}  // namespace machikado::render
