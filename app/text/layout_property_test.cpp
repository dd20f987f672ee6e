// Properties of LayoutText over many inputs: kinsoku holds at every width for real Japanese prose
// (where a naive wrap breaks it), and for random text of any kind in random boxes nothing ever
// leaves the box and nothing is lost unless the layout says it truncated.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/fake_measurer.h"
#include "text/layout.h"
#include "text/layout_test_util.h"
#include "text/utf8.h"

namespace machikado::text {
namespace {

using testing::ExpectInsideBox;
using testing::LineTexts;

const char* const kParagraph =
    "大雨の際は、早めの避難を心がけてください。警戒レベル3「高齢者等避難」が出たら、高齢の方や"
    "障害のある方、小さなお子さんのいるご家庭は避難を始めましょう。避難所（中央公民館・第二小学校"
    "体育館）には、飲料水と毛布を用意しています。ペットと一緒に避難する場合は、ケージやリードを"
    "ご持参ください！最新の情報は、区のホームページ、防災アプリ「まちかど防災」、またはテレビの"
    "データ放送（dボタン）で確認できます。ちょっとした備えが、いざというときに役立ちます。"
    "ハザードマップで、ご自宅の周りの浸水想定区域や土砂災害警戒区域をチェックしておきましょう……。"
    "問い合わせ：防災課（電話03-1234-5678）。";

// Lines of a naive wrap that cuts after as many whole characters as fit (what SDL_ttf does).
std::vector<std::string> NaiveWrap(const std::string& s, float width_em) {
  std::vector<std::string> lines(1);
  float w = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    DecodeUtf8(s, i, &len);
    const std::string ch = s.substr(i, len);
    const float cw = EmMeasurer::Ems(ch);
    if (w + cw > width_em && !lines.back().empty()) {
      lines.emplace_back();
      w = 0;
    }
    lines.back() += ch;
    w += cw;
    i += len;
  }
  return lines;
}

TEST(LayoutProperty, KinsokuHoldsAtEveryWidthFrom3To40Ems) {
  EmMeasurer m;
  int naive_violations = 0;
  for (float ems = 3; ems <= 40; ems += 0.25f) {
    BoxSpec box;
    box.width = ems * 20;
    box.height = 100000;
    box.max_px = box.min_px = 20;
    const Layout layout = LayoutPlain(kParagraph, box, m);
    ExpectInsideBox(layout, box, "width " + std::to_string(ems));
    EXPECT_TRUE(SatisfiesKinsoku(LineTexts(layout)))
        << "width " << ems << ": " << testing::Joined(layout);
    EXPECT_FALSE(layout.truncated);
    if (!SatisfiesKinsoku(NaiveWrap(kParagraph, ems))) ++naive_violations;
  }
  // The paragraph is a real test: the naive wrap breaks kinsoku at many of these widths.
  EXPECT_GT(naive_violations, 50);
}

// Random text from an alphabet that mixes everything the layout must survive.
std::string RandomText(std::mt19937& rng, size_t max_len) {
  static const std::vector<std::string> kAlphabet = {"あ",
                                                     "い",
                                                     "漢",
                                                     "字",
                                                     "カ",
                                                     "ナ",
                                                     "、",
                                                     "。",
                                                     "「",
                                                     "」",
                                                     "（",
                                                     "）",
                                                     "ー",
                                                     "ッ",
                                                     "ゃ",
                                                     "々",
                                                     "！",
                                                     "？",
                                                     "…",
                                                     "a",
                                                     "b",
                                                     "Z",
                                                     "0",
                                                     "9",
                                                     " ",
                                                     " ",
                                                     " ",
                                                     "\n",
                                                     "\n\n",
                                                     ".",
                                                     ",",
                                                     "(",
                                                     ")",
                                                     "-",
                                                     "/",
                                                     "e\u0301",
                                                     "\u3099",
                                                     "\uFE0F",
                                                     "\u200D",
                                                     "👍",
                                                     "🏽",
                                                     "🇯",
                                                     "🇵",
                                                     "👨‍👩‍👧",
                                                     "葛\U000E0100",
                                                     "\xFF",
                                                     "\xE3\x81",
                                                     "\xC0\xAF",
                                                     "\t",
                                                     "\r",
                                                     "\x01",
                                                     "\u200B",
                                                     "\u3000",
                                                     "대",
                                                     "피",
                                                     "中",
                                                     "https://example.jp/",
                                                     "supercalifragilistic",
                                                     "\uFFFF",
                                                     "\u2028",
                                                     "\u2029",
                                                     "\uFEFF"};
  std::uniform_int_distribution<size_t> len(0, max_len);
  std::uniform_int_distribution<size_t> pick(0, kAlphabet.size() - 1);
  std::string s;
  for (size_t n = len(rng); n > 0; --n) s += kAlphabet[pick(rng)];
  return s;
}

// The visible characters of a text, for comparing input and output (spaces and breaks differ).
std::string Visible(const std::string& s) {
  std::string clean;
  SanitizeUtf8(s, /*newlines=*/true, &clean);
  std::string out;
  for (char c : clean)
    if (c != ' ' && c != '\n') out.push_back(c);
  return out;
}

TEST(LayoutProperty, RandomTextInRandomBoxesNeverOverflowsOrLosesText) {
  std::mt19937 rng(20241123);
  EmMeasurer m;
  std::uniform_real_distribution<float> width(5, 900);
  std::uniform_real_distribution<float> height(5, 2500);
  std::uniform_int_distribution<int> max_px(12, 80);
  std::uniform_int_distribution<int> coin(0, 3);
  std::uniform_int_distribution<int> lines(0, 6);
  const char* langs[] = {"ja", "en", "zh-Hans", "ko", "ja-x-easy", ""};
  for (int iter = 0; iter < 3000; ++iter) {
    std::vector<feed::RubySegment> segments;
    std::string bases;
    const int n_segments = 1 + coin(rng);
    for (int k = 0; k < n_segments; ++k) {
      feed::RubySegment seg{RandomText(rng, 30), coin(rng) == 0 ? RandomText(rng, 6) : ""};
      bases += seg.base;
      segments.push_back(std::move(seg));
    }
    BoxSpec box;
    box.width = width(rng);
    box.height = height(rng);
    box.max_px = static_cast<float>(max_px(rng));
    box.min_px = box.max_px * (coin(rng) == 0 ? 1.0f : 0.5f);
    box.max_lines = lines(rng);
    box.lang = langs[iter % 6];
    box.draw_ruby = coin(rng) != 0;
    box.align = static_cast<Align>(coin(rng) % 3);
    const Layout layout = LayoutText(segments, box, m);
    ExpectInsideBox(layout, box, "iteration " + std::to_string(iter));
    if (::testing::Test::HasFailure()) return;
    if (!layout.truncated) {
      // A word cut because no line can hold it ends its line with a hyphen that is not text:
      // compare without hyphens.
      std::string shown;
      for (const LaidLine& line : layout.lines) shown += line.text;
      std::erase(shown, '-');
      std::erase(bases, '-');
      EXPECT_EQ(Visible(shown), Visible(bases)) << "iteration " << iter;
    }
    for (const LaidLine& line : layout.lines) {
      std::string valid;
      SanitizeUtf8(line.text, true, &valid);
      EXPECT_EQ(valid, line.text) << "output is well-formed UTF-8";
    }
  }
}

}  // namespace
}  // namespace machikado::text
