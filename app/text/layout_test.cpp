#include "text/layout.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/fake_measurer.h"
#include "text/layout_test_util.h"

namespace machikado::text {
namespace {

using testing::ExpectInsideBox;
using testing::LineTexts;
using Lines = std::vector<std::string>;

constexpr float kPx = 20;

// A box `ems` wide at a fixed 20 px (no shrinking), tall enough for everything.
BoxSpec Box(float ems, const char* lang = "ja") {
  BoxSpec box;
  box.width = ems * kPx;
  box.height = 10000;
  box.max_px = box.min_px = kPx;
  box.lang = lang;
  return box;
}

// The lines of a plain-text layout joined by '|' (readable in failure messages).
std::string Show(std::string_view s, const BoxSpec& box);

Layout Plain(std::string_view s, const BoxSpec& box) {
  EmMeasurer m;
  Layout layout = LayoutPlain(s, box, m);
  ExpectInsideBox(layout, box, std::string(s));
  return layout;
}

std::string Show(std::string_view s, const BoxSpec& box) {
  std::string out;
  for (const LaidLine& line : Plain(s, box).lines) out += (out.empty() ? "" : "|") + line.text;
  return out;
}

TEST(LayoutJapanese, BreaksBetweenAnyTwoCharacters) {
  EXPECT_EQ(Show("あいうえおかきくけこ", Box(4)), "あいうえ|おかきく|けこ");
}

TEST(LayoutJapanese, ToutenThatWouldStartALineTakesThePrecedingCharacterAlong) {
  // A naive wrap gives "あいう" / "、えお".
  EXPECT_EQ(Show("あいう、えお", Box(3)), "あい|う、え|お");
}

TEST(LayoutJapanese, KutenAndClosingBracketNeverStartALine) {
  EXPECT_EQ(Show("あいう。えお", Box(3)), "あい|う。え|お");
  EXPECT_EQ(Show("「あいう」です", Box(4)), "「あい|う」です");
}

TEST(LayoutJapanese, SmallKanaNeverStartsALine) {
  // A naive wrap gives "バスケ" / "ット".
  EXPECT_EQ(Show("バスケット", Box(3)), "バス|ケット");
  EXPECT_EQ(Show("ちょっと", Box(3)), "ちょっ|と");
}

TEST(LayoutJapanese, ProlongedSoundMarkNeverStartsALine) {
  EXPECT_EQ(Show("コーヒー", Box(3)), "コー|ヒー");
}

TEST(LayoutJapanese, OpeningBracketAtLineEndMovesToTheNextLine) {
  // A naive wrap gives "あい「" / "うえ」".
  const Lines lines = LineTexts(Plain("あい「うえ」", Box(3)));
  EXPECT_EQ(lines.front(), "あい");
  EXPECT_TRUE(SatisfiesKinsoku(lines));
}

TEST(LayoutJapanese, MixedWithEnglishKeepsWordsWhole) {
  const Lines lines = LineTexts(Plain("会場はCommunity Centerの2階です。", Box(7)));
  EXPECT_EQ(lines, (Lines{"会場は", "Community", "Centerの2階で", "す。"}));
}

TEST(LayoutLatin, WrapsAtSpacesAndDropsTrailingSpaces) {
  const Layout layout = Plain("The quick brown fox jumps over", Box(10, "en"));
  EXPECT_EQ(LineTexts(layout), (Lines{"The quick brown fox", "jumps over"}));
  EXPECT_FLOAT_EQ(layout.lines[0].w, 9.5f * kPx);
}

TEST(LayoutLatin, TrailingSpaceDoesNotCountTowardsTheWidth) {
  const Layout layout = Plain("aaaaaaaa   bb", Box(4, "en"));
  EXPECT_EQ(LineTexts(layout), (Lines{"aaaaaaaa", "bb"}));
  EXPECT_FLOAT_EQ(layout.lines[0].w, 4 * kPx);
}

TEST(LayoutLatin, LongUrlBreaksAtSlashesThenBetweenCharacters) {
  const std::string url = "https://example.jp/abcdefghijklmnopqrstuvwxyz0123456789";
  const Lines lines = LineTexts(Plain(url, Box(8, "en")));
  ASSERT_GE(lines.size(), 4u);
  EXPECT_EQ(lines[0], "https://");
  EXPECT_EQ(lines[1], "example.jp/");
  EXPECT_EQ(lines[2],
            "abcdefghijklmnop");  // 16 half-width characters = 8 em: split as a last resort
  std::string joined;
  for (const auto& l : lines) joined += l;
  EXPECT_EQ(joined, url);
}

TEST(LayoutLatin, SingleEnormousWordIsCutIntoFullLinesEndingWithAHyphen) {
  // A word that no line can hold is the one place a hyphen is added: 19 letters + "-" = 10 em.
  const std::string word(1000, 'x');
  const Layout layout = Plain(word, Box(10, "en"));
  ASSERT_EQ(layout.lines.size(), 53u);
  for (size_t i = 0; i + 1 < layout.lines.size(); ++i)
    EXPECT_EQ(layout.lines[i].text, std::string(19, 'x') + "-");
  EXPECT_EQ(layout.lines.back().text, std::string(1000 - 52 * 19, 'x'));
  EXPECT_FALSE(layout.truncated);
}

TEST(LayoutLatin, OnlyAWordThatCannotFitIsHyphenated) {
  EXPECT_EQ(LineTexts(Plain("a disaster preparedness drill", Box(8, "en"))),
            (Lines{"a disaster", "preparedness", "drill"}));  // 12 letters = 6 em: fits
  EXPECT_EQ(LineTexts(Plain("see preparedness", Box(5, "en"))),
            (Lines{"see", "preparedn-", "ess"}));  // greedy: no hyphenation dictionary
}

TEST(LayoutJapanese, RunOfForbiddenCharactersIsCutAsALastResort) {
  EXPECT_EQ(Show("あーーーーーーー。", Box(3)), "あーー|ーーー|ーー。");
  EXPECT_EQ(Show("「「「「「「あ", Box(2)), "「「|「「|「「|あ");
}

TEST(LayoutBreaks, HonoursHardBreaksAndAddsHalfALineBetweenParagraphs) {
  const BoxSpec box = Box(20);
  const Layout layout = Plain("一行目\n二行目\n\n\n\n段落二\r\n終わり", box);
  ASSERT_EQ(LineTexts(layout), (Lines{"一行目", "二行目", "段落二", "終わり"}));
  const float pitch = kPx * box.line_spacing;
  EXPECT_FLOAT_EQ(layout.lines[1].y, pitch);
  EXPECT_FLOAT_EQ(layout.lines[2].y,
                  2.5f * pitch);  // one extra half line, however many blank lines
  EXPECT_FLOAT_EQ(layout.lines[3].y, 3.5f * pitch);
  EXPECT_FLOAT_EQ(layout.height, 4.5f * pitch);
}

TEST(LayoutBreaks, TrimsSpacesAroundTheTextAndBeforeHardBreaks) {
  EXPECT_EQ(Show("  \n hello   \n  world  \n\n", Box(20, "en")), "hello|  world");
}

TEST(LayoutBreaks, EmptyAndBlankTextGiveNoLines) {
  for (const char* s : {"", "   ", "\n\n\n", " \t \r\n "}) {
    const Layout layout = Plain(s, Box(10));
    EXPECT_TRUE(layout.lines.empty()) << s;
    EXPECT_FALSE(layout.truncated);
    EXPECT_EQ(layout.height, 0);
  }
}

TEST(LayoutClusters, EmojiSequencesStayWhole) {
  const std::string family = "👨‍👩‍👧";
  const std::string thumbs = "👍🏽";
  const std::string flag = "🇯🇵";
  const std::string keycap = "1️⃣";
  const Lines lines = LineTexts(Plain(family + family + thumbs + flag + flag + keycap, Box(1)));
  EXPECT_EQ(lines, (Lines{family, family, thumbs, flag, flag, keycap}));
}

TEST(LayoutClusters, CombiningMarksAndVariationSelectorsStayWithTheirBase) {
  const std::string e = "e\u0301";           // é as e + COMBINING ACUTE ACCENT
  const std::string ka = "か\u3099";         // が as か + COMBINING VOICED SOUND MARK
  const std::string kanji = "葛\U000E0100";  // 葛 with an ideographic variation selector
  const Lines latin = LineTexts(Plain(e + e + e + e, Box(0.5f, "en")));
  EXPECT_EQ(latin, (Lines{e, e, e, e}));
  const Lines ja = LineTexts(Plain(ka + ka + kanji + kanji, Box(1)));
  EXPECT_EQ(ja, (Lines{ka, ka, kanji, kanji}));
}

TEST(LayoutInput, InvalidUtf8BecomesReplacementCharacters) {
  const Layout layout = Plain("あ\xFF\xFEい\xE3\x81", Box(20));
  ASSERT_EQ(layout.lines.size(), 1u);
  EXPECT_EQ(layout.lines[0].text, "あ\uFFFD\uFFFDい\uFFFD\uFFFD");
}

TEST(LayoutInput, ControlCharactersAreDroppedAndTabsAreSpaces) {
  EXPECT_EQ(Show(std::string("a\tb\x01\x7F"
                             "c\xC2\x85"
                             "d\xEF\xBB\xBF"),
                 Box(20, "en")),
            "a bcd");
}

TEST(LayoutAlign, CentresAndEndAlignsLines) {
  BoxSpec box = Box(10);
  box.align = Align::kCenter;
  Layout layout = Plain("あいう", box);
  EXPECT_FLOAT_EQ(layout.lines[0].x, 3.5f * kPx);
  box.align = Align::kEnd;
  layout = Plain("あいう", box);
  EXPECT_FLOAT_EQ(layout.lines[0].x, 7 * kPx);
}

TEST(LayoutOtherLanguages, ChineseAndKoreanBreakAndKeepPunctuation) {
  const Lines zh = LineTexts(Plain("今天天气很好，我们去公园吧。", Box(4, "zh-Hans")));
  EXPECT_TRUE(SatisfiesKinsoku(zh));
  EXPECT_EQ(zh.size(), 4u);
  const Lines ko = LineTexts(Plain("대피소는 공민관입니다.", Box(5, "ko")));
  EXPECT_TRUE(SatisfiesKinsoku(ko));
  EXPECT_EQ(ko.front(), "대피소는");
}

}  // namespace
}  // namespace machikado::text
