#include "schedule/plan.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "schedule/takeover.h"

namespace machikado::schedule {

namespace {

constexpr int kMinDurationS = 3;  // FEED-v1 `duration` range
constexpr int kMaxDurationS = 300;
constexpr int kMaxVideoSlideS = 600;  // video::kMaxVideoSlideS

Slide MakeSlide(const feed::Item& item, const ScheduleConfig& config) {
  return Slide{ItemKey::Of(item), item.kind, SlideDurationMs(item, config),
               item.status == feed::ItemStatus::kExercise};
}

// Within a kind: higher priority, then newer `published` (absent last), then key.
bool ComesFirstInKind(const feed::Item* a, const feed::Item* b) {
  if (a->priority != b->priority) return a->priority > b->priority;
  const UnixSeconds pa = a->published.value_or(INT64_MIN);
  const UnixSeconds pb = b->published.value_or(INT64_MIN);
  if (pa != pb) return pa > pb;
  return std::tie(a->feed_id, a->id) < std::tie(b->feed_id, b->id);
}

// Smooth weighted round robin over the (already ordered) items of one kind: each item appears as
// often as its weight, spread out, the first in order going first. Deterministic.
std::vector<const feed::Item*> SpreadByWeight(const std::vector<const feed::Item*>& items,
                                              const ScheduleConfig& config) {
  std::vector<int> weight(items.size()), current(items.size(), 0);
  int total = 0;
  for (size_t i = 0; i < items.size(); ++i) total += weight[i] = RepeatsPerCycle(*items[i], config);
  std::vector<const feed::Item*> out;
  out.reserve(static_cast<size_t>(total));
  for (int round = 0; round < total; ++round) {
    size_t best = 0;
    for (size_t i = 0; i < items.size(); ++i) {
      current[i] += weight[i];
      if (current[i] > current[best]) best = i;
    }
    current[best] -= total;
    out.push_back(items[best]);
  }
  return out;
}

// Merges per-kind sequences so each kind's slides are spread evenly over the cycle: slide j of a
// kind with n slides sits at (2j+1)/(2n) of the cycle. Ties go to the higher-priority item, then to
// the kind listed first.
std::vector<const feed::Item*> InterleaveKinds(
    const std::vector<std::vector<const feed::Item*>>& seqs) {
  std::vector<size_t> next(seqs.size(), 0);
  std::vector<const feed::Item*> out;
  for (;;) {
    int best = -1;
    for (size_t k = 0; k < seqs.size(); ++k) {
      if (next[k] >= seqs[k].size()) continue;
      if (best < 0) {
        best = static_cast<int>(k);
        continue;
      }
      const auto b = static_cast<size_t>(best);
      // Compare (2j+1)/(2n) without floating point.
      const int64_t lhs = int64_t(2 * next[k] + 1) * int64_t(seqs[b].size());
      const int64_t rhs = int64_t(2 * next[b] + 1) * int64_t(seqs[k].size());
      if (lhs < rhs || (lhs == rhs && seqs[k][next[k]]->priority > seqs[b][next[b]]->priority))
        best = static_cast<int>(k);
    }
    if (best < 0) break;
    const auto b = static_cast<size_t>(best);
    out.push_back(seqs[b][next[b]++]);
  }
  return out;
}

// Never the same item twice in a row, also across the end of the cycle into the next.
void DropAdjacentRepeats(std::vector<Slide>& plan) {
  plan.erase(std::unique(plan.begin(), plan.end(),
                         [](const Slide& a, const Slide& b) { return a.key == b.key; }),
             plan.end());
  if (plan.size() < 2 || plan.back().key != plan.front().key) return;
  // The last slide would repeat at the start of the next cycle: move it back to the latest place
  // where it has other items on both sides; when there is none, drop it.
  Slide last = std::move(plan.back());
  plan.pop_back();
  for (size_t i = plan.size() - 1; i >= 1; --i) {
    if (plan[i - 1].key != last.key && plan[i].key != last.key) {
      plan.insert(plan.begin() + static_cast<ptrdiff_t>(i), std::move(last));
      return;
    }
  }
}

}  // namespace

int64_t SlideDurationMs(const feed::Item& item, const ScheduleConfig& config) {
  if (config.fixed_slide_ms) return std::max<int64_t>(1, *config.fixed_slide_ms);
  const int s = item.duration_s.value_or(config.DefaultDurationS(item.kind));
  // A video's slide follows the video (ScreenScheduler sets its duration), up to its own cap.
  const int max_s = item.kind == feed::Kind::kVideo ? kMaxVideoSlideS : kMaxDurationS;
  return int64_t{std::clamp(s, kMinDurationS, max_s)} * 1000;
}

int RepeatsPerCycle(const feed::Item& item, const ScheduleConfig& config) {
  if (item.priority >= config.thrice_from_priority) return 3;
  if (item.priority >= config.twice_from_priority) return 2;
  return 1;
}

std::vector<Slide> PlanAt(const std::vector<feed::Item>& items, const ScheduleConfig& config,
                          const WallTime& t, KindMask kinds) {
  std::vector<const feed::Item*> alerts;
  // The rotating kinds in the order ties are broken.
  constexpr std::array<feed::Kind, 4> kRotating = {feed::Kind::kNews, feed::Kind::kPreparedness,
                                                   feed::Kind::kProject, feed::Kind::kVideo};
  std::vector<std::vector<const feed::Item*>> by_kind(kRotating.size());

  for (const feed::Item* item : EligibleItems(items, config, t)) {
    if (!kinds.Has(item->kind)) continue;
    if (item->kind == feed::Kind::kAlert) {
      if (!IsTakeoverAlert(*item)) alerts.push_back(item);
      continue;
    }
    for (size_t k = 0; k < kRotating.size(); ++k)
      if (item->kind == kRotating[k]) by_kind[k].push_back(item);
  }

  std::sort(alerts.begin(), alerts.end(),
            [](const feed::Item* a, const feed::Item* b) { return AlertOutranks(*a, *b); });
  for (auto& seq : by_kind) {
    std::sort(seq.begin(), seq.end(), ComesFirstInKind);
    seq = SpreadByWeight(seq, config);
  }

  std::vector<Slide> plan;
  for (const feed::Item* a : alerts) plan.push_back(MakeSlide(*a, config));
  for (const feed::Item* item : InterleaveKinds(by_kind)) plan.push_back(MakeSlide(*item, config));
  DropAdjacentRepeats(plan);
  return plan;
}

int64_t CycleDurationMs(const std::vector<Slide>& plan) {
  int64_t total = 0;
  for (const auto& s : plan) total += s.duration_ms;
  return total;
}

}  // namespace machikado::schedule
