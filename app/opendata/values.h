// Reading one cell's value as found in real municipal CSVs: designation flags (1, ○, ◎, 〇 …),
// head counts ("50,700 ", 「１２０人」), coordinates, dates (2022-03-10, 2020/10/4, 5/16/2020,
// 2020.10/5, 「令和2年5月16日」, "8/2/2020  3:30:00 PM") and times (09:30, 9時30分, 3:30 PM).
// Each parser takes the trimmed cell and returns nullopt (or an error for staff) when it cannot
// read it. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace machikado::opendata {

enum class Flag { kYes, kNo, kConditional };

// "1", "○", "◯", "〇", "◎", "●", "有", "可", "yes", "true" → yes; "", "0", "×", "-", "無", "不可",
// "no", "false" → no; "△" (conditionally suitable) → conditional; anything else → nullopt.
std::optional<Flag> ParseFlag(std::string_view cell);

// A non-negative head count: digits with optional thousands separators, an optional trailing 人
// or 名; full-width digits accepted. nullopt for anything else.
std::optional<int64_t> ParseCount(std::string_view cell);

// A decimal coordinate within [lo, hi]; full-width digits accepted.
std::optional<double> ParseCoordinate(std::string_view cell, double lo, double hi);

struct CivilDate {
  int year = 0, month = 0, day = 0;
  bool operator==(const CivilDate&) const = default;
};
struct CivilTime {
  int hour = 0, minute = 0;  // hour 0–24 (24:00 = the end of the day)
  bool operator==(const CivilTime&) const = default;
};

// A date, optionally followed by a time ("8/2/2020  3:30:00 PM"): the time is returned in `*time`
// when `time` is non-null and one is present.
Result<CivilDate> ParseDate(std::string_view cell, std::optional<CivilTime>* time = nullptr);
Result<CivilTime> ParseTime(std::string_view cell);

// Seconds since the epoch of `date` at `time` in Japan (+09:00).
int64_t JapanInstant(const CivilDate& date, const CivilTime& time);

}  // namespace machikado::opendata
