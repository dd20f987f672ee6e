#include "soak_world.h"

#include <ctime>
#include <nlohmann/json.hpp>

namespace machikado::soak {
namespace {

using Json = nlohmann::ordered_json;

const char* const kPhrasesJa[] = {
    "防災訓練のお知らせ",   "図書館の臨時休館",   "夏祭りボランティア募集",
    "健康相談会を開きます", "スマートフォン教室", "公園清掃にご協力ください",
    "避難所の開設訓練",     "地域の見守り活動",
};
const char* const kPhrasesEn[] = {
    "Disaster drill",   "Library closed", "Festival volunteers", "Health consultation",
    "Smartphone class", "Park clean-up",  "Shelter drill",       "Neighbourhood watch",
};
// Korean and simplified Chinese, so that the visitor's detail views are also drawn in the scripts
// BIZ UDPGothic lacks (Hangul, simplified Han: the detail chrome's fallback glyphs).
const char* const kPhrasesKo[] = {
    "방재 훈련 안내", "도서관 임시 휴관", "축제 자원봉사자 모집", "건강 상담회",
    "스마트폰 교실",  "공원 청소 협조",   "대피소 개설 훈련",     "지역 돌봄 활동",
};
const char* const kPhrasesZh[] = {
    "防灾演练通知", "图书馆临时闭馆", "招募节日志愿者", "健康咨询会",
    "智能手机课堂", "请协助清扫公园", "避难所开设演练", "社区守望活动",
};
const char* const kKinds[] = {"news", "preparedness", "project", "news", "alert"};

std::string Rfc3339(int64_t t) {
  time_t tt = static_cast<time_t>(t);
  struct tm tm;
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

SoakWorld::SoakWorld(std::string base_url, uint64_t seed, int64_t unix_now, WorldOptions options)
    : base_url_(std::move(base_url)), options_(options), rng_(seed) {
  for (const char* name : {"news", "preparedness", "mixed"}) {
    Feed f;
    f.name = name;
    for (int i = 0; i < 6; ++i) {
      Item it;
      it.id = f.name + "-" + std::to_string(next_item_++);
      it.kind = f.name == "mixed" ? kKinds[i % 5] : f.name;
      it.image = i % 2 == 0 ? i : -1;
      f.items.push_back(it);
    }
    feeds_.push_back(std::move(f));
  }
  if (options_.takeover_every_s > 0) {
    Feed f;
    f.name = "alerts";
    f.calm = true;
    feeds_.push_back(std::move(f));
  }
  for (auto& f : feeds_) Render(f, false, unix_now);
}

void SoakWorld::Change(Feed& f) {
  std::uniform_int_distribution<int> what(0, 9);
  const int w = what(rng_);
  if ((w <= 1 && f.items.size() < 14) || f.items.size() < 3) {
    Item it;
    it.id = f.name + "-" + std::to_string(next_item_++);
    it.kind = f.name == "mixed" ? kKinds[next_item_ % 5] : f.name;
    it.image = next_item_ % 3 == 0 ? -1 : next_item_ % 16;
    f.items.push_back(it);
    ++counters_.items_added;
  } else if (w <= 3) {
    f.items.erase(f.items.begin() +
                  std::uniform_int_distribution<long>(0, long(f.items.size()) - 1)(rng_));
    ++counters_.items_removed;
  } else {
    Item& it = f.items[std::uniform_int_distribution<size_t>(0, f.items.size() - 1)(rng_)];
    ++it.rev;
    if (w == 9) it.image = it.image < 0 ? int(rng_() % 16) : -1;  // an image comes or goes
    ++counters_.items_edited;
  }
}

void SoakWorld::Tick(int64_t unix_now) {
  ++counters_.ticks;
  if (counters_.ticks % 20 == 0) {
    ++epoch_;
    ++counters_.image_epochs;
  }
  Takeovers(unix_now);
  std::bernoulli_distribution changes(0.7), invalid(0.04);
  for (auto& f : feeds_) {
    if (f.calm || !changes(rng_)) continue;
    Change(f);
    const bool bad = invalid(rng_);
    if (bad) ++counters_.invalid_bodies;
    Render(f, bad, unix_now);
    ++counters_.feed_changes;
  }
}

void SoakWorld::Takeovers(int64_t now) {
  if (options_.takeover_every_s <= 0) return;
  Feed& f = feeds_.back();  // "alerts"
  const int64_t phase = int64_t(counters_.ticks) % options_.takeover_every_s;
  const int64_t arrive = options_.takeover_every_s / 3;
  if (phase == arrive) {
    Item it;
    it.id = "takeover-" + std::to_string(next_item_++);
    it.kind = "alert";
    it.level = 5;
    it.issued = now - 5;
    it.expires = now + options_.takeover_lasts_s;
    f.items.push_back(it);
    ++counters_.takeovers;
    Render(f, false, now);
  } else if (phase == arrive + options_.takeover_lasts_s + 15 && !f.items.empty()) {
    f.items.clear();  // long expired: the publisher tidies up
    Render(f, false, now);
  }
}

std::string SoakWorld::ItemJson(const Item& it, int64_t now) const {
  const size_t p = std::hash<std::string>{}(it.id) % 8;
  const std::string rev = std::to_string(it.rev);
  Json j;
  j["id"] = it.id;
  j["kind"] = it.kind;
  j["title"] = {{"ja", std::string(kPhrasesJa[p]) + "（第" + rev + "版）"},
                {"en", std::string(kPhrasesEn[p]) + " (rev " + rev + ")"},
                {"ko", std::string(kPhrasesKo[p]) + " (제" + rev + "판)"},
                {"zh-Hans", std::string(kPhrasesZh[p]) + "（第" + rev + "版）"}};
  j["summary"] = {{"ja", "{地域|ちいき}の皆さまへ。" + std::string(kPhrasesJa[(p + it.rev) % 8]) +
                             "について、" + rev + "回目の更新です。詳しくは窓口へ。"},
                  {"en", "Update " + rev + " about " + kPhrasesEn[(p + it.rev) % 8] + "."},
                  {"ko", std::string(kPhrasesKo[(p + it.rev) % 8]) + "에 관한 " + rev +
                             "번째 안내입니다. 자세한 내용은 창구로."},
                  {"zh-Hans", std::string(kPhrasesZh[(p + it.rev) % 8]) + "：第" + rev +
                                  "次更新。详情请咨询窗口。"}};
  std::string body;
  for (int i = 0; i < 3 + it.rev % 5; ++i)
    body += std::string(kPhrasesJa[(p + i) % 8]) + "。第" + std::to_string(i + 1) + "項、版" + rev +
            "。\n";
  j["body"] = {{"ja", body}};
  if (it.image >= 0)
    j["image"] = {{"url", base_url_ + "/img/" + std::to_string(it.image) +
                              ".png?e=" + std::to_string(epoch_)},
                  {"alt", "写真"}};
  j["url"] = "https://example.jp/soak/" + it.id;
  j["published"] = Rfc3339(now - 3600);
  if (it.kind == "preparedness") {
    j["hazard"] = "earthquake";
    j["actions"] = Json::array({"家具の転倒防止", "水と食料の備蓄 " + rev});
  } else if (it.kind == "project") {
    j["department"] = "地域振興課";
  } else if (it.kind == "alert" && it.level >= 4) {
    // An emergency takeover: it replaces the rotation until it expires.
    j["level"] = it.level;
    j["hazard"] = "tsunami";
    j["title"] = {{"ja", "大津波警報（ソーク試験）"}, {"en", "Major tsunami warning (soak test)"}};
    j["issued"] = Rfc3339(it.issued);
    j["expires"] = Rfc3339(it.expires);
    j["instructions"] = {{"ja", "ただちに高い所へ避難してください"},
                         {"en", "Evacuate to high ground now"}};
  } else if (it.kind == "alert") {
    // Level 3: a banner and a slide, never a takeover.
    j["level"] = 3;
    j["hazard"] = "flood";
    j["issued"] = Rfc3339(now - 60);
    j["expires"] = Rfc3339(now + 3600);
    j["instructions"] = {{"ja", "高齢者等は避難してください（" + rev + "）"}};
  }
  return j.dump();
}

void SoakWorld::Render(Feed& f, bool invalid, int64_t now) {
  ++f.version;
  f.etag = "\"" + f.name + "-" + std::to_string(f.version) + "\"";
  std::string items;
  for (const Item& it : f.items) items += (items.empty() ? "" : ",") + ItemJson(it, now);
  f.body = std::string("{\"format\":\"") +
           (invalid && f.version % 2 ? "machikado-feed/9" : "machikado-feed/1") +
           "\",\"id\":\"soak." + f.name + "\",\"title\":{\"ja\":\"ソーク試験センター\"}," +
           "\"generated\":\"" + Rfc3339(now) + "\",\"items\":[" + items + "]}";
  if (invalid && f.version % 2 == 0) f.body.resize(f.body.size() / 2);  // truncated JSON
}

const std::string* SoakWorld::Body(const std::string& name, std::string* etag) const {
  for (const auto& f : feeds_)
    if (f.name == name) {
      *etag = f.etag;
      return &f.body;
    }
  return nullptr;
}

SoakWorld::ImageAnswer SoakWorld::Image(int n, int epoch) const {
  if (epoch != epoch_) return ImageAnswer::kNotFound;  // an old URL: the image is gone
  if ((n + epoch) % 7 == 0) return ImageAnswer::kNotFound;
  if ((n + epoch) % 11 == 0) return ImageAnswer::kGarbage;
  if (options_.hostile_images && (n + epoch) % 5 == 0) {
    static constexpr ImageAnswer kHostile[] = {ImageAnswer::kHostilePng, ImageAnswer::kHostileJpeg,
                                               ImageAnswer::kHostileGif};
    return kHostile[(n + epoch) / 5 % 3];
  }
  return ImageAnswer::kPng;
}

}  // namespace machikado::soak
