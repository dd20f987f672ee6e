// Cell parsers over the forms found in real files (see ../shared/testdata/opendata/README.md).
#include "opendata/values.h"

#include <gtest/gtest.h>

#include "opendata/normalize.h"

namespace machikado::opendata {
namespace {

CivilDate D(int y, int m, int d) {
  return CivilDate{y, m, d};
}

TEST(OpendataValues, ReadsDatesInEveryFormFoundInRealFiles) {
  for (const auto& [cell, want] : std::vector<std::pair<std::string, CivilDate>>{
           {"2022-03-10", D(2022, 3, 10)},
           {"2020/10/4", D(2020, 10, 4)},
           {"5/16/2020", D(2020, 5, 16)},
           {"12/10/2020", D(2020, 12, 10)},
           {"2020.10/15", D(2020, 10, 15)},
           {"2020年5月16日", D(2020, 5, 16)},
           {"令和2年5月16日", D(2020, 5, 16)},
           {"令和元年5月1日", D(2019, 5, 1)},
           {"平成31年4月30日", D(2019, 4, 30)},
           {"R2.5.16", D(2020, 5, 16)},
           {"２０２０／５／１６", D(2020, 5, 16)},
           {"2020/5/16(土)", D(2020, 5, 16)},
       }) {
    auto d = ParseDate(cell);
    ASSERT_TRUE(d.ok()) << cell << ": " << d.status().message();
    EXPECT_EQ(*d, want) << cell;
  }
}

TEST(OpendataValues, ReadsTheTimeSpreadsheetsAppendToADate) {
  std::optional<CivilTime> t;
  auto d = ParseDate("8/2/2020  3:30:00 PM", &t);
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(*d, D(2020, 8, 2));
  ASSERT_TRUE(t);
  EXPECT_EQ(*t, (CivilTime{15, 30}));
}

TEST(OpendataValues, RejectsImpossibleDatesWithAReason) {
  for (const char* cell : {"2021/2/29", "13/1/2020", "5/16/20", "2020/5", "soon", "2020/5/16 x"}) {
    auto d = ParseDate(cell);
    EXPECT_FALSE(d.ok()) << cell;
    if (!d.ok()) {
      EXPECT_NE(d.status().message().find(cell), std::string::npos);
    }
  }
}

TEST(OpendataValues, ReadsTimes) {
  EXPECT_EQ(*ParseTime("09:30"), (CivilTime{9, 30}));
  EXPECT_EQ(*ParseTime("9:30:00"), (CivilTime{9, 30}));
  EXPECT_EQ(*ParseTime("１３：００"), (CivilTime{13, 0}));
  EXPECT_EQ(*ParseTime("9時30分"), (CivilTime{9, 30}));
  EXPECT_EQ(*ParseTime("14時"), (CivilTime{14, 0}));
  EXPECT_EQ(*ParseTime("午後1時半"), (CivilTime{13, 30}));
  EXPECT_EQ(*ParseTime("12:00 AM"), (CivilTime{0, 0}));
  EXPECT_EQ(*ParseTime("24:00"), (CivilTime{24, 0}));
  EXPECT_FALSE(ParseTime("25:00").ok());
  EXPECT_FALSE(ParseTime("9:5").ok());
  EXPECT_FALSE(ParseTime("10:00~").ok());
}

TEST(OpendataValues, ReadsHeadCountsAsWritten) {
  EXPECT_EQ(ParseCount("50,700 "), 50700);
  EXPECT_EQ(ParseCount("900 "), 900);
  EXPECT_EQ(ParseCount("１，２００人"), 1200);
  EXPECT_EQ(ParseCount("0"), 0);
  EXPECT_FALSE(ParseCount("約100"));
  EXPECT_FALSE(ParseCount(",100"));
  EXPECT_FALSE(ParseCount(""));
}

TEST(OpendataValues, ReadsDesignationFlags) {
  for (const char* yes : {"1", "○", "◯", "〇", "◎", "●", "有", "可", "TRUE", "１"})
    EXPECT_EQ(ParseFlag(yes), Flag::kYes) << yes;
  for (const char* no : {"", "0", "×", "-", "無", "不可", "　"})
    EXPECT_EQ(ParseFlag(no), Flag::kNo) << no;
  EXPECT_EQ(ParseFlag("△"), Flag::kConditional);
  EXPECT_FALSE(ParseFlag("2階以上"));
}

TEST(OpendataValues, ReadsCoordinatesWithinRange) {
  EXPECT_DOUBLE_EQ(*ParseCoordinate("33.84199297", -90, 90), 33.84199297);
  EXPECT_DOUBLE_EQ(*ParseCoordinate("１３９．９", -180, 180), 139.9);
  EXPECT_FALSE(ParseCoordinate("139.9", -90, 90));
  EXPECT_FALSE(ParseCoordinate("35.1N", -90, 90));
}

TEST(OpendataValues, PlacesACivilTimeInJapan) {
  EXPECT_EQ(JapanInstant(D(2026, 11, 23), CivilTime{9, 0}), 1795392000);  // 00:00Z
  EXPECT_EQ(JapanInstant(D(1970, 1, 1), CivilTime{9, 0}), 0);
}

TEST(OpendataNormalize, WidensHalfWidthKanaAndNarrowsFullWidthDigitsOnly) {
  EXPECT_EQ(DisplayText("ｹﾝﾘﾂｺｸﾌﾞﾝｺｳｺｳ"), "ケンリツコクブンコウコウ");
  EXPECT_EQ(DisplayText("第５期（ＡＢ）～"), "第5期（AB）～");  // brackets and wave dash kept
  EXPECT_EQ(DisplayText("　名称 \r\n次\r"), "名称 \n次");
  EXPECT_EQ(Nfkc("ｶﾞ（１）"), "ガ(1)");
  EXPECT_EQ(ColumnKey("連絡先備考（その他、SNSなど）"), ColumnKey("連絡先備考(その他、SNSなど)"));
  EXPECT_EQ(ColumnKey(" Lat "), "lat");
}

}  // namespace
}  // namespace machikado::opendata
