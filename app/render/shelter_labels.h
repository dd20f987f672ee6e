// The words of the shelter slide and its detail view in every language the kiosk's chrome speaks
// (ja, やさしい日本語 ja-x-easy, en, zh-Hans, ko, vi; English for any other): the hazard names of
// the register's eight designations (after the 指定緊急避難場所 categories of 災害対策基本法), the
// legend, distances and the map QR caption. Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "feed/model.h"

namespace machikado::render {

// The eight hazards a 指定緊急避難場所 is designated for, in the order of the standard data set's
// columns (洪水, 崖崩れ・土石流・地滑り, 高潮, 地震, 津波, 大規模な火事, 内水氾濫, 火山現象): the
// order of the pictogram slots on the slide and of the legend.
inline constexpr std::array<feed::Hazard, 8> kShelterHazards = {
    feed::Hazard::kFlood,       feed::Hazard::kLandslide, feed::Hazard::kStormSurge,
    feed::Hazard::kEarthquake,  feed::Hazard::kTsunami,   feed::Hazard::kFire,
    feed::Hazard::kInlandFlood, feed::Hazard::kVolcano};

enum class ShelterWord {
  kLegend,        // heading of the legend: 「対応する災害」
  kNoSymbolNote,  // 「マークのない災害のときは、ここへ避難しないでください」
  kStraightLine,   // 「直線距離」: distances are as the crow flies
  kNoDesignation,  // a site whose designations are not known
  kMapQr,  // caption of the QR code to a shelter's location: 「…の場所を地図で開く」
  kCapacity,  // 「収容」
  kPhone,     // 「電話」
};

std::string ShelterText(ShelterWord w, std::string_view lang);
// The hazard's name on the legend, in `lang`.
std::string ShelterHazardName(feed::Hazard h, std::string_view lang);
// "約350m" / "350 m" / "約1.2km" / "1.2 km": to 10 m below 1 km, to 0.1 km above.
std::string FormatDistance(double metres, std::string_view lang);
// "850人" / "12,000人" (Japanese), "12,000" otherwise.
std::string FormatCapacity(int64_t people, std::string_view lang);
// The caption under a shelter's map QR code, naming the shelter.
std::string MapQrCaption(std::string_view shelter_name, std::string_view lang);

}  // namespace machikado::render
