// Checks on raw feed bytes that must happen before nlohmann::json sees them: valid UTF-8 (with a
// clear message naming the byte and line) and the JSON nesting depth (nlohmann's DOM would
// otherwise grow without bound on `[[[[…`). Both are single linear scans without recursion. Pure;
// thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace machikado::feed {

// Where in the bytes a problem is: 0-based byte offset plus 1-based line and column (in
// characters).
struct TextPosition {
  size_t offset = 0;
  size_t line = 1;
  size_t column = 1;
  std::string describe() const;  // "line 3, column 17"
};

struct Utf8Problem {
  TextPosition where;
  std::string message;  // what is wrong, for staff (e.g. "byte 0xFF is not UTF-8 …")
};

// The first place where `bytes` is not well-formed UTF-8 (Unicode §3.9, Table 3-7: no overlongs, no
// surrogates, nothing above U+10FFFF), or nullopt when all is well.
std::optional<Utf8Problem> FindInvalidUtf8(std::string_view bytes);

// True when `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// Number of code points in well-formed UTF-8 `s`.
size_t CountCodePoints(std::string_view s);

struct DepthProblem {
  TextPosition where;  // the bracket that opened level max_depth + 1
};

// Scans brackets outside JSON strings (honouring backslash escapes) and reports the first `[` or
// `{` that opens a level deeper than `max_depth` (the top-level value's brackets are level 1).
// Invalid JSON may be mis-scanned; the JSON parser then rejects it anyway.
std::optional<DepthProblem> FindTooDeepNesting(std::string_view bytes, int max_depth);

}  // namespace machikado::feed
