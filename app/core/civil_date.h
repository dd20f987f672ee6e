// Calendar arithmetic on proleptic Gregorian dates, shared by every reader of dates (HTTP dates,
// feed lints, open-data CSVs). Pure functions; thread-safe.
#pragma once

#include <cstdint>

namespace machikado {

bool IsLeapYear(int64_t year);

// Days in `month` (1–12) of `year`; 0 for a month out of range.
unsigned DaysInMonth(int64_t year, unsigned month);

// Days since 1970-01-01 (H. Hinnant's days_from_civil); month 1–12, day 1–31, not range-checked.
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);

// 0 = Sunday … 6 = Saturday for a day count from DaysFromCivil.
int WeekdayOfDays(int64_t days);

}  // namespace machikado
