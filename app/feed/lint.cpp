// Staff lints for `machikado validate`; see lint.h.
#include "feed/lint.h"

#include <cstdlib>
#include <map>
#include <regex>

#include "core/civil_date.h"
#include "feed/datetime.h"

namespace machikado::feed {
namespace {

constexpr int kJapanOffset = 9 * 3600;
const char* const kWeekdays[] = {"日", "月", "火", "水", "木", "金", "土"};
const char* const kWeekdaysEn[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                   "Thursday", "Friday", "Saturday"};

// The civil year of an instant read in Japan time.
int JapanYear(UnixSeconds t) {
  const std::string s = FormatRfc3339(t, kJapanOffset);
  return std::atoi(s.substr(0, 4).c_str());
}

// Full-width digits, brackets, slash and space to ASCII, so one pattern reads both.
std::string Narrow(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    // U+FF01–U+FF5E are EF BC 81–EF BD 9E: full-width forms of ASCII 0x21–0x7E.
    if (c == 0xEF && i + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      const auto b2 = static_cast<unsigned char>(text[i + 2]);
      int ascii = -1;
      if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) ascii = 0x21 + (b2 - 0x81);
      if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) ascii = 0x60 + (b2 - 0x80);
      if ((ascii >= '0' && ascii <= '9') || ascii == '(' || ascii == ')' || ascii == '/') {
        out.push_back(static_cast<char>(ascii));
        i += 3;
        continue;
      }
    }
    if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x80) {  // U+3000 ideographic space
      out.push_back(' ');
      i += 3;
      continue;
    }
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

int WeekdayIndex(const std::string& kanji) {
  for (int i = 0; i < 7; ++i)
    if (kanji == kWeekdays[i]) return i;
  return -1;
}

std::string DateText(int y, int m, int d) {
  return std::to_string(y) + "-" + (m < 10 ? "0" : "") + std::to_string(m) + "-" +
         (d < 10 ? "0" : "") + std::to_string(d);
}

// The instant an item's undated dates are read against: its event, then its validity, then now.
UnixSeconds ReferenceOf(const Item& item, UnixSeconds now) {
  if (item.kind == Kind::kNews && item.news.event && item.news.event->start)
    return *item.news.event->start;
  if (item.valid_from) return *item.valid_from;
  if (item.published) return *item.published;
  return now;
}

void LintText(const Item& item, const Text& text, const char* field, UnixSeconds reference,
              std::vector<FeedWarning>* out) {
  for (const auto& v : text.variants) {
    if (v.lang.rfind("ja", 0) != 0) continue;  // 曜日 are Japanese: ja, ja-x-easy, ja-Hira…
    for (const WrittenDate& d : FindDatesWithWeekday(v.plain(), reference)) {
      const std::string where = std::string(field) + " (" + v.lang + ")";
      const int actual = WeekdayOf(d.year, d.month, d.day);
      if (actual < 0) {
        out->push_back({item.id, where,
                        "「" + d.as_written + "」: there is no such date (" +
                            std::to_string(d.month) + "月 has " +
                            std::to_string(DaysInMonth(d.year, static_cast<unsigned>(d.month))) +
                            " days in " + std::to_string(d.year) + ")"});
      } else if (actual != d.weekday_written) {
        out->push_back({item.id, where,
                        "「" + d.as_written + "」: " + DateText(d.year, d.month, d.day) + " is a " +
                            kWeekdaysEn[actual] + " (" + kWeekdays[actual] + "曜日), not " +
                            kWeekdays[d.weekday_written] + "曜日" +
                            (d.year_explicit ? ""
                                             : " (year " + std::to_string(d.year) +
                                                   " assumed from the item's dates)")});
      }
    }
  }
}

}  // namespace

