#include "net/http_date.h"

#include <gtest/gtest.h>

namespace machikado::net {
namespace {

constexpr UnixSeconds k1994 = 784111777;  // 1994-11-06T08:49:37Z (RFC 7231's example)

TEST(HttpDate, ParsesImfFixdate) {
  EXPECT_EQ(ParseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), k1994);
}

TEST(HttpDate, ParsesObsoleteRfc850AndAsctimeForms) {
  EXPECT_EQ(ParseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"), k1994);
  EXPECT_EQ(ParseHttpDate("Sun Nov  6 08:49:37 1994"), k1994);
}

TEST(HttpDate, ReadsTwoDigitYearsBelow70AsThisCentury) {
  EXPECT_EQ(ParseHttpDate("Monday, 23-Nov-26 00:00:00 GMT"), 1795392000);
}

TEST(HttpDate, IsLenientAboutCaseAndExtraSpaces) {
  EXPECT_EQ(ParseHttpDate("  Sun,  06 NOV 1994 08:49:37 GMT "), k1994);
}

TEST(HttpDate, RejectsMalformedDates) {
  EXPECT_FALSE(ParseHttpDate(""));
  EXPECT_FALSE(ParseHttpDate("yesterday"));
  EXPECT_FALSE(ParseHttpDate("Sun, 06 Nov 1994 08:49 GMT"));
  EXPECT_FALSE(ParseHttpDate("Sun, 31 Feb 2026 08:49:37 GMT"));
  EXPECT_FALSE(ParseHttpDate("Sun, 06 Foo 1994 08:49:37 GMT"));
  EXPECT_FALSE(ParseHttpDate("Sun, 06 Nov 1994 25:49:37 GMT"));
  EXPECT_FALSE(ParseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT trailing"));
  EXPECT_FALSE(ParseHttpDate("120"));
}

TEST(HttpDate, AcceptsLeapDay) {
  EXPECT_EQ(ParseHttpDate("Thu, 29 Feb 2024 00:00:00 GMT"), 1709164800);
}

TEST(HttpDate, FormatsImfFixdateThatParsesBack) {
  EXPECT_EQ(FormatHttpDate(k1994), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(FormatHttpDate(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(FormatHttpDate(1795392000), "Mon, 23 Nov 2026 00:00:00 GMT");
  for (UnixSeconds t : {UnixSeconds{951782400}, UnixSeconds{4102444799}, UnixSeconds{1}}) {
    EXPECT_EQ(ParseHttpDate(FormatHttpDate(t)), t) << FormatHttpDate(t);
  }
}

}  // namespace
}  // namespace machikado::net
