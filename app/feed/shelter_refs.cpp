// ShelterRegister, ResolveShelterRefs, ShelterSuits, GeoUri.
#include "feed/shelter_refs.h"

#include <algorithm>
#include <cstdio>

namespace machikado::feed {

void ShelterRegister::Add(const std::vector<Shelter>& shelters) {
  for (const Shelter& s : shelters) by_id_.emplace(s.id, s);
}

const Shelter* ShelterRegister::Find(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &it->second;
}

bool HasShelterRefs(const Item& item) {
  if (item.kind != Kind::kAlert) return false;
  return std::any_of(item.alert.shelters.begin(), item.alert.shelters.end(),
                     [](const Shelter& s) { return !s.ref.empty(); });
}

size_t ResolveShelterRefs(Item* item, const ShelterRegister& reg) {
  size_t missing = 0;
  for (Shelter& s : item->alert.shelters) {
    if (s.ref.empty()) continue;
    const Shelter* r = reg.Find(s.ref);
    s.resolved = r != nullptr;
    if (!r) {
      ++missing;
      if (s.name.empty()) s.name.variants.push_back({"ja", s.ref, {{s.ref, ""}}});
      continue;
    }
    if (s.name.empty()) s.name = r->name;
    if (s.address.empty()) s.address = r->address;
    if (s.hazards.empty()) s.hazards = r->hazards;
    if (!s.capacity) s.capacity = r->capacity;
    if (!s.lat || !s.lon) {
      s.lat = r->lat;
      s.lon = r->lon;
    }
    if (s.phone.empty()) s.phone = r->phone;
    if (s.url.empty()) s.url = r->url;
  }
  return missing;
}

Suitability ShelterSuits(const Shelter& shelter, Hazard alert_hazard) {
  switch (alert_hazard) {
    case Hazard::kStorm:
    case Hazard::kSnow:
    case Hazard::kHeat:
    case Hazard::kOther:
      return Suitability::kUnknown;
    default:
      break;
  }
  if (shelter.hazards.empty()) return Suitability::kUnknown;
  const bool listed = std::find(shelter.hazards.begin(), shelter.hazards.end(), alert_hazard) !=
                      shelter.hazards.end();
  return listed ? Suitability::kSuits : Suitability::kNotDesignated;
}

std::string GeoUri(const Shelter& shelter) {
  if (!shelter.lat || !shelter.lon) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "geo:%.6f,%.6f", *shelter.lat, *shelter.lon);
  return buf;
}

}  // namespace machikado::feed
