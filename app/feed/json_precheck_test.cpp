#include "feed/json_precheck.h"

#include <gtest/gtest.h>

namespace machikado::feed {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_FALSE(FindInvalidUtf8("abc 防災 한국어 tiếng Việt 😀").has_value());
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST(Utf8Test, RejectsMalformedSequencesWithPosition) {
  auto p = FindInvalidUtf8("{\n  \"title\": \"\x93\xfa\x96\x7b\"\n}");  // Shift_JIS 日本
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->where.line, 2u);
  EXPECT_EQ(p->where.column, 13u);
  EXPECT_NE(p->message.find("0x93"), std::string::npos);
  EXPECT_NE(p->message.find("Shift_JIS"), std::string::npos);
  for (std::string_view bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                               "\xF8\x88\x80\x80\x80", "\xE6\x97", "\x80", "\xFF"})
    EXPECT_FALSE(IsValidUtf8(bad)) << "accepted a malformed sequence of " << bad.size() << " bytes";
}

TEST(Utf8Test, CountsCodePoints) {
  EXPECT_EQ(CountCodePoints("避難abc😀"), 6u);
  EXPECT_EQ(CountCodePoints(""), 0u);
}

TEST(DepthTest, CountsNestingOutsideStrings) {
  EXPECT_FALSE(FindTooDeepNesting("[[[]]]", 3).has_value());
  auto p = FindTooDeepNesting("[[[[]]]]", 3);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->where.offset, 3u);
  EXPECT_FALSE(FindTooDeepNesting(R"({"a": "[[[[[[\"[[[[", "b": [{}]})", 3).has_value());
  EXPECT_FALSE(FindTooDeepNesting(R"(["\\", [[]]])", 3).has_value());
  EXPECT_TRUE(FindTooDeepNesting(R"(["\\", [[[]]]])", 3).has_value());
}

TEST(DepthTest, Handles100000OpeningBracketsWithoutRecursion) {
  const std::string deep(100000, '[');
  auto p = FindTooDeepNesting(deep, 32);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->where.offset, 32u);
}

}  // namespace
}  // namespace machikado::feed
