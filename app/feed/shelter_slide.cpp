// MakeShelterSlideItem: title and summary texts and a content digest of the chosen shelters.
#include "feed/shelter_slide.h"

#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <utility>

#include "feed/ruby.h"

namespace machikado::feed {
namespace {

// A text from (language, markup) pairs; the markup is ours and always valid.
Text Localized(std::initializer_list<std::pair<const char*, const char*>> variants) {
  Text t;
  for (const auto& [lang, raw] : variants) {
    Result<std::vector<RubySegment>> seg = ParseRuby(raw);
    t.variants.push_back({lang, raw, seg.ok() ? *seg : std::vector<RubySegment>{{raw, ""}}});
  }
  return t;
}

std::string Digest(const std::vector<NearbyShelter>& shelters) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a 64
  auto mix = [&](std::string_view s) {
    for (unsigned char ch : s) h = (h ^ ch) * 1099511628211ull;
    h = (h ^ 0xFF) * 1099511628211ull;
  };
  for (const NearbyShelter& n : shelters) {
    mix(n.shelter.id);
    mix(n.shelter.name.plain());
    mix(n.shelter.address.plain());
    for (Hazard hz : n.shelter.hazards) mix(HazardName(hz));
    mix(n.distance_m ? std::to_string(long(*n.distance_m)) : "-");
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

std::optional<Item> MakeShelterSlideItem(std::vector<NearbyShelter> shelters) {
  if (shelters.empty()) return std::nullopt;
  Item item;
  item.id = std::string(kShelterSlideItemId);
  item.feed_id = std::string(kShelterSlideFeedId);
  item.kind = Kind::kPreparedness;
  // Official terms: 指定緊急避難場所 (災害対策基本法 第49条の4); the English, Chinese, Korean and
  // Vietnamese follow the Cabinet Office's and municipalities' multilingual disaster guides.
  item.title = Localized({
      {"ja", "この近くの指定緊急避難場所"},
      {"ja-x-easy", "この {近|ちか}くの {避難場所|ひなんばしょ}"},
      {"en", "Designated emergency evacuation sites near here"},
      {"zh-Hans", "附近的指定紧急避难场所"},
      {"ko", "이 근처의 지정긴급대피장소"},
      {"vi", "Nơi sơ tán khẩn cấp được chỉ định gần đây"},
  });
  item.summary = Localized({
      {"ja",
       "災害の種類ごとに避難する場所が指定されています。マークのない災害のときは、そこへ避難しない"
       "でください。"},
      {"ja-x-easy",
       "{災害|さいがい}の しゅるいで、にげる ところが ちがいます。マークが ない {災害|さいがい}の "
       "ときは、そこへ にげないで ください。"},
      {"en",
       "Each site is designated for particular hazards. Do not go to a site for a hazard it has no "
       "symbol for."},
      {"zh-Hans", "避难场所按灾害种类指定。没有标记的灾害发生时，请不要去该场所避难。"},
      {"ko",
       "대피장소는 재해 종류별로 지정되어 있습니다. 표시가 없는 재해 때에는 그곳으로 대피하지 "
       "마십시오."},
      {"vi",
       "Mỗi nơi sơ tán được chỉ định cho từng loại thiên tai. Khi xảy ra thiên tai không có ký "
       "hiệu, "
       "đừng sơ tán đến nơi đó."},
  });
  item.tags = {"shelters"};
  item.content_hash = Digest(shelters);
  item.preparedness.nearby_shelters = std::move(shelters);
  return item;
}

bool IsShelterSlide(const Item& item) {
  return item.kind == Kind::kPreparedness && !item.preparedness.nearby_shelters.empty();
}

}  // namespace machikado::feed
