#include "feed/time_shift.h"

namespace machikado::feed {
namespace {

void Shift(std::optional<UnixSeconds>& t, int64_t d) {
  if (t) *t += d;
}

}  // namespace

int64_t DemoShiftSeconds(UnixSeconds generated, UnixSeconds now) {
  int64_t diff = now - generated;
  int64_t weeks = diff / kWeekSeconds;
  if (diff < 0 && diff % kWeekSeconds != 0) --weeks;  // floor division
  return weeks * kWeekSeconds;
}

void ShiftFeedTimes(Feed& feed, int64_t d) {
  feed.generated += d;
  for (Item& item : feed.items) {
    Shift(item.published, d);
    Shift(item.valid_from, d);
    Shift(item.valid_until, d);
    if (item.news.event) {
      Shift(item.news.event->start, d);
      Shift(item.news.event->end, d);
    }
    item.alert.issued += d;
    Shift(item.alert.expires, d);
    for (Shelter& s : item.alert.shelters) Shift(s.updated, d);
  }
}

}  // namespace machikado::feed
