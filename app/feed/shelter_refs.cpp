// ShelterRegister, ResolveShelterRefs, ShelterSuits, GeoUri, ShelterMapLink.
#include "feed/shelter_refs.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace machikado::feed {

void ShelterRegister::Add(const std::vector<Shelter>& shelters) {
  for (const Shelter& s : shelters) by_id_.emplace(s.id, s);
}

std::vector<const Shelter*> ShelterRegister::Entries() const {
  std::vector<const Shelter*> out;
  out.reserve(by_id_.size());
  for (const auto& [id, s] : by_id_) out.push_back(&s);
  std::sort(out.begin(), out.end(),
            [](const Shelter* a, const Shelter* b) { return a->id < b->id; });
  return out;
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

namespace {

// RFC 3986 percent-encoding of everything but the unreserved characters, so a name such as
// 「中央小学校 体育館」 or one containing & or # cannot change the URL's structure.
std::string PercentEncode(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : text) {
    if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      out += char(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

std::string Degrees(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  return buf;
}

}  // namespace

std::string ShelterMapLink(const Shelter& shelter, std::string_view tmpl) {
  if (!shelter.lat || !shelter.lon) return "";
  if (tmpl.empty()) return GeoUri(shelter);
  std::string out;
  size_t i = 0;
  while (i < tmpl.size()) {
    const size_t open = tmpl.find('{', i);
    if (open == std::string_view::npos) break;
    const size_t close = tmpl.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(tmpl.substr(i, open - i));
    const std::string_view key = tmpl.substr(open + 1, close - open - 1);
    if (key == "lat")
      out += Degrees(*shelter.lat);
    else if (key == "lon")
      out += Degrees(*shelter.lon);
    else if (key == "name")
      out += PercentEncode(shelter.name.plain("ja"));
    else if (key == "id")
      out += PercentEncode(shelter.id);
    else
      out.append(tmpl.substr(open, close - open + 1));  // CheckMapUrlTemplate refuses these
    i = close + 1;
  }
  out.append(tmpl.substr(std::min(i, tmpl.size())));
  return out;
}

std::string CheckMapUrlTemplate(std::string_view tmpl) {
  if (tmpl.rfind("https://", 0) != 0 && tmpl.rfind("http://", 0) != 0)
    return "must be an https:// (or http://) URL, e.g. "
           "\"https://maps.google.com/?q={lat},{lon}\"";
  if (tmpl.size() > 512) return "is longer than 512 characters";
  for (unsigned char ch : tmpl)
    if (ch <= 0x20 || ch == 0x7F) return "must not contain spaces or control characters";
  bool lat = false, lon = false, name = false;
  for (size_t open = tmpl.find('{'); open != std::string_view::npos;
       open = tmpl.find('{', open + 1)) {
    const size_t close = tmpl.find('}', open);
    if (close == std::string_view::npos) return "has a \"{\" without its \"}\"";
    const std::string_view key = tmpl.substr(open + 1, close - open - 1);
    if (key == "lat")
      lat = true;
    else if (key == "lon")
      lon = true;
    else if (key == "name")
      name = true;
    else if (key != "id")
      return "names {" + std::string(key) + "}; the placeholders are {lat}, {lon}, {name} and {id}";
  }
  if (lat != lon) return "needs both {lat} and {lon}";
  if (!lat && !name) return "needs {lat} and {lon} (or {name}) to point at the shelter";
  return "";
}

}  // namespace machikado::feed
