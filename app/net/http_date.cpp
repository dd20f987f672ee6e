#include "net/http_date.h"

#include <array>
#include <cctype>
#include <cstdio>

#include "core/civil_date.h"

namespace machikado::net {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 7> kWeekdays = {"Thu", "Fri", "Sat", "Sun",
                                                       "Mon", "Tue", "Wed"};  // 1970-01-01 = Thu

// A tiny cursor over the date string; every reader skips leading spaces.
struct Cursor {
  std::string_view s;
  size_t i = 0;
  void SkipSpaces() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  }
  bool Eat(char c) {
    SkipSpaces();
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  }
  std::string_view Word() {
    SkipSpaces();
    size_t b = i;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(b, i - b);
  }
  // Reads 1..max_digits digits; -1 when none.
  int64_t Number(int max_digits) {
    SkipSpaces();
    int64_t v = 0;
    int n = 0;
    while (i < s.size() && n < max_digits && std::isdigit(static_cast<unsigned char>(s[i]))) {
      v = v * 10 + (s[i] - '0');
      ++i;
      ++n;
    }
    return n == 0 ? -1 : v;
  }
  bool AtEnd() {
    SkipSpaces();
    return i == s.size();
  }
};

int MonthIndex(std::string_view w) {
  if (w.size() != 3) return -1;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    bool eq = true;
    for (size_t k = 0; k < 3; ++k)
      eq = eq && std::tolower(static_cast<unsigned char>(w[k])) == kMonths[m][k];
    if (eq) return static_cast<int>(m) + 1;
  }
  return -1;
}

bool ReadTime(Cursor& c, int64_t& h, int64_t& mi, int64_t& sec) {
  h = c.Number(2);
  if (h < 0 || !c.Eat(':')) return false;
  mi = c.Number(2);
  if (mi < 0 || !c.Eat(':')) return false;
  sec = c.Number(2);
  return sec >= 0 && h <= 23 && mi <= 59 && sec <= 60;  // 60: a leap second, tolerated
}

bool ReadGmt(Cursor& c) {
  std::string_view z = c.Word();
  return z == "GMT" || z == "UTC" || z == "gmt";
}

std::optional<UnixSeconds> Assemble(int64_t y, int m, int64_t d, int64_t h, int64_t mi,
                                    int64_t sec) {
  if (m < 1 || y < 1 || d < 1 || d > DaysInMonth(y, static_cast<unsigned>(m))) return std::nullopt;
  return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400 + h * 3600 +
         mi * 60 + sec;
}

}  // namespace

std::optional<UnixSeconds> ParseHttpDate(std::string_view s) {
  Cursor c{s};
  std::string_view wd = c.Word();
  if (wd.size() < 3) return std::nullopt;
  int64_t h = 0, mi = 0, sec = 0;
  if (c.Eat(',')) {
    int64_t day = c.Number(2);
    if (day < 0) return std::nullopt;
    if (c.Eat('-')) {  // RFC 850: 06-Nov-94
      int m = MonthIndex(c.Word());
      if (!c.Eat('-')) return std::nullopt;
      int64_t y = c.Number(4);
      if (y < 0) return std::nullopt;
      if (y < 100)
        y += y < 70 ? 2000 : 1900;  // RFC 7231: a two-digit year more than 50 years ahead
                                    // is in the past; this pivot is its practical reading
      if (!ReadTime(c, h, mi, sec) || !ReadGmt(c) || !c.AtEnd()) return std::nullopt;
      return Assemble(y, m, day, h, mi, sec);
    }
    int m = MonthIndex(c.Word());  // IMF-fixdate: 06 Nov 1994
    int64_t y = c.Number(4);
    if (y < 0 || !ReadTime(c, h, mi, sec) || !ReadGmt(c) || !c.AtEnd()) return std::nullopt;
    return Assemble(y, m, day, h, mi, sec);
  }
  // asctime: Sun Nov  6 08:49:37 1994
  int m = MonthIndex(c.Word());
  int64_t day = c.Number(2);
  if (day < 0 || !ReadTime(c, h, mi, sec)) return std::nullopt;
  int64_t y = c.Number(4);
  if (y < 0 || !c.AtEnd()) return std::nullopt;
  return Assemble(y, m, day, h, mi, sec);
}

std::string FormatHttpDate(UnixSeconds t) {
  int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  int64_t secs = t - days * 86400;
  // civil_from_days (Hinnant).
  int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  const int64_t wd = ((days % 7) + 7) % 7;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*s, %02u %c%c%c %04lld %02lld:%02lld:%02lld GMT", 3,
                kWeekdays[wd].data(), d, kMonths[m - 1][0] - 32, kMonths[m - 1][1],
                kMonths[m - 1][2], static_cast<long long>(y), static_cast<long long>(secs / 3600),
                static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
  return buf;
}

}  // namespace machikado::net
