// Feed parse + validate throughput (feed::ParseFeed) on realistic 1 MiB and 4 MiB feeds: 1000 items
// of all four kinds, text in six languages with furigana, bodies sized to reach the target. Also
// nlohmann's JSON parse alone, to show what validation costs on top. Results: docs/benchmarks.md.
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <string>

#include "feed/parse.h"

namespace {

using J = nlohmann::ordered_json;

constexpr size_t kItems = 1000;

J Title(int i) {
  const std::string n = std::to_string(i);
  return J{{"ja", "地域のお知らせ 第" + n + "号"},
           {"en", "Neighbourhood notice no. " + n},
           {"ja-x-easy", "{地域|ちいき}の おしらせ " + n},
           {"zh-Hans", "社区通知 第" + n + "号"},
           {"ko", "지역 안내 제" + n + "호"},
           {"vi", "Thông báo khu phố số " + n}};
}

// A body of exactly `bytes` bytes of JSON string content (no characters that need escaping):
// Japanese with and without furigana plus English, padded with Latin letters.
J Body(size_t bytes) {
  const std::string ja_s = "地域の防災訓練に参加しましょう。非常持出袋を確認してください。";
  const std::string easy_s = "{地震|じしん}の {練習|れんしゅう}に きてください。";
  const std::string en_s = "Join the neighbourhood disaster drill and check your emergency bag. ";
  std::string ja, easy, en;
  while (ja.size() + ja_s.size() <= bytes * 45 / 100) ja += ja_s;
  while (easy.size() + easy_s.size() <= bytes * 25 / 100) easy += easy_s;
  while (ja.size() + easy.size() + en.size() + en_s.size() <= bytes) en += en_s;
  en.append(bytes - ja.size() - easy.size() - en.size(), 'x');
  return J{{"ja", ja}, {"en", en}, {"ja-x-easy", easy}};
}

J Item(int i, size_t body_bytes) {
  J item{{"id", "item-" + std::to_string(i)},
         {"title", Title(i)},
         {"summary",
          {{"ja", "{避難|ひなん}{場所|ばしょ}を{確認|かくにん}しましょう。"},
           {"en", "Check where to evacuate."}}},
         {"valid_from", "2026-11-01T00:00:00+09:00"},
         {"valid_until", "2027-03-31T23:59:59+09:00"},
         {"priority", i % 101},
         {"districts", J::array({"nishi-1", "nishi-2"})},
         {"url", "https://www.city.example.jp/nishi/notice/" + std::to_string(i)}};
  if (body_bytes > 0) item["body"] = Body(body_bytes);
  switch (i % 4) {
    case 0:
      item["kind"] = "news";
      item["image"] = {{"url", "images/poster-" + std::to_string(i) + ".png"},
                       {"alt", {{"ja", "ポスター"}, {"en", "Poster"}}}};
      item["event"] = {{"start", "2026-12-06T09:00:00+09:00"},
                       {"end", "2026-12-06T11:00:00+09:00"},
                       {"place", {{"ja", "センター前広場"}, {"en", "Square"}}},
                       {"fee", {{"ja", "無料"}, {"en", "Free"}}}};
      break;
    case 1:
      item["kind"] = "preparedness";
      item["hazard"] = "earthquake";
      item["actions"] =
          J::array({J{{"ja", "家具の転倒防止"}, {"en", "Secure furniture"}},
                    J{{"ja", "水と食料を3日分"}, {"en", "Three days of water and food"}}});
      break;
    case 2:
      item["kind"] = "alert";
      item["level"] = 3;
      item["hazard"] = "flood";
      item["issued"] = "2026-11-23T08:40:00+09:00";
      item["instructions"] = {{"ja", "{高齢者|こうれいしゃ}等は{避難|ひなん}してください。"},
                              {"en", "Older people: evacuate now."}};
      item["shelters"] = J::array();
      for (int s = 0; s < 3; ++s)
        item["shelters"].push_back(J{{"id", "sh-" + std::to_string(s)},
                                     {"name", {{"ja", "西小学校"}, {"en", "Nishi ES"}}},
                                     {"status", "open"},
                                     {"hazards", J::array({"flood"})},
                                     {"capacity", 450},
                                     {"lat", 35.6581},
                                     {"lon", 139.7017},
                                     {"updated", "2026-11-23T08:50:00+09:00"}});
      break;
    default:
      item["kind"] = "project";
      item["department"] = "危機管理課";
      item["metrics"] = J::array({J{{"label", "作成地区数"},
                                    {"unit", "地区"},
                                    {"baseline", {{"period", "R3"}, {"value", 57}}},
                                    {"targets", J::array({J{{"period", "R5"}, {"value", 64}},
                                                          J{{"period", "R7"}, {"value", 67}}})},
                                    {"actual", {{"period", "R5"}, {"value", 64}}}}});
      break;
  }
  return item;
}

// `body_bytes` of body text per item (none when 0), `extra` more in the first item.
std::string MakeFeed(size_t body_bytes, size_t extra = 0) {
  J doc{{"format", "machikado-feed/1"},
        {"id", "bench.feed"},
        {"title", {{"ja", "西区まちづくりセンター"}, {"en", "Nishi Community Center"}}},
        {"generated", "2026-11-23T09:00:00+09:00"},
        {"items", J::array()}};
  for (size_t i = 0; i < kItems; ++i)
    doc["items"].push_back(Item(static_cast<int>(i), body_bytes + (i == 0 ? extra : 0)));
  return doc.dump();
}

// A realistic feed of exactly `target` bytes: the space left by the other fields is spread over the
// items' bodies (body size is linear in its text, so one measurement suffices).
std::string FeedOfSize(size_t target) {
  const size_t with_small_body = MakeFeed(100).size();
  const size_t overhead_per_item = (with_small_body - MakeFeed(0).size()) / kItems - 100;
  const size_t fixed = MakeFeed(0).size() + kItems * overhead_per_item;
  const size_t per_item = (target - fixed) / kItems;
  return MakeFeed(per_item, target - fixed - per_item * kItems);
}

void BM_ParseFeed(benchmark::State& state) {
  const std::string body = FeedOfSize(static_cast<size_t>(state.range(0)));
  const auto check = machikado::feed::ParseFeed(body);
  if (!check.ok() || check.items_valid != kItems) {
    state.SkipWithError(("benchmark feed is not valid: " +
                         (check.errors.empty() ? std::string("?") : check.errors[0].message))
                            .c_str());
    return;
  }
  for (auto _ : state) {
    auto outcome = machikado::feed::ParseFeed(body);
    benchmark::DoNotOptimize(outcome);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
  state.counters["feed_bytes"] = static_cast<double>(body.size());
  state.counters["items"] = static_cast<double>(kItems);
}
BENCHMARK(BM_ParseFeed)->Arg(1 << 20)->Arg(4 << 20)->Unit(benchmark::kMillisecond);

// For comparison: nlohmann's JSON parse alone (no UTF-8/depth pre-scan, no validation, no model).
void BM_JsonParseOnly(benchmark::State& state) {
  const std::string body = FeedOfSize(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto doc = J::parse(body);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_JsonParseOnly)->Arg(1 << 20)->Arg(4 << 20)->Unit(benchmark::kMillisecond);

}  // namespace