int WeekdayOf(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 ||
      day > static_cast<int>(DaysInMonth(year, static_cast<unsigned>(month))))
    return -1;
  return WeekdayOfDays(
      DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

std::vector<WrittenDate> FindDatesWithWeekday(std::string_view text, UnixSeconds reference) {
  // Year (令和/平成 N年, 元年, YYYY年 or YYYY/) optional; month and day as 月日 or M/D; the weekday
  // in brackets (「(土)」「(土曜)」「(土曜日)」) or bare with 曜 (「土曜日」).
  static const std::regex kDate(
      "(?:(令和|平成)\\s*(\\d{1,2}|元)\\s*年|(\\d{4})\\s*年|(\\d{4})/)?\\s*"
      "(\\d{1,2})\\s*(?:月\\s*(\\d{1,2})\\s*日|/(\\d{1,2}))\\s*"
      "(?:\\(\\s*(日|月|火|水|木|金|土)(?:曜日?)?\\s*\\)|(日|月|火|水|木|金|土)曜)");
  const std::string narrow = Narrow(text);
  std::vector<WrittenDate> found;
  const int ref_year = JapanYear(reference);
  for (auto it = std::sregex_iterator(narrow.begin(), narrow.end(), kDate);
       it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    WrittenDate d;
    d.as_written = m.str(0);
    while (!d.as_written.empty() && d.as_written.front() == ' ') d.as_written.erase(0, 1);
    d.month = std::atoi(m.str(5).c_str());
    d.day = std::atoi((m[6].matched ? m.str(6) : m.str(7)).c_str());
    d.weekday_written = WeekdayIndex(m[8].matched ? m.str(8) : m.str(9));
    if (d.weekday_written < 0 || d.month < 1 || d.month > 12) continue;
    if (m[1].matched) {
      const int n = m.str(2) == "元" ? 1 : std::atoi(m.str(2).c_str());
      d.year = (m.str(1) == "令和" ? 2018 : 1988) + n;
      d.year_explicit = true;
    } else if (m[3].matched || m[4].matched) {
      d.year = std::atoi((m[3].matched ? m.str(3) : m.str(4)).c_str());
      d.year_explicit = true;
    } else {
      // The year that puts the date nearest the reference: 「1月10日」 written in December is
      // next January.
      const int64_t ref_days = reference / 86400;
      int64_t best = -1;
      for (int y = ref_year - 1; y <= ref_year + 1; ++y) {
        const int dd =
            std::min(d.day, static_cast<int>(DaysInMonth(y, static_cast<unsigned>(d.month))));
        const int64_t dist = std::llabs(
            DaysFromCivil(y, static_cast<unsigned>(d.month), static_cast<unsigned>(dd)) - ref_days);
        if (best < 0 || dist < best) {
          best = dist;
          d.year = y;
        }
      }
    }
    found.push_back(std::move(d));
  }
  return found;
}

std::vector<FeedWarning> LintFeed(const Feed& feed, UnixSeconds now) {
  std::vector<FeedWarning> out;
  std::map<std::string, std::string> first_with_title;  // ja title → id of the first item
  for (const Item& item : feed.items) {
    const UnixSeconds reference = ReferenceOf(item, now);
    LintText(item, item.title, "title", reference, &out);
    LintText(item, item.summary, "summary", reference, &out);
    LintText(item, item.body, "body", reference, &out);
    if (item.kind == Kind::kNews && item.news.event) {
      LintText(item, item.news.event->place, "news.event.place", reference, &out);
    }
    if (item.valid_until && *item.valid_until < now)
      out.push_back({item.id, "valid_until",
                     "valid_until " + FormatRfc3339(*item.valid_until, kJapanOffset) +
                         " is in the past: no kiosk will show this item"});
    // Alerts share titles by nature (「避難指示」 for several areas); other kinds should not.
    const std::string title = item.kind == Kind::kAlert ? "" : item.title.plain("ja");
    if (!title.empty()) {
      auto [it, inserted] = first_with_title.emplace(title, item.id);
      if (!inserted)
        out.push_back({item.id, "title",
                       "the same title as item " + it->second + " (「" + title +
                           "」): a copied notice that was not changed?"});
    }
  }
  return out;
}

}  // namespace machikado::feed
