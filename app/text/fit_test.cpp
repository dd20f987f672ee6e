// Fitting in LayoutText: shrink from max_px towards min_px until the text fits the box height and
// max_lines, then truncate with "…" at min_px. The measuring cost stays linear in the text.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "text/fake_measurer.h"
#include "text/layout.h"
#include "text/layout_test_util.h"
#include "text/phrase_segmenter.h"

namespace machikado::text {
namespace {

using testing::ExpectInsideBox;

const char* const kSummary =
    "地域の防災訓練を11月23日（日）午前9時から中央公民館で行います。地震が起きたときの身の守り方、"
    "消火器の使い方、避難所の開設手順を、消防署の職員と一緒に学びます。参加は無料で、申し込みは"
    "いりません。動きやすい服装でお越しください。小さなお子さん連れの方も歓迎します。当日は非常食の"
    "試食もあります。雨天の場合は体育館で行います。";

BoxSpec Box(float width, float height, float max_px = 48, float min_px = 24) {
  BoxSpec box;
  box.width = width;
  box.height = height;
  box.max_px = max_px;
  box.min_px = min_px;
  return box;
}

Layout Lay(std::string_view s, const BoxSpec& box) {
  EmMeasurer m;
  Layout layout = LayoutPlain(s, box, m);
  ExpectInsideBox(layout, box, std::string(s));
  return layout;
}

TEST(FontSizesToTry, StepsDownByTwoPixelsOrFivePercentAndEndsAtTheMinimum) {
  EXPECT_EQ(FontSizesToTry(Box(1, 1, 48, 40)), (std::vector<float>{48, 46, 44, 42, 40}));
  EXPECT_EQ(FontSizesToTry(Box(1, 1, 120, 100)), (std::vector<float>{120, 114, 108, 103, 100}));
  EXPECT_EQ(FontSizesToTry(Box(1, 1, 25, 24)), (std::vector<float>{25, 24}));
  EXPECT_EQ(FontSizesToTry(Box(1, 1, 30, 30)), (std::vector<float>{30}));
  EXPECT_EQ(FontSizesToTry(Box(1, 1, 30, 40)),
            (std::vector<float>{30}));  // min above max: max only
  EXPECT_TRUE(FontSizesToTry(Box(1, 1, 0, 0)).empty());
}

TEST(Fit, KeepsTheLargestSizeWhenTheTextFits) {
  const Layout layout = Lay("短いお知らせ", Box(800, 200));
  EXPECT_EQ(layout.px, 48);
  EXPECT_FALSE(layout.shrunk);
  EXPECT_FALSE(layout.truncated);
}

TEST(Fit, ShrinksUntilTheTextFitsTheHeight) {
  const BoxSpec box = Box(1000, 300);
  const Layout layout = Lay(kSummary, box);
  EXPECT_TRUE(layout.shrunk);
  EXPECT_FALSE(layout.truncated);
  EXPECT_LT(layout.px, 48);
  EXPECT_GE(layout.px, 24);
  // It is the largest size that fits: one step larger does not.
  const std::vector<float> sizes = FontSizesToTry(box);
  const auto it = std::find(sizes.begin(), sizes.end(), layout.px);
  ASSERT_NE(it, sizes.end());
  ASSERT_NE(it, sizes.begin());
  const Layout larger = Lay(kSummary, Box(1000, 300, *(it - 1), *(it - 1)));
  EXPECT_TRUE(larger.truncated);
}

TEST(Fit, ShrinksToRespectMaxLines) {
  BoxSpec box = Box(600, 10000);
  box.max_lines = 2;
  const Layout layout =
      Lay("避難所の開設状況をお知らせします。最新の情報を確認してください。", box);
  EXPECT_LE(layout.lines.size(), 2u);
  EXPECT_TRUE(layout.shrunk);
  EXPECT_FALSE(layout.truncated);
}

TEST(Fit, TruncatesAtTheMinimumSizeWithAnEllipsisThatFits) {
  const BoxSpec box = Box(500, 200);
  const Layout layout = Lay(kSummary, box);
  EXPECT_TRUE(layout.truncated);
  EXPECT_EQ(layout.px, 24);
  ASSERT_FALSE(layout.lines.empty());
  const LaidLine& last = layout.lines.back();
  EXPECT_TRUE(last.text.ends_with("…")) << last.text;
  EXPECT_EQ(last.runs.back().text, "…");
  EXPECT_LE(last.x + last.w, box.width);
  // It really is cut: fewer characters than the input.
  size_t shown = 0;
  for (const LaidLine& line : layout.lines) shown += line.text.size();
  EXPECT_LT(shown, std::string(kSummary).size());
  EXPECT_TRUE(SatisfiesKinsoku(testing::LineTexts(layout)));
}

TEST(Fit, EllipsisNeverFollowsAnOpeningBracketOrASpace) {
  BoxSpec box = Box(4.5f * 20, 1000, 20, 20);
  box.max_lines = 1;
  box.lang = "en";
  const Layout layout = Lay("foo ( bar baz qux", box);
  ASSERT_EQ(layout.lines.size(), 1u);
  EXPECT_EQ(layout.lines[0].text, "foo…");
}

TEST(Fit, EllipsisReplacesCharactersOfASingleLongWord) {
  BoxSpec box = Box(5 * 20, 1000, 20, 20);
  box.max_lines = 1;
  const Layout layout = Lay(std::string(40, 'w'), box);
  ASSERT_EQ(layout.lines.size(), 1u);
  EXPECT_EQ(layout.lines[0].text, std::string(8, 'w') + "…");  // 4 em of w, 1 em of …
}

TEST(Fit, TruncatedJapaneseEndsWithEllipsisWithinTheWidth) {
  BoxSpec box = Box(6 * 20, 1000, 20, 20);
  box.max_lines = 1;
  const Layout layout = Lay("あいうえおか「きく」", box);
  ASSERT_EQ(layout.lines.size(), 1u);
  EXPECT_EQ(layout.lines[0].text, "あいうえお…");
}

TEST(Fit, BoxLowerThanOneLineShowsNothingAndSaysSo) {
  const Layout layout = Lay("お知らせ", Box(800, 10));
  EXPECT_TRUE(layout.lines.empty());
  EXPECT_TRUE(layout.truncated);
}

TEST(Fit, BoxNarrowerThanOneCharacterNeverOverflows) {
  const Layout layout = Lay("お知らせ", Box(10, 1000));
  EXPECT_TRUE(layout.lines.empty());
  EXPECT_TRUE(layout.truncated);
}

TEST(Fit, DegenerateBoxesGiveAnEmptyLayout) {
  EXPECT_TRUE(Lay("abc", Box(0, 100)).lines.empty());
  EXPECT_TRUE(Lay("abc", Box(100, -5)).lines.empty());
  EXPECT_TRUE(Lay("abc", Box(100, 100, 0, 0)).lines.empty());
  BoxSpec nan = Box(100, 100);
  nan.line_spacing = std::nanf("");
  EXPECT_TRUE(Lay("abc", nan).lines.empty());
}

TEST(Fit, MeasuresEachPieceOfTextOncePerSizeTried) {
  EmMeasurer m;
  const std::string text = std::string(kSummary) + kSummary;
  const BoxSpec box = Box(900, 420);
  const Layout layout = LayoutPlain(text, box, m);
  ASSERT_FALSE(layout.lines.empty());
  // Binary search over the 13 sizes from 48 to 24 tries at most 2 + ceil(log2 12) = 6 sizes; each
  // measures the text once, and the chosen layout measures its lines once more.
  EXPECT_LE(m.bytes(), 7 * text.size());
  EXPECT_LE(m.calls(), 7 * text.size() / 3);
}

TEST(Fit, TextFarLongerThanTheBoxIsMeasuredOnlyAsFarAsItCanBeShown) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += kSummary;
  EmMeasurer m;
  const Layout layout = LayoutPlain(text, Box(900, 420), m);
  EXPECT_TRUE(layout.truncated);
  EXPECT_EQ(layout.px, 24);
  EXPECT_LT(m.bytes(), text.size() / 10);
}

TEST(Fit, EnormousWordIsMeasuredOncePerSizeAndCutAtTheBox) {
  const std::string word(100000, 'w');
  EmMeasurer m;
  const BoxSpec box = Box(900, 420);
  const Layout layout = LayoutPlain(word, box, m);
  ExpectInsideBox(layout, box, "enormous word");
  EXPECT_TRUE(layout.truncated);
  EXPECT_EQ(layout.px, 24);
  EXPECT_LT(m.bytes(), 3 * word.size());  // the word once at 48 px and once at 24 px
}

// A measurer whose whole-string widths exceed the sum of the parts (like kerning can).
class NonAdditiveMeasurer : public TextMeasurer {
 public:
  float Width(std::string_view s, float px) override {
    return EmMeasurer::Ems(s) * px + (s.size() > 3 ? 0.3f * px : 0.0f);
  }
};

TEST(Fit, LinesMeasuredWiderThanTheirPiecesAreReflowedToFit) {
  NonAdditiveMeasurer m;
  for (float width : {97.0f, 150.0f, 333.0f, 500.0f}) {
    const BoxSpec box = Box(width, 2000, 30, 20);
    const Layout layout = LayoutPlain(kSummary, box, m);
    ExpectInsideBox(layout, box, "non-additive");
    EXPECT_FALSE(layout.lines.empty());
  }
}

}  // namespace
}  // namespace machikado::text

