// Phrase-aware line breaking: Japanese lines end between 文節 when a phrase fits, Korean lines
// between words, headings are balanced. Widths from the EmMeasurer (a kana or kanji is 1 em).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/fake_measurer.h"
#include "text/layout.h"
#include "text/layout_test_util.h"
#include "text/phrase_segmenter.h"

namespace machikado::text {
namespace {

using testing::ExpectInsideBox;
using testing::Joined;
using testing::LineTexts;
using Lines = std::vector<std::string>;

constexpr float kPx = 10;

BoxSpec Box(float ems, const char* lang = "ja", int max_lines = 0) {
  BoxSpec box;
  box.width = ems * kPx;
  box.height = 1000 * kPx;
  box.max_px = box.min_px = kPx;
  box.max_lines = max_lines;
  box.lang = lang;
  return box;
}

class PhraseLayout : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!phrases_.Ok()) GTEST_SKIP() << "ICU has no Japanese phrase data (lw=phrase)";
  }
  Layout Plain(const std::string& s, const BoxSpec& box) {
    Layout l = LayoutPlain(s, box, measurer_, &phrases_);
    ExpectInsideBox(l, box, s);
    return l;
  }
  Layout Ruby(const std::vector<feed::RubySegment>& segs, const BoxSpec& box) {
    Layout l = LayoutText(segs, box, measurer_, &phrases_);
    ExpectInsideBox(l, box, "ruby");
    return l;
  }
  EmMeasurer measurer_;
  PhraseSegmenter phrases_;
};

TEST_F(PhraseLayout, AlertTitleBreaksBetweenWordsNotInsideThem) {
  // Character breaking at 7 em gives 「土砂災|害警戒区域」; phrases keep 災害 together.
  const std::string title = "避難指示 — 崖線沿いの土砂災害警戒区域。";
  EmMeasurer m;
  EXPECT_EQ(Joined(LayoutPlain(title, Box(8), m)), "避難指示 — 崖線|沿いの土砂災害警|戒区域。|");
  EXPECT_EQ(Joined(Plain(title, Box(8))), "避難指示 — 崖線|沿いの土砂災害|警戒区域。|");
}

TEST_F(PhraseLayout, VerbStaysWhole) {
  EXPECT_EQ(Joined(Plain("ゆっくり教えます。", Box(6))), "ゆっくり|教えます。|");
  EXPECT_EQ(Joined(Plain("池尻まちづくりセンター 2階 活動フロア", Box(10))),
            "池尻まちづくり|センター 2階 活動|フロア|");
}

TEST_F(PhraseLayout, PhraseLongerThanTheLineFallsBackToKinsokuCharacterBreaks) {
  // スマートフォンで is one phrase of 8 em: at 5 em it must be cut, never before ー or ォ.
  const Lines lines = LineTexts(Plain("スマートフォンで読み取る", Box(5)));
  EXPECT_TRUE(SatisfiesKinsoku(lines)) << ::testing::PrintToString(lines);
  std::string all;
  for (const std::string& l : lines) all += l;
  EXPECT_EQ(all, "スマートフォンで読み取る");
  EXPECT_EQ(lines.front(), "スマート");  // not スマートフ|ォ: ォ never starts a line
}

TEST_F(PhraseLayout, LongPhraseStartsOnTheCurrentLine) {
  // A phrase that no line can hold is not pushed to a fresh line first (that would leave a short
  // line for nothing): it continues the current one.
  const Lines lines = LineTexts(Plain("はい、スマートフォンでも", Box(6)));
  EXPECT_EQ(lines.front(), "はい、スマー");
}

TEST_F(PhraseLayout, RubyBaseStaysWholeAndJoinsItsPhrase) {
  std::vector<feed::RubySegment> segs = {{"ゆっくり", ""}, {"教", "おし"}, {"えます。", ""}};
  EXPECT_EQ(Joined(Ruby(segs, Box(6))), "ゆっくり|教えます。|");
}

TEST_F(PhraseLayout, EasyJapaneseSpacesAreBreakPoints) {
  const Lines lines = LineTexts(Plain("ひなんじょ に いきます。 ゆっくり おしえます", Box(9)));
  EXPECT_EQ(lines, (Lines{"ひなんじょ に", "いきます。", "ゆっくり", "おしえます"}));
}

TEST_F(PhraseLayout, KoreanBreaksBetweenWords) {
  const Lines lines =
      LineTexts(Plain("휴대폰으로 스캔하면 자세한 정보를 볼 수 있습니다", Box(7, "ko")));
  EXPECT_EQ(lines, (Lines{"휴대폰으로", "스캔하면", "자세한 정보를", "볼 수 있습니다"}));
  EmMeasurer m;  // UAX #14 alone breaks between syllables: 있습|니다
  EXPECT_EQ(LineTexts(LayoutPlain("볼 수 있습니다", Box(5, "ko"), m)),
            (Lines{"볼 수 있습", "니다"}));
}

TEST_F(PhraseLayout, KoreanWordLongerThanTheLineBreaksBetweenSyllables) {
  const Lines lines = LineTexts(Plain("재택대피준비물목록", Box(4, "ko")));
  EXPECT_EQ(lines, (Lines{"재택대피", "준비물목", "록"}));
}

TEST_F(PhraseLayout, ChineseStillBreaksBetweenCharacters) {
  const Lines lines = LineTexts(Plain("今天天气很好，我们去公园吧。", Box(4, "zh-Hans")));
  EXPECT_EQ(lines.front(), "今天天气");
}

TEST_F(PhraseLayout, BalancedHeadingHasNoLoneShortLastLine) {
  BoxSpec box = Box(16);
  const std::string title = "防災教室「在宅避難のための備え」参加者募集";
  EXPECT_EQ(Joined(Plain(title, box)), "防災教室「在宅避難のための備え」|参加者募集|");
  box.balance = true;
  const Lines lines = LineTexts(Plain(title, box));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0] + "|" + lines[1], "防災教室「在宅避難の|ための備え」参加者募集");
}

TEST_F(PhraseLayout, BalancingNeverAddsALineOrSplitsAPhrase) {
  BoxSpec box = Box(10);
  box.balance = true;
  EXPECT_EQ(LineTexts(Plain("お知らせ", box)), (Lines{"お知らせ"}));
  const std::string s = "避難指示 — 崖線沿いの土砂災害警戒区域。";
  const size_t n = LineTexts(LayoutPlain(s, Box(10), measurer_, &phrases_)).size();
  EXPECT_EQ(LineTexts(Plain(s, box)).size(), n);
}

TEST_F(PhraseLayout, EllipsisKeepsWhatFits) {
  // Truncated to one line: the phrase boundary does not cost characters that had room.
  const Layout l = Plain("避難指示 — 崖線沿いの土砂災害警戒区域。", Box(8, "ja", 1));
  ASSERT_EQ(l.lines.size(), 1u);
  EXPECT_TRUE(l.truncated);
  EXPECT_EQ(l.lines[0].text, "避難指示 — 崖…");
}

}  // namespace
}  // namespace machikado::text
