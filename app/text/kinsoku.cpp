#include "text/kinsoku.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "text/layout.h"
#include "text/utf8.h"

namespace machikado::text {
namespace {

// Sorted, so a binary search answers membership.
constexpr auto kLineStartForbidden = [] {
  std::array<char32_t, 87> a{// closing brackets and quotes
                             U'）', U'］', U'｝', U'〕', U'〉', U'》', U'」', U'』', U'】', U'〙',
                             U'〗', U'〟', U'’', U'”', U'｠', U'»', U')', U']', U'}', U'｣',
                             // punctuation: ideographic, fullwidth, ASCII, halfwidth
                             U'、', U'。', U'，', U'．', U'・', U'：', U'；', U'？', U'！', U'‼',
                             U'⁇', U'⁈', U'⁉', U',', U'.', U':', U';', U'?', U'!', U'｡', U'､', U'･',
                             // iteration marks and the prolonged sound mark
                             U'ヽ', U'ヾ', U'ゝ', U'ゞ', U'々', U'〻', U'ー', U'ｰ',
                             // hyphens and the wave dash
                             U'‐', U'〜', U'゠', U'–',
                             // small kana
                             U'ぁ', U'ぃ', U'ぅ', U'ぇ', U'ぉ', U'っ', U'ゃ', U'ゅ', U'ょ', U'ゎ',
                             U'ゕ', U'ゖ', U'ァ', U'ィ', U'ゥ', U'ェ', U'ォ', U'ッ', U'ャ', U'ュ',
                             U'ョ', U'ヮ', U'ヵ', U'ヶ', U'ｧ', U'ｨ', U'ｩ', U'ｪ', U'ｫ', U'ｬ', U'ｭ',
                             U'ｮ', U'ｯ'};
  std::sort(a.begin(), a.end());
  return a;
}();

constexpr auto kLineEndForbidden = [] {
  std::array<char32_t, 20> a{U'｢',  U'（', U'［', U'｛', U'〔', U'〈', U'《', U'「', U'『', U'【',
                             U'〘', U'〖', U'〝', U'‘',  U'“',  U'｟', U'«',  U'(',  U'[',  U'{'};
  std::sort(a.begin(), a.end());
  return a;
}();

}  // namespace

bool IsLineStartForbidden(char32_t cp) {
  if (cp >= 0x31F0 && cp <= 0x31FF) return true;  // Katakana Phonetic Extensions: small ㇰ–ㇿ
  return std::binary_search(kLineStartForbidden.begin(), kLineStartForbidden.end(), cp);
}

bool IsLineEndForbidden(char32_t cp) {
  return std::binary_search(kLineEndForbidden.begin(), kLineEndForbidden.end(), cp);
}

bool SatisfiesKinsoku(const std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    size_t len = 0;
    if (IsLineStartForbidden(DecodeUtf8(line, 0, &len))) return false;
    // Find the start of the last code point: step back over continuation bytes.
    size_t last = line.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(line[last]) & 0xC0) == 0x80 &&
           line.size() - last < 4)
      --last;
    if (IsLineEndForbidden(DecodeUtf8(line, last, &len))) return false;
  }
  return true;
}

}  // namespace machikado::text