namespace machikado::text {
namespace {

// Like the real fonts in a Korean detail view: a space measured alone (in the chain's first face,
// 14 px at 66 px) is narrower than a space inside a Hangul run (18 px in Noto Sans CJK).
class SpaceInRunMeasurer : public TextMeasurer {
 public:
  float Width(std::string_view s, float px) override {
    float w = EmMeasurer::Ems(s) * px;
    if (s.size() > 1)
      for (char c : s)
        if (c == ' ') w += 0.06f * px;
    return w;
  }
};

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out.push_back(c);
  return out;
}

TEST(Fit, KoreanTitleWhoseLineMeasuresWiderKeepsEverySyllable) {
  // The detail view's title box at which a syllable used to vanish: the first line's pieces sum
  // to just under the width, the line measures over it; re-breaking by the 2 px overflow alone
  // kept the same pieces, and the last resort cut 「비’」 out of the middle, adding "…" at the end.
  const std::string title = "방재 교실 ‘집에서 대피하기 위한 준비’ 참가자 모집";
  SpaceInRunMeasurer m;
  for (float width = 600; width <= 1300; width += 2) {
    BoxSpec box = Box(width, 520, 66, 44);
    box.max_lines = 5;
    box.line_spacing = 1.3f;
    box.lang = "ko";
    for (bool phrases : {false, true}) {
      PhraseSegmenter segmenter;
      const Layout layout = LayoutPlain(title, box, m, phrases ? &segmenter : nullptr);
      ExpectInsideBox(layout, box, "width " + std::to_string(width));
      std::string drawn;
      for (const LaidLine& line : layout.lines) drawn += line.text;
      EXPECT_FALSE(layout.truncated) << width;
      EXPECT_EQ(WithoutSpaces(drawn), WithoutSpaces(title)) << width;
    }
  }
}

}  // namespace
}  // namespace machikado::text
