// ReadCsvRows: RFC 4180 records over libcsv, with the physical line each record starts on.
#include "opendata/csv_reader.h"

#include <gtest/gtest.h>

namespace machikado::opendata {
namespace {

using Fields = std::vector<std::string>;

TEST(OpendataCsvReader, NamesTheLineEachRecordStartsOnAcrossQuotedLineFeeds) {
  auto rows = ReadCsvRows("a,b\r\n1,\"two\r\nlines\"\r\n\r\n\"x\ny\",3\r\nlast,4");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_EQ((*rows)[0].line, 1u);
  EXPECT_EQ((*rows)[1].line, 2u);
  EXPECT_EQ((*rows)[1].fields, (Fields{"1", "two\r\nlines"}));
  EXPECT_EQ((*rows)[2].line, 5u);  // line 4 is blank
  EXPECT_EQ((*rows)[2].fields, (Fields{"x\ny", "3"}));
  EXPECT_EQ((*rows)[3].line, 7u);
  EXPECT_EQ((*rows)[3].fields, (Fields{"last", "4"}));
}

TEST(OpendataCsvReader, KeepsCommasAndDoubledQuotesInsideQuotes) {
  auto rows = ReadCsvRows("\"50,700 \",\"say \"\"hi\"\"\",\n");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].fields, (Fields{"50,700 ", "say \"hi\"", ""}));
}

TEST(OpendataCsvReader, ReadsLoneCarriageReturnsAsLineEnds) {
  auto rows = ReadCsvRows("a\rb\rc");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[2].line, 3u);
}

TEST(OpendataCsvReader, RejectsAQuoteThatNeverCloses) {
  auto rows = ReadCsvRows("a,b\n1,\"open\n2,3\n");
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("closing quote"), std::string::npos)
      << rows.status().message();
}

TEST(OpendataCsvReader, StopsAtTheRowCap) {
  CsvLimits limits;
  limits.max_rows = 2;
  auto rows = ReadCsvRows("1\n2\n3\n", limits);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), StatusCode::kLimitExceeded);
}

TEST(OpendataCsvReader, StopsAtTheFieldLengthCap) {
  CsvLimits limits;
  limits.max_field_bytes = 4;
  auto rows = ReadCsvRows("ok\nabcde\n", limits);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), StatusCode::kLimitExceeded);
  EXPECT_NE(rows.status().message().find("line 2"), std::string::npos) << rows.status().message();
}

TEST(OpendataCsvReader, StopsAtTheColumnCap) {
  CsvLimits limits;
  limits.max_fields = 3;
  auto rows = ReadCsvRows("a,b,c,d\n", limits);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), StatusCode::kLimitExceeded);
}

TEST(OpendataCsvReader, RefusesTextOverTheByteCapBeforeParsing) {
  CsvLimits limits;
  limits.max_bytes = 3;
  auto rows = ReadCsvRows("abcd", limits);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), StatusCode::kLimitExceeded);
}

TEST(OpendataCsvReader, CountsLineBreaksOfEveryKind) {
  EXPECT_EQ(CountLineBreaks("a\r\nb\nc\rd"), 3u);
  EXPECT_EQ(CountLineBreaks("\r"), 1u);
  EXPECT_EQ(CountLineBreaks(""), 0u);
}

}  // namespace
}  // namespace machikado::opendata
