#include "feed/ruby.h"

#include <gtest/gtest.h>

namespace machikado::feed {
namespace {

std::vector<RubySegment> Ok(std::string_view s) {
  auto r = ParseRuby(s);
  EXPECT_TRUE(r.ok()) << s << ": " << r.status().message();
  return r.ok() ? *r : std::vector<RubySegment>{};
}

std::string ErrorOf(std::string_view s) {
  auto r = ParseRuby(s);
  EXPECT_FALSE(r.ok()) << s << " was accepted";
  return r.ok() ? "" : r.status().message();
}

TEST(RubyTest, PlainTextIsOneSegment) {
  EXPECT_EQ(Ok("防災訓練のお知らせ"), (std::vector<RubySegment>{{"防災訓練のお知らせ", ""}}));
  EXPECT_TRUE(Ok("").empty());
}

TEST(RubyTest, SplitsBaseAndReading) {
  EXPECT_EQ(Ok("{避難|ひなん}してください"),
            (std::vector<RubySegment>{{"避難", "ひなん"}, {"してください", ""}}));
  EXPECT_EQ(Ok("{地震|じしん}と{津波|つなみ}"),
            (std::vector<RubySegment>{{"地震", "じしん"}, {"と", ""}, {"津波", "つなみ"}}));
  EXPECT_EQ(Ok("{A|B}{C|D}"), (std::vector<RubySegment>{{"A", "B"}, {"C", "D"}}));
}

TEST(RubyTest, DoubledBracesAreLiteralAndMergeWithPlainText) {
  EXPECT_EQ(Ok("a{{b}}c"), (std::vector<RubySegment>{{"a{b}c", ""}}));
  EXPECT_EQ(Ok("{{{漢|かん}}}"), (std::vector<RubySegment>{{"{", ""}, {"漢", "かん"}, {"}", ""}}));
  EXPECT_EQ(Ok("a|b"), (std::vector<RubySegment>{{"a|b", ""}}));
}

TEST(RubyTest, RejectsUnclosedBrace) {
  const std::string m = ErrorOf("これは{避難|ひなん");
  EXPECT_NE(m.find("character 4"), std::string::npos) << m;
  EXPECT_NE(m.find("never closed"), std::string::npos) << m;
}

TEST(RubyTest, RejectsMissingBar) {
  EXPECT_NE(ErrorOf("{避難}").find("no '|'"), std::string::npos);
}

TEST(RubyTest, RejectsEmptyBaseOrReading) {
  EXPECT_NE(ErrorOf("{|ひなん}").find("no text before '|'"), std::string::npos);
  EXPECT_NE(ErrorOf("{避難|}").find("empty reading"), std::string::npos);
}

TEST(RubyTest, RejectsSecondBar) {
  EXPECT_NE(ErrorOf("{避難|ひ|なん}").find("more than one '|'"), std::string::npos);
}

TEST(RubyTest, RejectsStrayClosingBrace) {
  const std::string m = ErrorOf("避難}する");
  EXPECT_NE(m.find("'}' at character 3"), std::string::npos) << m;
  EXPECT_NE(m.find("}}"), std::string::npos) << m;
}

TEST(RubyTest, RejectsNestedBrace) {
  const std::string m = ErrorOf("{避{難|ひなん}");
  EXPECT_NE(m.find("nested"), std::string::npos) << m;
  EXPECT_NE(m.find("character 3"), std::string::npos) << m;
}

TEST(RubyTest, MarkupRoundTrips) {
  const std::vector<RubySegment> segs{{"今日は{晴れ}", ""}, {"避難", "ひなん"}, {"|です", ""}};
  EXPECT_EQ(Ok(ToRubyMarkup(segs)), segs);
  EXPECT_EQ(EscapeRubyText("{x}"), "{{x}}");
}

}  // namespace
}  // namespace machikado::feed
