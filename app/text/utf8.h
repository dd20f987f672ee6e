// UTF-8 helpers for text layout: strict decoding, sanitising untrusted text into well-formed UTF-8
// that the line breaker and the font renderer can take, and encoding.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace machikado::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at s[pos]. Returns it and sets `*len` to its byte length (≥ 1).
// Ill-formed input (stray continuation byte, truncated or overlong sequence, surrogate, > U+10FFFF)
// yields U+FFFD with `*len` = 1, so a caller advancing by `*len` always makes progress.
char32_t DecodeUtf8(std::string_view s, size_t pos, size_t* len);

// Appends the UTF-8 encoding of `cp` (a valid scalar value) to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Makes `in` safe to lay out and draw, appending to `out`:
//  - every ill-formed byte becomes U+FFFD (one per byte; nothing is silently lost);
//  - CR LF and lone CR become LF; U+2028 becomes LF; U+2029 becomes LF LF (a paragraph);
//  - TAB becomes a space; other C0/C1 controls, DEL, U+FEFF and the noncharacter U+FFFF are dropped
//    (U+FFFF would also end libunibreak's input early).
// With `newlines` false, line and paragraph breaks become spaces (for ruby readings and bases).
void SanitizeUtf8(std::string_view in, bool newlines, std::string* out);

}  // namespace machikado::text
