// Which shelters of the register the kiosk's shelter slide 「この近くの指定緊急避難場所」 lists:
// those the configuration names (a district's own list, in its order), or else the nearest to the
// kiosk's position within a radius. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "feed/model.h"
#include "feed/shelter_refs.h"

namespace machikado::feed {

struct NearbyShelterQuery {
  // The kiosk's position (WGS 84 degrees); both or neither. Gives distances and the nearest.
  std::optional<double> lat;
  std::optional<double> lon;
  // Register ids chosen by staff (e.g. the district's shelters), shown in this order; ids the
  // register does not know are left out. When non-empty, the nearest are not searched.
  std::vector<std::string> ids;
  size_t count = 4;              // at most this many
  double max_distance_m = 3000;  // the nearest only within this straight-line distance
};

// Great-circle distance in metres between two WGS 84 positions (haversine on a sphere of the
// Earth's mean radius; under 0.5 % off the ellipsoid, far finer than a walk's detours).
double DistanceMetres(double lat1, double lon1, double lat2, double lon2);

// The shelters to list: `q.ids` in order when given, else those with a position within
// `q.max_distance_m` of the kiosk, nearest first (ties by id). Empty when the query has neither ids
// nor a position: without either, "nearby" cannot be known and no slide is shown.
std::vector<NearbyShelter> SelectNearbyShelters(const ShelterRegister& reg,
                                                const NearbyShelterQuery& q);

}  // namespace machikado::feed
