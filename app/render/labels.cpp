#include "render/labels.h"

#include <cstdio>

namespace machikado::render {

bool IsJapanese(std::string_view lang) {
  return lang.substr(0, 2) == "ja";
}

std::string L(Label l, std::string_view lang) {
  const bool ja = IsJapanese(lang);
  switch (l) {
    case Label::kOnline:
      return ja ? "オンライン" : "Online";
    case Label::kOffline:
      return ja ? "オフライン" : "Offline";
    case Label::kOfflineAsOf:
      return ja ? "時点の情報" : "information as of";
    case Label::kDate:
      return ja ? "日時" : "When";
    case Label::kPlace:
      return ja ? "場所" : "Where";
    case Label::kFee:
      return ja ? "費用" : "Fee";
    case Label::kSource:
      return ja ? "お知らせ元" : "From";
    case Label::kIssuer:
      return ja ? "発表" : "Issued by";
    case Label::kIssued:
      return ja ? "発表時刻" : "Issued";
    case Label::kConfirmed:
      return ja ? "最終確認" : "Last confirmed";
    case Label::kAreas:
      return ja ? "対象地域" : "Areas";
    case Label::kShelters:
      return ja ? "避難所" : "Shelters";
    case Label::kInstructions:
      return ja ? "とるべき行動" : "What to do";
    case Label::kBaseline:
      return ja ? "基準" : "Baseline";
    case Label::kTarget:
      return ja ? "目標" : "Target";
    case Label::kActual:
      return ja ? "実績" : "Actual";
    case Label::kAlertLevel:
      return ja ? "警戒レベル" : "Alert Level";
    case Label::kEvacuateByLevel4:
      return ja ? "警戒レベル4までに必ず避難！" : "Evacuate by Level 4 at the latest!";
    case Label::kDepartment:
      return ja ? "担当" : "Department";
    case Label::kKeyActions:
      return ja ? "いまできること" : "What you can do";
    case Label::kExpires:
      return ja ? "有効期限" : "Valid until";
    case Label::kNoLevel:
      return ja ? "警報" : "Alert";
    case Label::kContact:
      return ja ? "問い合わせ" : "Contact";
    case Label::kLevelEquivalent:
      return ja ? "相当" : "equivalent";
    case Label::kLevelEquivalentInfo:
      return ja ? "警戒レベル相当情報" : "Level-equivalent information";
  }
  return "";
}

std::string KindLabel(feed::Kind k, std::string_view lang) {
  const bool ja = IsJapanese(lang);
  switch (k) {
    case feed::Kind::kNews:
      return ja ? "ニュース" : "News";
    case feed::Kind::kPreparedness:
      return ja ? "防災" : "Preparedness";
    case feed::Kind::kProject:
      return ja ? "事業" : "Projects";
    case feed::Kind::kAlert:
      return ja ? "警報" : "Alert";
    case feed::Kind::kVideo:
      return ja ? "動画" : "Video";
  }
  return "";
}

std::string HazardLabel(feed::Hazard h, std::string_view lang) {
  const bool ja = IsJapanese(lang);
  using H = feed::Hazard;
  switch (h) {
    case H::kFlood:
      return ja ? "洪水" : "Flood";
    case H::kInlandFlood:
      return ja ? "内水氾濫" : "Inland flooding";
    case H::kLandslide:
      return ja ? "土砂災害" : "Landslide";
    case H::kStormSurge:
      return ja ? "高潮" : "Storm surge";
    case H::kTsunami:
      return ja ? "津波" : "Tsunami";
    case H::kEarthquake:
      return ja ? "地震" : "Earthquake";
    case H::kFire:
      return ja ? "火災" : "Fire";
    case H::kStorm:
      return ja ? "暴風" : "Storm";
    case H::kSnow:
      return ja ? "大雪" : "Heavy snow";
    case H::kHeat:
      return ja ? "熱中症" : "Heat";
    case H::kVolcano:
      return ja ? "火山" : "Volcano";
    case H::kOther:
      return ja ? "その他" : "Other";
  }
  return "";
}

std::string LevelName(int level, std::string_view lang) {
  const bool ja = IsJapanese(lang);
  switch (level) {
    case 5:
      return ja ? "緊急安全確保" : "Emergency safety measures";
    case 4:
      return ja ? "避難指示" : "Evacuation instruction";
    case 3:
      return ja ? "高齢者等避難" : "Evacuation of the elderly etc.";
    case 2:
      return ja ? "注意報（大雨・洪水注意報等）" : "Advisory (heavy rain, flood, …)";
    case 1:
      return ja ? "早期注意情報" : "Early warning information";
  }
  return "";
}

std::string LevelHeading(int level, feed::LevelBasis basis, std::string_view lang) {
  const bool ja = IsJapanese(lang);
  std::string s = L(Label::kAlertLevel, lang) + (ja ? "" : " ") + std::to_string(level);
  if (basis == feed::LevelBasis::kEquivalent)
    s += (ja ? "" : " ") + L(Label::kLevelEquivalent, lang);
  return s;
}

std::string LevelNameFor(int level, feed::LevelBasis basis, std::string_view lang) {
  if (basis == feed::LevelBasis::kEquivalent) return L(Label::kLevelEquivalentInfo, lang);
  return LevelName(level, lang);
}

std::string ShelterStatusLabel(feed::ShelterStatus s, std::string_view lang) {
  const bool ja = IsJapanese(lang);
  using S = feed::ShelterStatus;
  switch (s) {
    case S::kOpen:
      return ja ? "開設" : "Open";
    case S::kClosed:
      return ja ? "閉鎖" : "Closed";
    case S::kFull:
      return ja ? "満員" : "Full";
    case S::kUnknown:
      return ja ? "状況不明" : "Unknown";
  }
  return "";
}

std::string ShelterSuitabilityLabel(feed::Suitability s, feed::Hazard h, std::string_view lang) {
  const bool ja = IsJapanese(lang);
  const std::string hazard = HazardLabel(h, lang);
  switch (s) {
    case feed::Suitability::kSuits:
      return ja ? hazard + "に対応" : hazard + ": designated";
    case feed::Suitability::kNotDesignated:
      return ja ? hazard + "は対象外" : hazard + ": not designated";
    case feed::Suitability::kUnknown:
      return ja ? "対応する災害は不明" : "Hazards not known";
  }
  return "";
}

namespace {

struct Civil {
  int year, month, day, weekday, hour, minute;
};

// Howard Hinnant's days → civil date algorithm (public domain formulation).
Civil ToCivil(UnixSeconds t) {
  int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  int64_t secs = t - days * 86400;
  int weekday = static_cast<int>((days % 7 + 11) % 7);  // 1970-01-01 was a Thursday (4)
  int64_t z = days + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(y + (m <= 2)),    m, d, weekday, static_cast<int>(secs / 3600),
          static_cast<int>(secs % 3600 / 60)};
}

}  // namespace

