// DecodeCsvBytes: BOMs, plain UTF-8, CP932 (Shift_JIS) through ICU, and bytes that are neither.
#include "opendata/text_encoding.h"

#include <gtest/gtest.h>

namespace machikado::opendata {
namespace {

TEST(OpendataEncoding, StripsUtf8Bom) {
  auto d = DecodeCsvBytes("\xEF\xBB\xBF名称,緯度\n");
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d->encoding, SourceEncoding::kUtf8Bom);
  EXPECT_EQ(d->utf8, "名称,緯度\n");
}

TEST(OpendataEncoding, KeepsValidUtf8WithoutBom) {
  auto d = DecodeCsvBytes("名称\n");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->encoding, SourceEncoding::kUtf8);
  EXPECT_EQ(d->utf8, "名称\n");
}

TEST(OpendataEncoding, ReadsShiftJisAsCp932) {
  // 「名称,ｶﾅ」 in CP932: 96BC 8FCC 2C B6 C5, and the NEC special 「①」 (8740).
  auto d = DecodeCsvBytes("\x96\xBC\x8F\xCC,\xB6\xC5\x87\x40\r\n");
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d->encoding, SourceEncoding::kCp932);
  EXPECT_EQ(d->utf8, "名称,ｶﾅ①\r\n");
}

TEST(OpendataEncoding, ReadsUtf16WithBom) {
  auto d = DecodeCsvBytes(std::string("\xFF\xFE\x0D\x54\xF0\x79", 6));  // 名称, UTF-16LE
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d->encoding, SourceEncoding::kUtf16Bom);
  EXPECT_EQ(d->utf8, "名称");
}

TEST(OpendataEncoding, RejectsBytesThatAreNeitherUtf8NorCp932) {
  auto d = DecodeCsvBytes("ok,\x85\x40\n");  // 0x85 0x40 is unassigned in CP932
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("neither UTF-8 nor Shift_JIS"), std::string::npos)
      << d.status().message();
}

TEST(OpendataEncoding, RejectsBrokenUtf8AfterABom) {
  auto d = DecodeCsvBytes("\xEF\xBB\xBFok\xFF\n");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("BOM"), std::string::npos);
}

}  // namespace
}  // namespace machikado::opendata
