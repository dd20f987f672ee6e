// Cell value parsers. Every cell goes through NFKC first, so 「２０２０／５／１６」 reads like
// "2020/5/16" and 「５０，７００」 like "50,700".
#include "opendata/values.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <vector>

#include "core/civil_date.h"
#include "opendata/normalize.h"

namespace machikado::opendata {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Reads digits at s[*pos] (at most 9); returns -1 when there are none.
int ReadNumber(std::string_view s, size_t* pos, size_t* digits = nullptr) {
  size_t i = *pos;
  int v = 0;
  while (i < s.size() && IsDigit(s[i]) && i - *pos < 9) v = v * 10 + (s[i++] - '0');
  if (digits) *digits = i - *pos;
  if (i == *pos) return -1;
  *pos = i;
  return v;
}

void SkipSpaces(std::string_view s, size_t* pos) {
  while (*pos < s.size() && (s[*pos] == ' ' || s[*pos] == '\t')) ++*pos;
}

bool Consume(std::string_view s, size_t* pos, std::string_view token) {
  if (s.substr(*pos, token.size()) != token) return false;
  *pos += token.size();
  return true;
}

Status BadDate(std::string_view cell, std::string_view why) {
  return Status::Invalid("the date \"" + std::string(cell) + "\" " + std::string(why));
}

// Reads "h:mm[:ss][ ]AM|PM" or "h時[m分]" (with 午前/午後) at *pos; nullopt when none.
std::optional<CivilTime> ReadTime(std::string_view s, size_t* pos, std::string* why) {
  size_t i = *pos;
  int pm = -1;  // -1 none, 0 AM, 1 PM
  if (Consume(s, &i, "午前"))
    pm = 0;
  else if (Consume(s, &i, "午後"))
    pm = 1;
  SkipSpaces(s, &i);
  const int h = ReadNumber(s, &i);
  if (h < 0) return std::nullopt;
  int m = 0;
  if (Consume(s, &i, ":")) {
    size_t digits = 0;
    m = ReadNumber(s, &i, &digits);
    if (m < 0 || digits != 2) return *why = "has no two-digit minutes", std::nullopt;
    if (Consume(s, &i, ":")) {
      if (ReadNumber(s, &i, &digits) < 0 || digits != 2)
        return *why = "has bad seconds", std::nullopt;
    }
  } else if (Consume(s, &i, "時")) {
    if (Consume(s, &i, "半")) {
      m = 30;
    } else {
      const size_t before = i;
      m = ReadNumber(s, &i);
      if (m < 0) {
        m = 0;
        i = before;
      } else if (!Consume(s, &i, "分")) {
        return *why = "has minutes without 分", std::nullopt;
      }
    }
  } else {
    return std::nullopt;
  }
  SkipSpaces(s, &i);
  std::string rest(s.substr(i, 2));
  for (char& c : rest) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (pm < 0 && (rest == "AM" || rest == "PM")) {
    pm = rest == "PM";
    i += 2;
  }
  int hour = h;
  if (pm >= 0) {
    if (h < 1 || h > 12) return *why = "has an hour outside 1–12 with AM/PM", std::nullopt;
    hour = (h % 12) + (pm == 1 ? 12 : 0);
  }
  if (hour > 24 || m > 59 || (hour == 24 && m != 0))
    return *why = "is not a time of day", std::nullopt;
  *pos = i;
  return CivilTime{hour, m};
}

}  // namespace

std::optional<Flag> ParseFlag(std::string_view cell) {
  const std::string v = ColumnKey(cell);  // NFKC, no spaces, lower case
  if (v.empty() || v == "0" || v == "×" || v == "✕" || v == "x" || v == "-" || v == "ー" ||
      v == "無" || v == "なし" || v == "不可" || v == "no" || v == "false" || v == "n")
    return Flag::kNo;
  if (v == "1" || v == "○" || v == "◯" || v == "〇" || v == "◎" || v == "●" || v == "有" ||
      v == "あり" || v == "可" || v == "yes" || v == "true" || v == "y")
    return Flag::kYes;
  if (v == "△" || v == "▲") return Flag::kConditional;
  return std::nullopt;
}

std::optional<int64_t> ParseCount(std::string_view cell) {
  std::string v = Nfkc(TrimSpace(cell));
  std::string_view s = TrimSpace(v);
  for (std::string_view unit : {std::string_view("人"), std::string_view("名")})
    if (s.size() >= unit.size() && s.substr(s.size() - unit.size()) == unit)
      s = TrimSpace(s.substr(0, s.size() - unit.size()));
  if (s.empty() || s.size() > 15) return std::nullopt;
  int64_t n = 0;
  bool any = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (IsDigit(s[i])) {
      n = n * 10 + (s[i] - '0');
      any = true;
    } else if (s[i] == ',' && any && i + 1 < s.size()) {
      continue;
    } else {
      return std::nullopt;
    }
  }
  return any ? std::optional<int64_t>(n) : std::nullopt;
}

