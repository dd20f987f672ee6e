// Microbenchmarks of text fitting with the real fonts (Google Benchmark; not run by ctest): the
// same layouts as text/layout_bench.cpp, measured by TtfMeasurer over BIZ UDGothic (+ fallbacks)
// instead of the cheap EmMeasurer. "Cold" starts every iteration with an empty width cache — what
// the first preparation of a slide pays; "Warm" reuses the measurer, as later slides do.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include <SDL2/SDL_ttf.h>

#include "core/log.h"
#include "render/font_set.h"
#include "render/ttf_measurer.h"
#include "text/layout.h"

namespace machikado::render {
namespace {

const char* const kSentence =
    "11月23日（日）午前9時から、中央公民館で地域の防災訓練を行います。どなたでも参加できます。";

// About 400 characters of dense notice text (the summary of text/layout_bench.cpp).
std::string DenseSummary() {
  const std::string base =
      "地域の防災訓練を11月23日（日）午前9時から中央公民館で行います。地震が起きたときの身の守り方"
      "、"
      "消火器の使い方、避難所の開設手順を、消防署の職員と一緒に学びます。参加は無料で、申し込みは"
      "いりません。動きやすい服装でお越しください。小さなお子さん連れの方も歓迎します。";
  return base + base + base;
}

FontSet* Fonts() {
  static MemoryLog log;  // the FontSet keeps a reference
  static std::unique_ptr<FontSet> fonts = [] {
    if (!TTF_WasInit()) TTF_Init();
    auto f = FontSet::Open({}, log);
    return f.ok() ? std::move(f).value() : nullptr;
  }();
  return fonts.get();
}

text::BoxSpec SummaryBox() {  // the summary area of a 1920×1080 news slide
  text::BoxSpec box;
  box.width = 1100;
  box.height = 480;
  box.max_px = 48;
  box.min_px = 24;
  return box;
}

void BM_TtfBreakSentenceJaCold(benchmark::State& state) {
  if (!Fonts()) return state.SkipWithError("fonts not found (fonts-morisawa-bizud-gothic)");
  text::BoxSpec box;
  box.width = 900;
  box.height = 1000;
  box.max_px = box.min_px = 48;
  for (auto _ : state) {
    TtfMeasurer m(*Fonts(), FontStyle{});
    benchmark::DoNotOptimize(text::LayoutPlain(kSentence, box, m));
  }
}
BENCHMARK(BM_TtfBreakSentenceJaCold);

void BM_TtfFitDenseSummaryCold(benchmark::State& state) {
  if (!Fonts()) return state.SkipWithError("fonts not found (fonts-morisawa-bizud-gothic)");
  const std::string summary = DenseSummary();
  text::Layout layout;
  for (auto _ : state) {
    TtfMeasurer m(*Fonts(), FontStyle{});
    layout = text::LayoutPlain(summary, SummaryBox(), m);
    benchmark::DoNotOptimize(layout);
  }
  state.counters["px"] = layout.px;
  state.counters["lines"] = static_cast<double>(layout.lines.size());
}
BENCHMARK(BM_TtfFitDenseSummaryCold)->Unit(benchmark::kMicrosecond);

void BM_TtfFitDenseSummaryWarm(benchmark::State& state) {
  if (!Fonts()) return state.SkipWithError("fonts not found (fonts-morisawa-bizud-gothic)");
  const std::string summary = DenseSummary();
  TtfMeasurer m(*Fonts(), FontStyle{});
  for (auto _ : state) benchmark::DoNotOptimize(text::LayoutPlain(summary, SummaryBox(), m));
  state.counters["cached_widths"] = static_cast<double>(m.cached());
}
BENCHMARK(BM_TtfFitDenseSummaryWarm)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace machikado::render
