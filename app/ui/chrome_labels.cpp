#include "ui/chrome_labels.h"

#include <algorithm>

#include "render/label_lang.h"

namespace machikado::ui {

namespace {

bool Starts(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

using Lx = render::LabelLang;
using render::PickLabel;

}  // namespace

std::string LanguageName(std::string_view lang) {
  struct Name {
    std::string_view tag, name;
  };
  static constexpr Name kNames[] = {
      {"ja-x-easy", "やさしい にほんご"},
      {"ja", "日本語"},
      {"en", "English"},
      {"zh-Hans", "简体中文"},
      {"zh-Hant", "繁體中文"},
      {"zh", "中文"},
      {"ko", "한국어"},
      {"vi", "Tiếng Việt"},
      {"es", "Español"},
      {"pt", "Português"},
      {"id", "Bahasa Indonesia"},
      {"tl", "Tagalog"},
      {"fil", "Filipino"},
      {"mn", "Монгол"},
      {"fr", "Français"},
      {"de", "Deutsch"},
  };
  for (const auto& n : kNames)
    if (lang == n.tag) return std::string(n.name);
  // "en-US" → English, "zh-Hans-CN" → 简体中文: the longest known prefix on a subtag boundary.
  for (const auto& n : kNames)
    if (Starts(lang, n.tag) && lang.size() > n.tag.size() && lang[n.tag.size()] == '-')
      return std::string(n.name);
  return std::string(lang);
}

std::string TabLabel(Tab tab, std::string_view lang) {
  const Lx l = render::LabelLangOf(lang);
  switch (tab) {
    case Tab::kAll:
      return PickLabel(l, "すべて", "ぜんぶ", "All", "全部", "전체", "Tất cả");
    case Tab::kNews:
      return PickLabel(l, "ニュース", "ニュース", "News", "新闻", "뉴스", "Tin tức");
    case Tab::kPreparedness:
      return PickLabel(l, "防災", "ぼうさい", "Preparedness", "防灾", "방재",
                       "Phòng chống thiên tai");
    case Tab::kProject:
      return PickLabel(l, "事業", "まちの しごと", "Projects", "项目", "사업", "Dự án");
  }
  return "";
}

std::string ChromeText(ChromeLabel label, std::string_view lang) {
  const Lx l = render::LabelLangOf(lang);
  switch (label) {
    case ChromeLabel::kClose:
      return PickLabel(l, "閉じる", "とじる", "Close", "关闭", "닫기", "Đóng");
    case ChromeLabel::kLanguage:
      return PickLabel(l, "言語", "ことば", "Language", "语言", "언어", "Ngôn ngữ");
    case ChromeLabel::kScrollMore:
      return PickLabel(l, "続きがあります（上下に動かせます）", "つづきが あります",
                       "More below – drag up and down", "下面还有内容", "아래에 더 있습니다",
                       "Còn tiếp – kéo lên xuống");
    case ChromeLabel::kScanQr:
      return PickLabel(l, "スマートフォンで読み取ると、くわしい情報を見られます",
                       "スマートフォンで よみとると くわしく わかります",
                       "Scan with your phone to take this notice with you",
                       "用手机扫描，查看详细信息",
                       "휴대폰으로 스캔하면 자세한 정보를 볼 수 있습니다",
                       "Quét bằng điện thoại để xem chi tiết");
    case ChromeLabel::kPrevious:
      return PickLabel(l, "前へ", "まえ", "Back", "上一个", "이전", "Trước");
    case ChromeLabel::kNext:
      return PickLabel(l, "次へ", "つぎ", "Next", "下一个", "다음", "Tiếp");
    case ChromeLabel::kTapForDetails:
      return PickLabel(l, "画面にふれると詳しく見られます", "がめんに さわると くわしく みられます",
                       "Touch the screen for details", "触摸屏幕查看详情",
                       "화면을 누르면 자세히 볼 수 있습니다", "Chạm vào màn hình để xem chi tiết");
  }
  return "";
}

std::vector<std::string> ItemLanguages(const feed::Item& item) {
  std::vector<std::string> out;
  for (const feed::Text* t : {&item.title, &item.summary, &item.body})
    for (const auto& v : t->variants)
      if (std::find(out.begin(), out.end(), v.lang) == out.end()) out.push_back(v.lang);
  return out;
}

std::string EffectiveLanguage(const std::vector<std::string>& languages,
                              std::string_view requested) {
  if (languages.empty()) return std::string(requested);
  for (std::string_view want : {requested, std::string_view("ja")})
    if (std::find(languages.begin(), languages.end(), want) != languages.end())
      return std::string(want);
  return languages.front();
}

std::string NextLanguage(const std::vector<std::string>& languages, std::string_view current) {
  if (languages.empty()) return std::string(current);
  const std::string shown = EffectiveLanguage(languages, current);
  const auto it = std::find(languages.begin(), languages.end(), shown);
  const size_t i = size_t(it - languages.begin());
  return languages[(i + 1) % languages.size()];
}

}  // namespace machikado::ui
