#include "feed/datetime.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace machikado::feed {
namespace {

constexpr std::string_view kExample = "2026-11-23T09:00:00+09:00";

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Reads exactly `n` digits at `pos`; -1 when any is missing.
int Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!IsDigit(s[i])) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// The input as shown in a message: quoted, cut after 40 bytes (at a UTF-8 boundary).
std::string Shown(std::string_view s) {
  if (s.size() <= 40) return "\"" + std::string(s) + "\"";
  size_t cut = 40;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + std::string(s.substr(0, cut)) + "…\"";
}

Status Bad(std::string_view text, const std::string& why) {
  return Status::Invalid(Shown(text) + " " + why);
}

const char* const kMonthNames[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

}  // namespace

Result<DateTime> ParseRfc3339(std::string_view s) {
  const std::string expected =
      "; expected a date and time with an offset, e.g. " + std::string(kExample);
  if (s.empty()) return Status::Invalid("the date is empty" + expected);
  // Date: YYYY-MM-DD
  const int year = Digits(s, 0, 4), month = Digits(s, 5, 2), day = Digits(s, 8, 2);
  if (year < 0 || month < 0 || day < 0 || s.size() < 10 || s[4] != '-' || s[7] != '-')
    return Bad(s, "is not a date in the form YYYY-MM-DD" + expected);
  if (s.size() == 10) return Bad(s, "has a date but no time" + expected);
  if (s[10] == ' ')
    return Bad(
        s, "has a space between date and time: write the letter T, e.g. " + std::string(kExample));
  if (s[10] != 'T' && s[10] != 't')
    return Bad(s, "must have the letter T after the date" + expected);
  // Time: hh:mm:ss
  const int hour = Digits(s, 11, 2), minute = Digits(s, 14, 2);
  if (hour < 0 || minute < 0 || s.size() < 16 || s[13] != ':')
    return Bad(s, "does not have a time in the form hh:mm:ss after the T" + expected);
  if (s.size() == 16 || s[16] != ':') return Bad(s, "has no seconds (hh:mm:ss)" + expected);
  const int second = Digits(s, 17, 2);
  if (second < 0) return Bad(s, "does not have two-digit seconds (hh:mm:ss)" + expected);
  size_t pos = 19;
  int nanos = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    size_t digits = 0;
    int scale = 100'000'000;
    while (pos < s.size() && IsDigit(s[pos])) {
      if (digits < 9) {
        nanos += (s[pos] - '0') * scale;
        scale /= 10;
      }
      ++digits;
      ++pos;
    }
    if (digits == 0) return Bad(s, "has a '.' after the seconds but no digits" + expected);
  }
  // Offset: Z or ±hh:mm
  if (pos == s.size())
    return Bad(s, "has no offset: add +09:00 for Japan time or Z for UTC at the end, e.g. " +
                      std::string(kExample));
  int offset_s = 0;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    const int oh = Digits(s, pos + 1, 2), om = Digits(s, pos + 4, 2);
    if (oh < 0 || om < 0 || pos + 3 >= s.size() || s[pos + 3] != ':')
      return Bad(s, "has an offset that is not written as +hh:mm or -hh:mm (e.g. +09:00)");
    if (oh > 23)
      return Bad(s, "has an offset hour " + std::to_string(oh) + " out of range (00–23)");
    if (om > 59)
      return Bad(s, "has an offset minute " + std::to_string(om) + " out of range (00–59)");
    offset_s = (oh * 3600 + om * 60) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return Bad(
        s, "has no valid offset after the time: write +09:00 for Japan time or Z for UTC, e.g. " +
               std::string(kExample));
  }
  if (pos != s.size()) return Bad(s, "has extra characters after the offset" + expected);

  // Ranges.
  if (month < 1 || month > 12)
    return Bad(s, "has month " + std::to_string(month) + " out of range (01–12)");
  using namespace std::chrono;
  const year_month_day ymd{std::chrono::year{year},
                           std::chrono::month{static_cast<unsigned>(month)},
                           std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) {
    const unsigned last = static_cast<unsigned>(year_month_day_last{
        std::chrono::year{year}, month_day_last{std::chrono::month{static_cast<unsigned>(
                                     month)}}}.day());
    return Bad(s, "is not a real date: " + std::string(kMonthNames[month - 1]) + " " +
                      std::to_string(year) + " has days 01–" + std::to_string(last));
  }
  if (hour > 23) return Bad(s, "has hour " + std::to_string(hour) + " out of range (00–23)");
  if (minute > 59) return Bad(s, "has minute " + std::to_string(minute) + " out of range (00–59)");
  if (second > 60)
    return Bad(
        s, "has second " + std::to_string(second) + " out of range (00–59, 60 for a leap second)");

  const int64_t days = sys_days{ymd}.time_since_epoch().count();
  DateTime dt;
  dt.unix = days * 86400 + hour * 3600 + minute * 60 + second - offset_s;
  dt.offset_s = offset_s;
  dt.nanos = nanos;
  return dt;
}

std::string FormatRfc3339(UnixSeconds t, int offset_s) {
  offset_s = std::clamp(offset_s, -(23 * 3600 + 59 * 60), 23 * 3600 + 59 * 60);
  using namespace std::chrono;
  const int64_t local = t + offset_s;
  int64_t days = local / 86400, secs = local % 86400;
  if (secs < 0) {
    secs += 86400;
    days -= 1;
  }
  const year_month_day ymd{sys_days{std::chrono::days{days}}};
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d",
                        static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                        static_cast<unsigned>(ymd.day()), static_cast<int>(secs / 3600),
                        static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
  std::string out(buf, static_cast<size_t>(n));
  if (offset_s == 0) return out + "Z";
  const int a = offset_s < 0 ? -offset_s : offset_s;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_s < 0 ? '-' : '+', a / 3600, a / 60 % 60);
  return out + buf;
}

}  // namespace machikado::feed
