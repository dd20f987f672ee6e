// SelectNearbyShelters and DistanceMetres.
#include "feed/nearby_shelters.h"

#include <algorithm>
#include <cmath>

namespace machikado::feed {

double DistanceMetres(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthRadiusM = 6371008.8;  // IUGG mean radius
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(a)));
}

std::vector<NearbyShelter> SelectNearbyShelters(const ShelterRegister& reg,
                                                const NearbyShelterQuery& q) {
  std::vector<NearbyShelter> out;
  if (q.count == 0) return out;
  const bool located = q.lat && q.lon;
  auto distance = [&](const Shelter& s) -> std::optional<double> {
    if (!located || !s.lat || !s.lon) return std::nullopt;
    return DistanceMetres(*q.lat, *q.lon, *s.lat, *s.lon);
  };
  if (!q.ids.empty()) {
    for (const std::string& id : q.ids) {
      if (out.size() >= q.count) break;
      const Shelter* s = reg.Find(id);
      if (!s) continue;
      const bool seen = std::any_of(out.begin(), out.end(),
                                    [&](const NearbyShelter& n) { return n.shelter.id == id; });
      if (!seen) out.push_back({*s, distance(*s)});
    }
    return out;
  }
  if (!located) return out;
  std::vector<std::pair<double, const Shelter*>> near;
  for (const Shelter* s : reg.Entries()) {  // by id: equal distances keep that order
    const std::optional<double> d = distance(*s);
    if (d && *d <= q.max_distance_m) near.push_back({*d, s});
  }
  std::stable_sort(near.begin(), near.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < near.size() && i < q.count; ++i)
    out.push_back({*near[i].second, near[i].first});
  return out;
}

}  // namespace machikado::feed
