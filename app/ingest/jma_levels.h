// What a JMA warning kind means on a kiosk: its 警戒レベル相当 (where the Cabinet Office guideline
// 「避難情報に関するガイドライン」 or JMA's level-named warnings of the revised system define one),
// the hazard, whether it takes over the screen, and JMA's English name. The table and its sources
// are in docs/official-warnings.md; keep the two in step. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "feed/model.h"

namespace machikado::ingest {

struct KindMeaning {
  std::optional<int> level;  // 警戒レベル相当; nullopt = outside the level system
  feed::Hazard hazard = feed::Hazard::kOther;
  bool takeover = false;
  std::string name_en;  // "" when we have no official English name
};

// Full-width digits (０–９) and the full-width minus/plus turned into ASCII; other text unchanged.
std::string AsciiDigits(std::string_view s);

// 「レベル４土砂災害危険警報」「レベル３大雨警報」 → 4, 3 (the revised system's names carry the
// level).
std::optional<int> LevelFromName(std::string_view name);

// 気象特別警報・警報・注意報 (VPWW53/54 and the revised VPWW55–61, VPWS50): `code` is JMA's
// two-digit warning code, `condition` the Kind/Condition
// (「土砂災害」「浸水害」「土砂災害、浸水害」). nullopt for a kind with no level (暴風, 雷, …):
// such kinds are not shown.
std::optional<KindMeaning> WeatherWarningMeaning(std::string_view name, std::string_view code,
                                                 std::string_view condition);
// 土砂災害警戒情報 (VXWW50): Kind code 3 「警戒」 or a level name; nullopt for なし / 解除.
std::optional<KindMeaning> LandslideMeaning(std::string_view name, std::string_view code);
// 指定河川洪水予報 (氾濫注意/警戒/危険/発生情報, or the revised level names); nullopt for 解除.
std::optional<KindMeaning> RiverFloodMeaning(std::string_view name);
// 津波警報・注意報 (VTSE41) by Category/Kind/Code: 52/53 大津波警報, 51 津波警報 (both take over),
// 62 津波注意報 (an alert below takeover); nullopt for 津波予報, 解除 and 津波なし.
std::optional<KindMeaning> TsunamiMeaning(std::string_view code);
// The tsunami kind's Japanese name without JMA's 「：発表」 suffix.
std::string TsunamiName(std::string_view code, std::string_view name);

// Seismic intensity as JMA writes it ("1" … "4", "5-", "5+", "6-", "6+", "7", full-width or with
// white space) → 10 × the lower bound, with 5- = 50, 5+ = 55, 6- = 60, 6+ = 65, 7 = 70; nullopt
// when unreadable.
std::optional<int> IntensityRank(std::string_view text);
// 「震度5弱」 / "intensity 5 lower" for a rank from IntensityRank.
std::string IntensityName(int rank, bool japanese);
// Strong shaking shown as an alert: 震度5弱 or more.
constexpr int kAlertIntensityRank = 50;

}  // namespace machikado::ingest
