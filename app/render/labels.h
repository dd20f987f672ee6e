// Fixed screen labels (category names, field names, level names, hazard names, dates) in Japanese
// and English. Japanese for "ja*" languages; English for every other language (the item's own text
// is shown in the requested language where it provides one). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/clock.h"
#include "feed/model.h"
#include "feed/shelter_refs.h"

namespace machikado::render {

enum class Label {
  kOnline,
  kOffline,
  kOfflineAsOf,
  kDate,
  kPlace,
  kFee,
  kSource,
  kIssuer,
  kIssued,
  kConfirmed,
  kAreas,
  kShelters,
  kInstructions,
  kBaseline,
  kTarget,
  kActual,
  kAlertLevel,
  kEvacuateByLevel4,
  kDepartment,
  kKeyActions,
  kExpires,
  kNoLevel,
  kContact,
  kLevelEquivalent,      // 「相当」 after the level number of a 警戒レベル相当情報
  kLevelEquivalentInfo,  // the band's name line for an equivalent level (never 避難指示 etc.)
};

bool IsJapanese(std::string_view lang);
std::string L(Label l, std::string_view lang);
std::string KindLabel(feed::Kind k, std::string_view lang);      // ニュース / News …
std::string HazardLabel(feed::Hazard h, std::string_view lang);  // 洪水 / Flood …
std::string LevelName(int level, std::string_view lang);         // 避難指示 / Evacuation …
// 「警戒レベル4」 / "Alert Level 4", or 「警戒レベル4相当」 / "Alert Level 4 equivalent" for a
// 警戒レベル相当情報 (feed level_basis "equivalent"). Every text that names an alert's level goes
// through this.
std::string LevelHeading(int level, feed::LevelBasis basis, std::string_view lang);
// LevelName for the municipality's own levels; 「警戒レベル相当情報」 for equivalents, which are
// not the municipality's 避難指示 or 緊急安全確保.
std::string LevelNameFor(int level, feed::LevelBasis basis, std::string_view lang);
std::string ShelterStatusLabel(feed::ShelterStatus s, std::string_view lang);
// Whether a shelter suits the alert's hazard: 「洪水に対応」 / 「洪水は対象外」 /
// 「対応する災害は不明」.
std::string ShelterSuitabilityLabel(feed::Suitability s, feed::Hazard h, std::string_view lang);

// "11月23日(月) 14:05" / "Mon 23 Nov 14:05" in local time at `utc_offset_s`.
std::string FormatDateTime(UnixSeconds t, int utc_offset_s, std::string_view lang);
// "14:05".
std::string FormatTime(UnixSeconds t, int utc_offset_s);
// "11月23日(月) 9:00" without the time when it is midnight and `date_only_at_midnight`.
std::string FormatDate(UnixSeconds t, int utc_offset_s, std::string_view lang, bool with_time);
// "令和8年" (empty before 令和 or for non-Japanese languages).
std::string FormatWareki(UnixSeconds t, int utc_offset_s);

}  // namespace machikado::render