std::string FormatTime(UnixSeconds t, int off) {
  Civil c = ToCivil(t + off);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d:%02d", c.hour, c.minute);
  return buf;
}

std::string FormatDate(UnixSeconds t, int off, std::string_view lang, bool with_time) {
  static const char* kJaDays[] = {"日", "月", "火", "水", "木", "金", "土"};
  static const char* kEnDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kEnMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  Civil c = ToCivil(t + off);
  char buf[64];
  if (IsJapanese(lang))
    std::snprintf(buf, sizeof buf, "%d月%d日(%s)", c.month, c.day, kJaDays[c.weekday]);
  else
    std::snprintf(buf, sizeof buf, "%s %d %s", kEnDays[c.weekday], c.day, kEnMonths[c.month - 1]);
  std::string s = buf;
  if (with_time) s += " " + FormatTime(t, off);
  return s;
}

std::string FormatDateTime(UnixSeconds t, int off, std::string_view lang) {
  return FormatDate(t, off, lang, true);
}

std::string FormatWareki(UnixSeconds t, int off) {
  Civil c = ToCivil(t + off);
  // 令和 began on 2019-05-01.
  if (c.year < 2019 || (c.year == 2019 && c.month < 5)) return "";
  int y = c.year - 2018;
  return y == 1 ? "令和元年" : "令和" + std::to_string(y) + "年";
}

}  // namespace machikado::render
