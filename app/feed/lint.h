// Staff lints: things in a valid feed that are almost certainly mistakes, reported by
// `machikado validate` as warnings (never errors: the kiosk shows the feed as it is). An event that
// ends before it starts is already an error of the parser, so it is not repeated here.
//   - a Japanese date with the wrong weekday: 「12月6日(土)」 when 2026-12-06 is a Sunday;
//     a date that does not exist (「2月30日」);
//   - valid_until already in the past (the kiosk will never show the item);
//   - a title identical to another item's (a copied notice someone forgot to change).
// Pure functions on the parsed model; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "feed/model.h"

namespace machikado::feed {

struct FeedWarning {
  std::string item_id;
  std::string field;    // "title", "summary (ja)", "news.event.place", "valid_until"
  std::string message;  // for staff: what looks wrong and what is probably meant
};

// Every warning for the feed's valid items, in item order. `now` decides what is "in the past"
// and, for dates written without a year, which year is meant (with the item's own dates first).
std::vector<FeedWarning> LintFeed(const Feed& feed, UnixSeconds now);

// One Japanese date with a weekday found in a text.
struct WrittenDate {
  std::string as_written;  // 「12月6日(土)」 as it stands in the text
  int year = 0;            // explicit, or inferred from the reference instant
  int month = 0;
  int day = 0;
  int weekday_written = 0;  // 0 = Sunday … 6 = Saturday
  bool year_explicit = false;
};

// Dates with a weekday in `text` (half- or full-width digits and brackets; 「令和8年」, 「2026年」,
// 「12/6(土)」, 「12月6日土曜日」). A date without a year takes the year that puts it nearest
// to `reference` (seconds, read in Japan time).
std::vector<WrittenDate> FindDatesWithWeekday(std::string_view text, UnixSeconds reference);

// 0 = Sunday … 6 = Saturday for a proleptic Gregorian date; -1 when the date does not exist.
int WeekdayOf(int year, int month, int day);

}  // namespace machikado::feed
