#include "text/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace machikado::text {
namespace {

TEST(Utf8, DecodesWellFormedSequences) {
  size_t len = 0;
  EXPECT_EQ(DecodeUtf8("A", 0, &len), U'A');
  EXPECT_EQ(len, 1u);
  EXPECT_EQ(DecodeUtf8("é", 0, &len), U'é');
  EXPECT_EQ(len, 2u);
  EXPECT_EQ(DecodeUtf8("あ", 0, &len), U'あ');
  EXPECT_EQ(len, 3u);
  EXPECT_EQ(DecodeUtf8("👍", 0, &len), U'👍');
  EXPECT_EQ(len, 4u);
}

TEST(Utf8, IllFormedBytesDecodeAsReplacementOneByteAtATime) {
  for (const char* bad : {"\x80", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                          "\xF8\x88\x80\x80\x80", "\xE3\x81", "\xFF"}) {
    size_t len = 0;
    EXPECT_EQ(DecodeUtf8(bad, 0, &len), kReplacementChar) << bad;
    EXPECT_EQ(len, 1u);
  }
}

TEST(Utf8, SanitiseReplacesBadBytesAndNormalisesBreaks) {
  std::string out;
  SanitizeUtf8(
      "a\xFF"
      "b\r\nc\rd\te\u2028f\u2029g\x01\uFEFF\uFFFF",
      /*newlines=*/true, &out);
  EXPECT_EQ(out, "a\uFFFDb\nc\nd e\nf\n\ng");
  out.clear();
  SanitizeUtf8("x\ny\u2029z", /*newlines=*/false, &out);
  EXPECT_EQ(out, "x y  z");
}

TEST(Utf8, AppendEncodesEveryLength) {
  std::string out;
  for (char32_t cp : {U'A', U'é', U'あ', U'👍'}) AppendUtf8(cp, &out);
  EXPECT_EQ(out, "Aéあ👍");
}

}  // namespace
}  // namespace machikado::text
