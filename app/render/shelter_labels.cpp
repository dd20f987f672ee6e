// Shelter slide words. Terms follow the Cabinet Office's 避難情報 multilingual materials and
// municipal multilingual disaster guides; やさしい日本語 after 「在留支援のためのやさしい日本語
// ガイドライン」 (short words, spaces between phrases, kana instead of hard kanji).
#include "render/shelter_labels.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "render/label_lang.h"

namespace machikado::render {
namespace {

using Lx = LabelLang;

struct Six {
  const char *ja, *easy, *en, *zh, *ko, *vi;
  std::string in(Lx l) const { return PickLabel(l, ja, easy, en, zh, ko, vi); }
};

}  // namespace

std::string ShelterText(ShelterWord w, std::string_view lang) {
  const Lx l = LabelLangOf(lang);
  switch (w) {
    case ShelterWord::kLegend:
      return Six{"対応する災害", "にげて よい さいがい", "Designated for", "适用的灾害",
                 "대상 재해",    "Dùng khi có"}
          .in(l);
    case ShelterWord::kNoSymbolNote:
      return Six{"マークのない災害のときは、ここへ避難しないでください",
                 "マークが ない さいがいの ときは、ここへ にげないで ください",
                 "No symbol: not safe for that hazard. Go to another site.",
                 "没有标记的灾害发生时，请不要到这里避难",
                 "표시가 없는 재해 때에는 이곳으로 대피하지 마십시오",
                 "Không có ký hiệu: không sơ tán đến đây khi có thiên tai đó"}
          .in(l);
    case ShelterWord::kStraightLine:
      return Six{"直線距離", "まっすぐの きょり", "as the crow flies",
                 "直线距离", "직선거리",          "đường chim bay"}
          .in(l);
    case ShelterWord::kNoDesignation:
      return Six{"対応する災害は不明", "どの さいがいか わかりません",
                 "Hazards not known",  "适用灾害不明",
                 "대상 재해 불명",     "Chưa rõ loại thiên tai"}
          .in(l);
    case ShelterWord::kMapQr:
      return Six{"の場所を地図で開く", "の ばしょを ちずで みる", "Open on a map: ",
                 "在地图上打开：",     "지도에서 열기: ",         "Mở bản đồ: "}
          .in(l);
    case ShelterWord::kCapacity:
      return Six{"収容", "はいれる 人", "Capacity", "容纳人数", "수용 인원", "Sức chứa"}.in(l);
    case ShelterWord::kPhone:
      return Six{"電話", "でんわ", "Phone", "电话", "전화", "Điện thoại"}.in(l);
  }
  return "";
}

std::string ShelterHazardName(feed::Hazard h, std::string_view lang) {
  const Lx l = LabelLangOf(lang);
  using H = feed::Hazard;
  switch (h) {
    case H::kFlood:
      return Six{"洪水", "こうずい", "Flood", "洪水", "홍수", "Lũ lụt"}.in(l);
    case H::kLandslide:
      return Six{"土砂災害", "がけくずれ", "Landslide", "泥石流·滑坡", "토사 재해", "Sạt lở đất"}
          .in(l);
    case H::kStormSurge:
      return Six{"高潮", "たかしお", "Storm surge", "风暴潮", "폭풍 해일", "Triều cường"}.in(l);
    case H::kEarthquake:
      return Six{"地震", "じしん", "Earthquake", "地震", "지진", "Động đất"}.in(l);
    case H::kTsunami:
      return Six{"津波", "つなみ", "Tsunami", "海啸", "쓰나미", "Sóng thần"}.in(l);
    case H::kFire:
      return Six{"大規模な火事", "おおきな かじ", "Large fire",
                 "大规模火灾",   "대규모 화재",   "Hỏa hoạn lớn"}
          .in(l);
    case H::kInlandFlood:
      return Six{"内水氾濫", "まちの しんすい", "Inland flooding", "内涝", "내수 범람", "Ngập úng"}
          .in(l);
    case H::kVolcano:
      return Six{"火山", "かざん", "Volcano", "火山", "화산", "Núi lửa"}.in(l);
    default:
      break;
  }
  return "";
}

std::string FormatDistance(double metres, std::string_view lang) {
  const Lx l = LabelLangOf(lang);
  const bool ja = l == Lx::kJa || l == Lx::kEasy;
  char buf[32];
  if (metres < 995) {
    const long m = std::max(10L, std::lround(metres / 10) * 10);
    std::snprintf(buf, sizeof buf, ja ? "約%ldm" : "%ld m", m);
  } else {
    const double km = std::round(metres / 100) / 10;
    std::snprintf(buf, sizeof buf, ja ? "約%.1fkm" : "%.1f km", km);
  }
  return buf;
}

std::string FormatCapacity(int64_t people, std::string_view lang) {
  std::string digits = std::to_string(people < 0 ? 0 : people), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  const Lx l = LabelLangOf(lang);
  return l == Lx::kJa || l == Lx::kEasy || l == Lx::kZh ? out + "人" : out;
}

std::string MapQrCaption(std::string_view name, std::string_view lang) {
  const Lx l = LabelLangOf(lang);
  const std::string word = ShelterText(ShelterWord::kMapQr, lang);
  if (l == Lx::kJa || l == Lx::kEasy) return std::string(name) + word;
  return word + std::string(name);
}

}  // namespace machikado::render
