// Calendar arithmetic against known dates.
#include "core/civil_date.h"

#include <gtest/gtest.h>

namespace machikado {
namespace {

TEST(CivilDate, DaysFromCivilKnownDates) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2026, 11, 23), 20780);  // 1795392000 / 86400
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28), 2);
}

TEST(CivilDate, MonthsAndLeapYears) {
  EXPECT_EQ(DaysInMonth(2024, 2), 29u);
  EXPECT_EQ(DaysInMonth(2026, 2), 28u);
  EXPECT_EQ(DaysInMonth(1900, 2), 28u);
  EXPECT_EQ(DaysInMonth(2000, 2), 29u);
  EXPECT_EQ(DaysInMonth(2026, 12), 31u);
  EXPECT_EQ(DaysInMonth(2026, 13), 0u);
  EXPECT_EQ(DaysInMonth(2026, 0), 0u);
}

TEST(CivilDate, Weekdays) {
  EXPECT_EQ(WeekdayOfDays(DaysFromCivil(1970, 1, 1)), 4);
  EXPECT_EQ(WeekdayOfDays(DaysFromCivil(2026, 12, 6)), 0);
  EXPECT_EQ(WeekdayOfDays(DaysFromCivil(1969, 12, 28)), 0);  // before the epoch
}

}  // namespace
}  // namespace machikado
