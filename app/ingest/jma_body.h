// The parts of a JMA disaster-information message that ParseJmaMessage (jma_message.cpp) shares
// with its body readers: JMA's namespaces, the message family, what every alert of one message
// shares, and one reader per family's <Body> (jma_area_warnings.cpp: 気象警報・注意報,
// 土砂災害警戒情報, 指定河川洪水予報; jma_seismic.cpp: 津波, 震度). Internal to ingest/; pure;
// thread-safe.
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "ingest/official_alert.h"

namespace machikado::ingest::jma {

inline constexpr std::string_view kJmx = "http://xml.kishou.go.jp/jmaxml1/";
inline constexpr std::string_view kHeadNs = "http://xml.kishou.go.jp/jmaxml1/informationBasis1/";
inline constexpr std::string_view kBodyPrefix = "http://xml.kishou.go.jp/jmaxml1/body/";
inline constexpr std::string_view kElementBasis = "http://xml.kishou.go.jp/jmaxml1/elementBasis1/";

inline bool Has(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

enum class Family { kWeather, kLandslide, kRiver, kTsunami, kQuake, kOther };

// "warning", "landslide", … : the family's word in alert ids, tags and scopes.
const char* FamilyName(Family f);

// What every alert of one message shares.
struct Common {
  feed::ItemStatus status = feed::ItemStatus::kActual;
  std::string id_suffix;  // "", "-exercise", "-test": a drill never replaces a real warning
  UnixSeconds report_time = 0;
  std::optional<UnixSeconds> valid_until;
  std::string headline;
  std::string publishing_office;
  std::string head_title;
  std::string event_id;
};

// An alert with what every alert of the message shares filled in (status, times, summary, issuer).
OfficialAlert Base(const Common& c);

// What to do at each 相当 level (the guideline's action for the level, and a pointer to the
// municipality, which alone issues 避難指示); sets the priority from the level.
void SetLevelInstructions(OfficialAlert* a);

// Body readers: each adds the message's slots (area code → alert in force, or nullopt) to *e.
void ReadAreaWarnings(const pugi::xml_node& body, const std::string& ns, const Common& c,
                      Family family, MessageEffect* e);
void ReadRiver(const pugi::xml_node& head, const pugi::xml_node& body, const std::string& ns,
               const Common& c, MessageEffect* e);
void ReadTsunami(const pugi::xml_node& body, const std::string& ns, const Common& c,
                 MessageEffect* e);
void ReadQuake(const pugi::xml_node& body, const std::string& ns, const Common& c,
               MessageEffect* e);

}  // namespace machikado::ingest::jma
