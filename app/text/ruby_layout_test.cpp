// Ruby (furigana) in LayoutText: bases are never split, readings are centred, a reading wider than
// its base widens the base (group ruby), and ruby lines reserve a band above the glyphs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/fake_measurer.h"
#include "text/layout.h"
#include "text/layout_test_util.h"

namespace machikado::text {
namespace {

using feed::RubySegment;
using testing::ExpectInsideBox;

constexpr float kPx = 20;

BoxSpec Box(float ems) {
  BoxSpec box;
  box.width = ems * kPx;
  box.height = 10000;
  box.max_px = box.min_px = kPx;
  return box;
}

Layout Lay(const std::vector<RubySegment>& segments, const BoxSpec& box) {
  EmMeasurer m;
  Layout layout = LayoutText(segments, box, m);
  ExpectInsideBox(layout, box, "ruby");
  return layout;
}

TEST(RubyLayout, BaseWithReadingMovesWholeToTheNextLine) {
  const Layout layout = Lay({{"ああああ", ""}, {"東京", "とうきょう"}, {"へ", ""}}, Box(5));
  ASSERT_EQ(layout.lines.size(), 2u);
  EXPECT_EQ(layout.lines[0].text, "ああああ");
  EXPECT_TRUE(layout.lines[0].ruby.empty());
  const LaidLine& second = layout.lines[1];
  EXPECT_EQ(second.text, "東京へ");
  ASSERT_EQ(second.ruby.size(), 1u);
  EXPECT_EQ(second.ruby[0].text, "とうきょう");
  EXPECT_FLOAT_EQ(second.ruby[0].px, kPx / 2);
}

TEST(RubyLayout, BaseIsNeverSplitAtAnyWidth) {
  const std::vector<RubySegment> text = {
      {"あさ", ""},     {"避難所", "ひなんじょ"}, {"に", ""},
      {"行", "い"},     {"きます。", ""},         {"地震", "じしん"},
      {"のときは", ""}, {"机", "つくえ"},         {"の下へ。", ""}};
  for (float ems = 3; ems <= 20; ems += 0.5f) {
    SCOPED_TRACE(ems);
    const Layout layout = Lay(text, Box(ems));
    int bases = 0;
    for (const LaidLine& line : layout.lines) {
      for (const char* base : {"避難所", "行", "地震", "机"})
        if (line.text.find(base) != std::string::npos) ++bases;
      // A fragment of a base on a line means the base was split.
      for (const char* part : {"避難", "難所", "地", "震"}) {
        if (line.text.find(part) != std::string::npos) {
          EXPECT_TRUE(line.text.find("避難所") != std::string::npos ||
                      line.text.find("地震") != std::string::npos)
              << line.text;
        }
      }
    }
    EXPECT_EQ(bases, 4);
    size_t readings = 0;
    for (const LaidLine& line : layout.lines) readings += line.ruby.size();
    EXPECT_EQ(readings, 4u);
    EXPECT_TRUE(SatisfiesKinsoku(testing::LineTexts(layout)));
  }
}

TEST(RubyLayout, ReadingIsCentredOverAWiderBase) {
  const Layout layout = Lay({{"東京都", "とうと"}, {"です", ""}}, Box(20));
  const LaidLine& line = layout.lines[0];
  ASSERT_EQ(line.ruby.size(), 1u);
  EXPECT_FLOAT_EQ(line.ruby[0].w, 1.5f * kPx);
  EXPECT_FLOAT_EQ(line.ruby[0].x, 0.75f * kPx);  // centred over 3 em
  ASSERT_EQ(line.runs.size(), 1u);               // the base is drawn as part of the line
  EXPECT_EQ(line.runs[0].text, "東京都です");
  EXPECT_FLOAT_EQ(line.w, 5 * kPx);
}

TEST(RubyLayout, ReadingWiderThanItsBaseSpacesTheBase) {
  const Layout layout = Lay({{"字", "あいうえ"}, {"です", ""}}, Box(20));
  const LaidLine& line = layout.lines[0];
  ASSERT_EQ(line.runs.size(), 2u);
  EXPECT_EQ(line.runs[0].text, "字");
  EXPECT_FLOAT_EQ(line.runs[0].x, 0.5f * kPx);  // centred in the reading's 2 em
  EXPECT_EQ(line.runs[1].text, "です");
  EXPECT_FLOAT_EQ(line.runs[1].x, 2 * kPx);
  ASSERT_EQ(line.ruby.size(), 1u);
  EXPECT_FLOAT_EQ(line.ruby[0].x, 0);
  EXPECT_FLOAT_EQ(line.w, 4 * kPx);
  EXPECT_EQ(line.text, "字です");
}

TEST(RubyLayout, RubyTextReservesABandOnEveryLineForAnEvenPitch) {
  const BoxSpec box = Box(4);
  const Layout layout = Lay({{"今日", "きょう"}, {"はとてもいい天気です", ""}}, box);
  ASSERT_GE(layout.lines.size(), 3u);
  const float pitch = kPx * box.ruby_scale + kPx * box.line_spacing;
  for (size_t i = 0; i < layout.lines.size(); ++i) {
    EXPECT_FLOAT_EQ(layout.lines[i].baseline_top - layout.lines[i].y, kPx * box.ruby_scale);
    EXPECT_FLOAT_EQ(layout.lines[i].y, i * pitch);
    EXPECT_FLOAT_EQ(layout.lines[i].h, pitch);
  }
}

TEST(RubyLayout, TextWithoutReadingsHasNoBand) {
  const Layout layout = Lay({{"今日はとてもいい天気です", ""}}, Box(4));
  for (const LaidLine& line : layout.lines) {
    EXPECT_EQ(line.baseline_top, line.y);
    EXPECT_FLOAT_EQ(line.h, kPx * 1.5f);
  }
}

TEST(RubyLayout, DrawRubyFalseDropsReadingsAndTheBand) {
  BoxSpec box = Box(1);
  box.draw_ruby = false;
  const Layout layout = Lay({{"東京", "とうきょう"}}, box);
  ASSERT_EQ(layout.lines.size(), 2u);  // the base is ordinary text now: it may break
  for (const LaidLine& line : layout.lines) {
    EXPECT_TRUE(line.ruby.empty());
    EXPECT_EQ(line.baseline_top, line.y);
  }
}

TEST(RubyLayout, PunctuationAfterABaseStaysWithIt) {
  const Layout layout = Lay({{"ああ", ""}, {"東京", "とうきょう"}, {"。", ""}}, Box(4.5f));
  ASSERT_EQ(layout.lines.size(), 2u);
  EXPECT_EQ(layout.lines[1].text, "東京。");
}

TEST(RubyLayout, ReadingWiderThanTheBoxIsDroppedRatherThanOverflowing) {
  const Layout layout = Lay({{"東", "ひがしひがしひがし"}}, Box(3));
  ASSERT_EQ(layout.lines.size(), 1u);
  EXPECT_EQ(layout.lines[0].text, "東");
  EXPECT_TRUE(layout.lines[0].ruby.empty());
}

TEST(RubyLayout, MalformedReadingsAndBasesAreSanitised) {
  const Layout layout =
      Lay({{"\xFF", "\xC3"}, {"", "よみ"}, {"字", "   "}, {"a\nb", "x\ny"}}, Box(20));
  ASSERT_EQ(layout.lines.size(), 1u);
  EXPECT_EQ(layout.lines[0].text, "\uFFFD字a b");
  ASSERT_EQ(layout.lines[0].ruby.size(), 2u);
  EXPECT_EQ(layout.lines[0].ruby[0].text, "\uFFFD");
  EXPECT_EQ(layout.lines[0].ruby[1].text, "x y");
}

}  // namespace
}  // namespace machikado::text
