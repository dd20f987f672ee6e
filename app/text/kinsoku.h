// Japanese line-breaking prohibitions (kinsoku shori, after JIS X 4051 and the W3C JLREQ classes):
// which characters may not start a line and which may not end one. Applied on top of UAX #14 for
// every language (the Chinese and Korean conventions for these characters agree).
// Pure functions over code points; thread-safe. SatisfiesKinsoku is declared in text/layout.h.
#pragma once

namespace machikado::text {

// Closing brackets and quotes, 、。，．・：；？！ and their ASCII/halfwidth forms, iteration marks
// (ゝゞヽヾ々〻), the prolonged sound mark ー, hyphens/wave dash (‐〜゠–) and small kana
// (ぁぃぅぇぉっゃゅょゎゕゖ ァィゥェォッャュョヮヵヶ ㇰ–ㇿ ｧ–ｯ).
bool IsLineStartForbidden(char32_t cp);

// Opening brackets and quotes: 「『（【〔〈《［｛〘〖〝 ‘ “ ｟ « ( [ { ｢.
bool IsLineEndForbidden(char32_t cp);

}  // namespace machikado::text
