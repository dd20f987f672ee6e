#include "feed/model.h"

#include <array>
#include <utility>

namespace machikado::feed {

std::string LocalizedString::plain() const {
  std::string out;
  out.reserve(raw.size());
  for (const auto& s : segments) out += s.base;
  return out;
}

bool LocalizedString::has_ruby() const {
  for (const auto& s : segments)
    if (!s.ruby.empty()) return true;
  return false;
}

const LocalizedString* Text::pick(std::string_view lang) const {
  if (variants.empty()) return nullptr;
  for (const auto& v : variants)
    if (v.lang == lang) return &v;
  for (const auto& v : variants)
    if (v.lang == "ja") return &v;
  return &variants.front();
}

std::string Text::plain(std::string_view lang) const {
  const LocalizedString* v = pick(lang);
  return v ? v->plain() : std::string();
}

std::vector<std::string> Text::languages() const {
  std::vector<std::string> out;
  for (const auto& v : variants) out.push_back(v.lang);
  return out;
}

namespace {

template <typename E, size_t N>
std::optional<E> FromName(const std::array<std::pair<E, std::string_view>, N>& table,
                          std::string_view s) {
  for (const auto& [e, name] : table)
    if (name == s) return e;
  return std::nullopt;
}

template <typename E, size_t N>
std::string_view ToName(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
  for (const auto& [v, name] : table)
    if (v == e) return name;
  return "?";
}

constexpr std::array<std::pair<Kind, std::string_view>, 5> kKinds{{
    {Kind::kNews, "news"},
    {Kind::kPreparedness, "preparedness"},
    {Kind::kAlert, "alert"},
    {Kind::kProject, "project"},
    {Kind::kVideo, "video"},
}};

constexpr std::array<std::pair<Hazard, std::string_view>, 12> kHazards{{
    {Hazard::kFlood, "flood"},
    {Hazard::kInlandFlood, "inland_flood"},
    {Hazard::kLandslide, "landslide"},
    {Hazard::kStormSurge, "storm_surge"},
    {Hazard::kTsunami, "tsunami"},
    {Hazard::kEarthquake, "earthquake"},
    {Hazard::kFire, "fire"},
    {Hazard::kStorm, "storm"},
    {Hazard::kSnow, "snow"},
    {Hazard::kHeat, "heat"},
    {Hazard::kVolcano, "volcano"},
    {Hazard::kOther, "other"},
}};

constexpr std::array<std::pair<ItemStatus, std::string_view>, 3> kStatuses{{
    {ItemStatus::kActual, "actual"},
    {ItemStatus::kExercise, "exercise"},
    {ItemStatus::kTest, "test"},
}};

constexpr std::array<std::pair<ShelterStatus, std::string_view>, 4> kShelterStatuses{{
    {ShelterStatus::kOpen, "open"},
    {ShelterStatus::kClosed, "closed"},
    {ShelterStatus::kFull, "full"},
    {ShelterStatus::kUnknown, "unknown"},
}};

}  // namespace

std::string_view KindName(Kind k) {
  return ToName(kKinds, k);
}
std::string_view HazardName(Hazard h) {
  return ToName(kHazards, h);
}
std::string_view StatusName(ItemStatus s) {
  return ToName(kStatuses, s);
}
std::string_view ShelterStatusName(ShelterStatus s) {
  return ToName(kShelterStatuses, s);
}
std::optional<Kind> KindFromName(std::string_view s) {
  return FromName(kKinds, s);
}
std::optional<Hazard> HazardFromName(std::string_view s) {
  // 大規模な火事 of the shelter designations, as issue 19 names it: the same hazard as "fire".
  if (s == "large_fire") return Hazard::kFire;
  return FromName(kHazards, s);
}
std::optional<ItemStatus> StatusFromName(std::string_view s) {
  return FromName(kStatuses, s);
}
std::optional<ShelterStatus> ShelterStatusFromName(std::string_view s) {
  return FromName(kShelterStatuses, s);
}

}  // namespace machikado::feed
