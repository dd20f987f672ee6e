// The languages machikado carries its own words for (slide labels, shelter words, touch chrome):
// 日本語, やさしい日本語 (ja-x-easy), English, 中文, 한국어, Tiếng Việt — and picking a word for a
// visitor's language. Any other language reads English. Pure; thread-safe.
#pragma once

#include <string_view>

namespace machikado::render {

enum class LabelLang { kJa, kEasy, kEn, kZh, kKo, kVi };

// "ja-x-easy" → kEasy; "ja", "zh", "ko", "vi" alone or with subtags ("zh-Hans") → their own;
// anything else → kEn.
LabelLang LabelLangOf(std::string_view bcp47);

// The word of `l` among the six given.
const char* PickLabel(LabelLang l, const char* ja, const char* easy, const char* en, const char* zh,
                      const char* ko, const char* vi);

}  // namespace machikado::render
