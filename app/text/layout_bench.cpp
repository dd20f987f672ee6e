// Microbenchmarks of text layout (Google Benchmark; not run by ctest): line breaking of a typical
// sentence, and fitting a dense 400-character summary into a box that needs shrinking.
// Widths come from the deterministic EmMeasurer, so the figures are the layout's own cost plus a
// cheap measurer; a font measurer adds its own per-call cost.
#include <benchmark/benchmark.h>

#include <string>

#include "text/fake_measurer.h"
#include "text/layout.h"
#include "text/phrase_segmenter.h"
#include "text/utf8.h"

namespace machikado::text {
namespace {

const char* const kSentence =
    "11月23日（日）午前9時から、中央公民館で地域の防災訓練を行います。どなたでも参加できます。";

const char* const kEnglishSentence =
    "A disaster drill takes place at the Central Community Center on Sunday, 23 November, from 9 "
    "am.";

// 400 characters of dense Japanese notice text.
std::string DenseSummary() {
  const std::string base =
      "地域の防災訓練を11月23日（日）午前9時から中央公民館で行います。地震が起きたときの身の守り方"
      "、"
      "消火器の使い方、避難所の開設手順を、消防署の職員と一緒に学びます。参加は無料で、申し込みは"
      "いりません。動きやすい服装でお越しください。小さなお子さん連れの方も歓迎します。当日は非常食"
      "の"
      "試食もあります。雨天の場合は体育館で行います。「まちかど防災」アプリでも最新の情報をお知らせ"
      "します。";
  std::string out;
  size_t pos = 0;
  for (int chars = 0; chars < 400; ++chars) {
    size_t len = 0;
    DecodeUtf8(base, pos, &len);
    out.append(base, pos, len);
    pos = (pos + len) % base.size();
  }
  return out;
}

void BM_BreakSentenceJa(benchmark::State& state) {
  EmMeasurer m;
  BoxSpec box;
  box.width = 900;
  box.height = 1000;
  box.max_px = box.min_px = 48;
  for (auto _ : state) benchmark::DoNotOptimize(LayoutPlain(kSentence, box, m));
}
BENCHMARK(BM_BreakSentenceJa);

void BM_BreakSentenceEn(benchmark::State& state) {
  EmMeasurer m;
  BoxSpec box;
  box.width = 900;
  box.height = 1000;
  box.max_px = box.min_px = 48;
  box.lang = "en";
  for (auto _ : state) benchmark::DoNotOptimize(LayoutPlain(kEnglishSentence, box, m));
}
BENCHMARK(BM_BreakSentenceEn);

void BM_FitDenseSummary400(benchmark::State& state) {
  EmMeasurer m;
  const std::string summary = DenseSummary();
  BoxSpec box;  // a summary area of a 1920×1080 news slide
  box.width = 1100;
  box.height = 480;
  box.max_px = 48;
  box.min_px = 24;
  Layout layout;
  for (auto _ : state) {
    layout = LayoutPlain(summary, box, m);
    benchmark::DoNotOptimize(layout);
  }
  state.counters["px"] = layout.px;
  state.counters["lines"] = static_cast<double>(layout.lines.size());
  state.counters["truncated"] = layout.truncated;
}
BENCHMARK(BM_FitDenseSummary400);

// The same two with phrase-aware breaking: one PhraseSegmenter (its ICU iterator made once, as a
// Canvas does), reused by every layout.
void BM_BreakSentenceJaPhrases(benchmark::State& state) {
  EmMeasurer m;
  PhraseSegmenter phrases;
  BoxSpec box;
  box.width = 900;
  box.height = 1000;
  box.max_px = box.min_px = 48;
  for (auto _ : state) benchmark::DoNotOptimize(LayoutPlain(kSentence, box, m, &phrases));
}
BENCHMARK(BM_BreakSentenceJaPhrases);

void BM_FitDenseSummary400Phrases(benchmark::State& state) {
  EmMeasurer m;
  PhraseSegmenter phrases;
  const std::string summary = DenseSummary();
  BoxSpec box;
  box.width = 1100;
  box.height = 480;
  box.max_px = 48;
  box.min_px = 24;
  Layout layout;
  for (auto _ : state) {
    layout = LayoutPlain(summary, box, m, &phrases);
    benchmark::DoNotOptimize(layout);
  }
  state.counters["px"] = layout.px;
  state.counters["lines"] = static_cast<double>(layout.lines.size());
}
BENCHMARK(BM_FitDenseSummary400Phrases);

// A balanced two-line title (8 more breaks of a short text).
void BM_BalancedTitlePhrases(benchmark::State& state) {
  EmMeasurer m;
  PhraseSegmenter phrases;
  BoxSpec box;
  box.width = 1000;
  box.height = 300;
  box.max_px = 76;
  box.min_px = 48;
  box.max_lines = 3;
  box.balance = true;
  const std::string title = "防災塾「在宅避難に備える」参加者募集 — 池尻まちづくりセンター";
  for (auto _ : state) benchmark::DoNotOptimize(LayoutPlain(title, box, m, &phrases));
}
BENCHMARK(BM_BalancedTitlePhrases);

// Making the ICU phrase iterator: why it is made once per Canvas and not per layout.
void BM_PhraseSegmenterCreate(benchmark::State& state) {
  for (auto _ : state) {
    PhraseSegmenter phrases;
    benchmark::DoNotOptimize(phrases.Ok());
  }
}
BENCHMARK(BM_PhraseSegmenterCreate);

void BM_MeasurerOnlySummary400(benchmark::State& state) {
  EmMeasurer m;
  const std::string summary = DenseSummary();
  for (auto _ : state) benchmark::DoNotOptimize(m.Width(summary, 48));
}
BENCHMARK(BM_MeasurerOnlySummary400);

}  // namespace
}  // namespace machikado::text
