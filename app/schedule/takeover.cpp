#include "schedule/takeover.h"

#include <algorithm>
#include <tuple>

#include "schedule/eligibility.h"

namespace machikado::schedule {

bool IsTakeoverAlert(const feed::Item& item) {
  if (item.kind != feed::Kind::kAlert) return false;
  return item.alert.takeover || (item.alert.level && *item.alert.level >= 4);
}

bool IsBannerAlert(const feed::Item& item) {
  return item.kind == feed::Kind::kAlert && !IsTakeoverAlert(item);
}

int RankLevel(const feed::Item& alert) {
  if (alert.alert.level) return *alert.alert.level;
  return IsTakeoverAlert(alert) ? 5 : 0;
}

bool AlertOutranks(const feed::Item& a, const feed::Item& b) {
  const bool a_actual = a.status == feed::ItemStatus::kActual;
  const bool b_actual = b.status == feed::ItemStatus::kActual;
  // Larger first for the first four, then keys ascending.
  const auto ka = std::make_tuple(a_actual, RankLevel(a), a.alert.issued, a.priority);
  const auto kb = std::make_tuple(b_actual, RankLevel(b), b.alert.issued, b.priority);
  if (ka != kb) return ka > kb;
  return std::tie(a.feed_id, a.id) < std::tie(b.feed_id, b.id);
}

namespace {

std::vector<std::string> AlertLanguages(const feed::Item& item) {
  std::vector<std::string> langs = item.title.languages();
  for (const auto& l : item.alert.instructions.languages())
    if (std::find(langs.begin(), langs.end(), l) == langs.end()) langs.push_back(l);
  auto ja = std::find(langs.begin(), langs.end(), "ja");
  if (ja != langs.end()) std::rotate(langs.begin(), ja, ja + 1);
  if (langs.empty()) langs.push_back("ja");
  return langs;
}

ActiveAlert MakeActive(const feed::Item& item, const LastConfirmed& last_confirmed) {
  ActiveAlert a;
  a.item = &item;
  a.key = ItemKey::Of(item);
  a.level = item.alert.level.value_or(0);
  a.exercise = item.status == feed::ItemStatus::kExercise;
  if (auto it = last_confirmed.find(item.feed_id); it != last_confirmed.end())
    a.last_confirmed = it->second;
  a.languages = AlertLanguages(item);
  return a;
}

}  // namespace

AlertSituation AssessAlerts(const std::vector<feed::Item>& items, const ScheduleConfig& config,
                            const WallTime& t, const LastConfirmed& last_confirmed) {
  AlertSituation s;
  for (const auto& item : items) {
    if (item.kind != feed::Kind::kAlert || !IsEligible(item, config, t)) continue;
    // A `test` alert passes eligibility only in preview; it is then shown like the real thing.
    (IsTakeoverAlert(item) ? s.takeover : s.banners).push_back(MakeActive(item, last_confirmed));
  }
  auto by_rank = [](const ActiveAlert& a, const ActiveAlert& b) {
    return AlertOutranks(*a.item, *b.item);
  };
  std::sort(s.takeover.begin(), s.takeover.end(), by_rank);
  std::sort(s.banners.begin(), s.banners.end(), by_rank);
  return s;
}

std::optional<TakeoverPage> PageAfter(const AlertSituation& s, int64_t elapsed_ms,
                                      int64_t page_ms) {
  if (s.takeover.empty()) return std::nullopt;
  page_ms = std::max<int64_t>(page_ms, 1000);
  elapsed_ms = std::max<int64_t>(elapsed_ms, 0);
  int pages = 0;
  for (const auto& a : s.takeover) pages += static_cast<int>(a.languages.size());
  const int64_t n = elapsed_ms / page_ms;
  const int page = static_cast<int>(n % pages);
  TakeoverPage p;
  p.page = page;
  p.pages = pages;
  p.started_ms = n * page_ms;  // relative; PageAt shifts to monotonic time
  p.ends_ms = p.started_ms + page_ms;
  int k = page;
  for (size_t i = 0; i < s.takeover.size(); ++i) {
    const auto& langs = s.takeover[i].languages;
    if (k < static_cast<int>(langs.size())) {
      p.alert_index = i;
      p.lang = langs[static_cast<size_t>(k)];
      break;
    }
    k -= static_cast<int>(langs.size());
  }
  return p;
}

void TakeoverCycle::Observe(const AlertSituation& s, int64_t mono_ms) {
  if (!s.emergency()) {
    origin_ms_.reset();
    top_.reset();
    return;
  }
  const ItemKey& top = s.takeover.front().key;
  if (!origin_ms_ || !top_ || *top_ != top) {
    origin_ms_ = mono_ms;
    top_ = top;
  }
}

std::optional<TakeoverPage> TakeoverCycle::PageAt(const AlertSituation& s, int64_t mono_ms,
                                                  const ScheduleConfig& config) const {
  if (!s.emergency()) return std::nullopt;
  // Not yet observed (or observed under another situation): the view starts now.
  const int64_t origin = origin_ms_.value_or(mono_ms);
  auto p = PageAfter(s, mono_ms - origin, int64_t{config.takeover_page_s} * 1000);
  if (p) {
    p->started_ms += origin;
    p->ends_ms += origin;
  }
  return p;
}

}  // namespace machikado::schedule
