#include "text/kinsoku.h"

#include <gtest/gtest.h>

#include <string_view>

#include "text/layout.h"

namespace machikado::text {
namespace {

TEST(Kinsoku, ForbidsClosingPunctuationAndSmallKanaAtLineStart) {
  for (char32_t cp : std::u32string_view(U"、。，．・：；？！ー」』）】〕〉》］｝〙〗ゝゞ々ぁぃぅぇ"
                                         U"ぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇿ)],.!?"))
    EXPECT_TRUE(IsLineStartForbidden(cp)) << static_cast<uint32_t>(cp);
}

TEST(Kinsoku, AllowsOrdinaryCharactersAtLineStart) {
  for (char32_t cp : std::u32string_view(U"あア漢「（Aa1…※"))
    EXPECT_FALSE(IsLineStartForbidden(cp)) << static_cast<uint32_t>(cp);
}

TEST(Kinsoku, ForbidsOpeningBracketsAtLineEnd) {
  for (char32_t cp : std::u32string_view(U"「『（【〔〈《［｛〘〖([{“‘"))
    EXPECT_TRUE(IsLineEndForbidden(cp));
  for (char32_t cp : std::u32string_view(U"」。あA)")) EXPECT_FALSE(IsLineEndForbidden(cp));
}

TEST(Kinsoku, SatisfiesKinsokuChecksFirstAndLastCharacterOfEachLine) {
  EXPECT_TRUE(SatisfiesKinsoku({"今日は、", "いい天気。", "「東京」", ""}));
  EXPECT_FALSE(SatisfiesKinsoku({"今日は", "、いい天気"}));
  EXPECT_FALSE(SatisfiesKinsoku({"バスケ", "ット"}));
  EXPECT_FALSE(SatisfiesKinsoku({"彼は「", "東京」"}));
  EXPECT_FALSE(SatisfiesKinsoku({"ー"}));
}

TEST(Kinsoku, SatisfiesKinsokuToleratesInvalidUtf8) {
  EXPECT_TRUE(SatisfiesKinsoku({"\xE3\x80", "\x80\x80", "\xFF"}));
}

}  // namespace
}  // namespace machikado::text
