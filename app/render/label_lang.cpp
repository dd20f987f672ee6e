#include "render/label_lang.h"

namespace machikado::render {

LabelLang LabelLangOf(std::string_view lang) {
  auto starts = [&](std::string_view p) {
    return lang.substr(0, p.size()) == p && (lang.size() == p.size() || lang[p.size()] == '-');
  };
  if (lang == "ja-x-easy") return LabelLang::kEasy;
  if (starts("ja")) return LabelLang::kJa;
  if (starts("zh")) return LabelLang::kZh;
  if (starts("ko")) return LabelLang::kKo;
  if (starts("vi")) return LabelLang::kVi;
  return LabelLang::kEn;
}

const char* PickLabel(LabelLang l, const char* ja, const char* easy, const char* en, const char* zh,
                      const char* ko, const char* vi) {
  switch (l) {
    case LabelLang::kJa:
      return ja;
    case LabelLang::kEasy:
      return easy;
    case LabelLang::kEn:
      return en;
    case LabelLang::kZh:
      return zh;
    case LabelLang::kKo:
      return ko;
    case LabelLang::kVi:
      return vi;
  }
  return en;
}

}  // namespace machikado::render