std::optional<double> ParseCoordinate(std::string_view cell, double lo, double hi) {
  const std::string v = Nfkc(TrimSpace(cell));
  const std::string_view s = TrimSpace(v);
  if (s.empty() || s.size() > 32) return std::nullopt;
  double d = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(d) || d < lo || d > hi)
    return std::nullopt;
  return d;
}

Result<CivilDate> ParseDate(std::string_view cell, std::optional<CivilTime>* time) {
  const std::string norm = Nfkc(TrimSpace(cell));
  const std::string_view s = TrimSpace(norm);
  if (s.empty()) return BadDate(cell, "is empty");
  size_t i = 0;
  int y = -1, m = -1, d = -1;
  int era_base = -1;
  if (Consume(s, &i, "令和") || Consume(s, &i, "R"))
    era_base = 2018;
  else if (Consume(s, &i, "平成") || Consume(s, &i, "H"))
    era_base = 1988;
  if (era_base >= 0) {
    const int n = Consume(s, &i, "元") ? 1 : ReadNumber(s, &i);
    if (n < 1 || !(Consume(s, &i, "年") || Consume(s, &i, ".") || Consume(s, &i, "/")))
      return BadDate(cell, "has an era year that cannot be read");
    y = era_base + n;
    m = ReadNumber(s, &i);
    if (!(Consume(s, &i, "月") || Consume(s, &i, ".") || Consume(s, &i, "/")))
      return BadDate(cell, "cannot be read");
    d = ReadNumber(s, &i);
    Consume(s, &i, "日");
  } else {
    size_t d1 = 0, d2 = 0, d3 = 0;
    const int a = ReadNumber(s, &i, &d1);
    if (a < 0) return BadDate(cell, "does not start with a number");
    if (Consume(s, &i, "年")) {
      y = a;
      m = ReadNumber(s, &i);
      if (!Consume(s, &i, "月")) return BadDate(cell, "cannot be read (expected 月)");
      d = ReadNumber(s, &i);
      if (!Consume(s, &i, "日")) return BadDate(cell, "cannot be read (expected 日)");
    } else {
      if (i >= s.size() || (s[i] != '/' && s[i] != '-' && s[i] != '.'))
        return BadDate(cell, "is not a date such as 2026-11-23, 2026/11/23 or 11/23/2026");
      ++i;
      const int b = ReadNumber(s, &i, &d2);
      if (b < 0 || i >= s.size() || (s[i] != '/' && s[i] != '-' && s[i] != '.'))
        return BadDate(cell, "is not a date such as 2026-11-23, 2026/11/23 or 11/23/2026");
      ++i;
      const int c = ReadNumber(s, &i, &d3);
      if (c < 0) return BadDate(cell, "has no day");
      if (d1 == 4) {
        y = a, m = b, d = c;  // 2020/10/4, 2022-03-10, 2020.10/5
      } else if (d3 == 4) {
        m = a, d = b, y = c;  // 5/16/2020: US order, as spreadsheets export it
      } else {
        return BadDate(cell, "has no four-digit year");
      }
    }
  }
  // A weekday in parentheses may follow: 2020/5/16(土).
  SkipSpaces(s, &i);
  if (i < s.size() && s[i] == '(') {
    const size_t close = s.find(')', i);
    if (close != std::string_view::npos && close - i <= 8) i = close + 1;
  }
  if (y < 1900 || y > 2200) return BadDate(cell, "has a year outside 1900–2200");
  if (m < 1 || m > 12) return BadDate(cell, "has no month 1–12");
  if (d < 1 || d > static_cast<int>(DaysInMonth(y, static_cast<unsigned>(m))))
    return BadDate(cell, "names a day its month does not have");
  SkipSpaces(s, &i);
  if (i < s.size() && (s[i] == 'T' || s[i] == 't')) ++i;
  if (i < s.size()) {
    std::string why;
    auto t = ReadTime(s, &i, &why);
    SkipSpaces(s, &i);
    if (!t || i != s.size())
      return BadDate(cell, why.empty() ? "has text after the date" : "has a time that " + why);
    if (time) *time = t;
  }
  return CivilDate{y, m, d};
}

Result<CivilTime> ParseTime(std::string_view cell) {
  const std::string norm = Nfkc(TrimSpace(cell));
  const std::string_view s = TrimSpace(norm);
  size_t i = 0;
  std::string why;
  auto t = ReadTime(s, &i, &why);
  SkipSpaces(s, &i);
  if (!t || i != s.size())
    return Status::Invalid(
        "the time \"" + std::string(cell) + "\" " +
        (why.empty() ? std::string("is not a time such as 09:30 or 9時30分") : why));
  return *t;
}

int64_t JapanInstant(const CivilDate& date, const CivilTime& time) {
  const int64_t days =
      DaysFromCivil(date.year, static_cast<unsigned>(date.month), static_cast<unsigned>(date.day));
  return days * 86400 + time.hour * 3600 + time.minute * 60 - 9 * 3600;
}

}  // namespace machikado::opendata
