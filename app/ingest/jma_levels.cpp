#include "ingest/jma_levels.h"

#include <array>

namespace machikado::ingest {
namespace {

using feed::Hazard;

bool Has(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

KindMeaning Leveled(int level, Hazard hazard, std::string en) {
  KindMeaning m;
  m.level = level;
  m.hazard = hazard;
  m.name_en = std::move(en);
  return m;
}

// The hazard a revised-system name is about: 土砂災害, 氾濫 (rivers), 高潮, 大雨 (inundation).
Hazard HazardFromName(std::string_view name) {
  if (Has(name, "土砂")) return Hazard::kLandslide;
  if (Has(name, "氾濫") || Has(name, "洪水")) return Hazard::kFlood;
  if (Has(name, "高潮")) return Hazard::kStormSurge;
  if (Has(name, "大雨")) return Hazard::kInlandFlood;
  return Hazard::kOther;
}

}  // namespace

std::string AsciiDigits(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    // U+FF10–U+FF19 are EF BC 90–99; U+FF0B ＋ is EF BC 8B, U+FF0D － is EF BC 8D.
    if (i + 2 < s.size() && s[i] == '\xEF' && s[i + 1] == '\xBC') {
      const unsigned char c = s[i + 2];
      if (c >= 0x90 && c <= 0x99) {
        out += static_cast<char>('0' + (c - 0x90));
        i += 2;
        continue;
      }
      if (c == 0x8B || c == 0x8D) {
        out += c == 0x8B ? '+' : '-';
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::optional<int> LevelFromName(std::string_view name) {
  const std::string ascii = AsciiDigits(name);
  constexpr std::string_view kLevel = "レベル";
  const size_t at = ascii.find(kLevel);
  if (at == std::string::npos || at + kLevel.size() >= ascii.size()) return std::nullopt;
  const char d = ascii[at + kLevel.size()];
  if (d < '1' || d > '5') return std::nullopt;
  return d - '0';
}

std::optional<KindMeaning> WeatherWarningMeaning(std::string_view name, std::string_view code,
                                                 std::string_view condition) {
  if (auto level = LevelFromName(name)) return Leveled(*level, HazardFromName(name), "");
  const std::string c = AsciiDigits(code);
  const bool landslide = Has(condition, "土砂災害");
  if (c == "33")  // 大雨特別警報: 相当5
    return Leveled(5, landslide ? Hazard::kLandslide : Hazard::kInlandFlood,
                   "Heavy Rain Emergency Warning");
  if (c == "03") {
    // 大雨警報（土砂災害）is 相当3; 大雨警報（浸水害）has no level in the guideline.
    if (!landslide) return std::nullopt;
    return Leveled(3, Hazard::kLandslide, "Heavy Rain Warning (landslides)");
  }
  if (c == "04") return Leveled(3, Hazard::kFlood, "Flood Warning");
  if (c == "10") return Leveled(2, Hazard::kInlandFlood, "Heavy Rain Advisory");
  if (c == "18") return Leveled(2, Hazard::kFlood, "Flood Advisory");
  if (c == "38") return Leveled(4, Hazard::kStormSurge, "Storm Surge Emergency Warning");
  if (c == "08") return Leveled(4, Hazard::kStormSurge, "Storm Surge Warning");
  if (c == "19") return Leveled(2, Hazard::kStormSurge, "Storm Surge Advisory");
  return std::nullopt;
}

std::optional<KindMeaning> LandslideMeaning(std::string_view name, std::string_view code) {
  if (Has(name, "解除") || Has(name, "なし")) return std::nullopt;
  if (auto level = LevelFromName(name)) return Leveled(*level, Hazard::kLandslide, "");
  if (AsciiDigits(code) == "3" || name == "警戒")
    return Leveled(4, Hazard::kLandslide, "Landslide Alert Information");
  return std::nullopt;
}

std::optional<KindMeaning> RiverFloodMeaning(std::string_view name) {
  if (Has(name, "解除")) return std::nullopt;
  if (auto level = LevelFromName(name)) return Leveled(*level, Hazard::kFlood, "");
  if (Has(name, "氾濫発生")) return Leveled(5, Hazard::kFlood, "Flooding Occurrence Information");
  if (Has(name, "氾濫危険")) return Leveled(4, Hazard::kFlood, "Flood Danger Information");
  if (Has(name, "氾濫警戒")) return Leveled(3, Hazard::kFlood, "Flood Warning Information");
  if (Has(name, "氾濫注意")) return Leveled(2, Hazard::kFlood, "Flood Caution Information");
  return std::nullopt;
}

std::optional<KindMeaning> TsunamiMeaning(std::string_view code) {
  const std::string c = AsciiDigits(code);
  KindMeaning m;
  m.hazard = Hazard::kTsunami;
  if (c == "52" || c == "53") {
    m.takeover = true;
    m.name_en = "Major Tsunami Warning";
    return m;
  }
  if (c == "51") {
    m.takeover = true;
    m.name_en = "Tsunami Warning";
    return m;
  }
  if (c == "62") {
    m.name_en = "Tsunami Advisory";
    return m;
  }
  return std::nullopt;
}

std::string TsunamiName(std::string_view code, std::string_view name) {
  const std::string c = AsciiDigits(code);
  if (c == "52" || c == "53") return "大津波警報";
  if (c == "51") return "津波警報";
  if (c == "62") return "津波注意報";
  return std::string(name);
}

std::optional<int> IntensityRank(std::string_view text) {
  std::string t;
  for (char ch : AsciiDigits(text))
    if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n') t += ch;
  // JMA also writes 「５弱」「６強」 in names.
  if (t.size() > 1 && t.substr(1) == "弱") t = t.substr(0, 1) + "-";
  if (t.size() > 1 && t.substr(1) == "強") t = t.substr(0, 1) + "+";
  if (t.empty() || t[0] < '0' || t[0] > '7') return std::nullopt;
  const int base = (t[0] - '0') * 10;
  if (t.size() == 1) return base;
  if (t.size() == 2 && t[1] == '-' && (t[0] == '5' || t[0] == '6')) return base;
  if (t.size() == 2 && t[1] == '+' && (t[0] == '5' || t[0] == '6')) return base + 5;
  return std::nullopt;
}

std::string IntensityName(int rank, bool japanese) {
  const int whole = rank / 10;
  const bool upper = rank % 10 != 0;
  const bool split = whole == 5 || whole == 6;
  if (japanese) return "震度" + std::to_string(whole) + (split ? (upper ? "強" : "弱") : "");
  return "seismic intensity " + std::to_string(whole) +
         (split ? (upper ? " upper" : " lower") : "");
}

}  // namespace machikado::ingest
