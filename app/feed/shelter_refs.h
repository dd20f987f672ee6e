// Shelters by reference: an alert lists {"ref": "<id>", "status": "open"} and the details come
// from the shelter register (a feed's top-level `shelters`) of any feed the kiosk reads. Also what
// the screens need to show a shelter in an alert: whether it suits the alert's hazard (from the
// register's designation flags) and a geo: URI for its QR code. Pure functions and a value type;
// thread-compatible.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "feed/model.h"

namespace machikado::feed {

// The registers of several feeds merged: for an id listed by two feeds, the first added wins
// (feeds are added in configuration order).
class ShelterRegister {
 public:
  void Add(const std::vector<Shelter>& shelters);
  const Shelter* Find(std::string_view id) const;
  size_t size() const { return by_id_.size(); }
  // Every entry, ordered by id (a stable order for choosing among equals).
  std::vector<const Shelter*> Entries() const;

 private:
  std::unordered_map<std::string, Shelter> by_id_;
};

// True when one of the item's alert shelters is a reference.
bool HasShelterRefs(const Item& item);

// Fills every reference shelter of `item` from `reg`: name, address, hazards, capacity, lat/lon,
// phone and url where the alert did not give them (the alert's status and updated always stay its
// own). Sets `resolved`. Returns how many references found no register entry (they are kept and
// shown by their id, so a typo is visible instead of a shelter silently disappearing).
size_t ResolveShelterRefs(Item* item, const ShelterRegister& reg);

enum class Suitability {
  kSuits,          // designated for the alert's hazard
  kNotDesignated,  // designated for other hazards only: do not send people there for this one
  kUnknown,        // no designations known, or a hazard without designations (storm, heat, …)
};
Suitability ShelterSuits(const Shelter& shelter, Hazard alert_hazard);

// "geo:33.841993,132.761854" (RFC 5870), or "" without a position.
std::string GeoUri(const Shelter& shelter);

// The link a QR code for the shelter's location carries: GeoUri when `map_url_template` is empty,
// else the template with {lat} and {lon} (decimal degrees, 6 places), {name} (the Japanese name,
// percent-encoded UTF-8) and {id} (percent-encoded) filled in. "" without a position.
std::string ShelterMapLink(const Shelter& shelter, std::string_view map_url_template);
// Why a map URL template cannot be used ("" when it can): it must be an http(s) URL naming
// {lat} and {lon}, or {name}, and no other {placeholder}.
std::string CheckMapUrlTemplate(std::string_view map_url_template);

}  // namespace machikado::feed
