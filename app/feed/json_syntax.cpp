// Plain-words JSON syntax errors; see json_syntax.h.
#include "feed/json_syntax.h"

#include "feed/json_precheck.h"

namespace machikado::feed {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Characters of a number or literal token (123, -1.5e3, true, null).
bool IsWordChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
         c == '+' || c == '-';
}

TextPosition PositionOf(std::string_view text, size_t offset) {
  TextPosition p;
  p.offset = offset;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // count characters, not continuation bytes
      ++p.column;
    }
  }
  return p;
}

// The UTF-8 sequence starting at `i` (one code point), or "" at the end.
std::string_view CharAt(std::string_view text, size_t i) {
  if (i >= text.size()) return {};
  size_t n = 1;
  while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
  return text.substr(i, n);
}

bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

}  // namespace

std::string ExplainJsonSyntaxError(std::string_view text, size_t error_byte,
                                   bool comments_allowed) {
  // nlohmann reports the byte just read (1-based); step back to the start of that character.
  size_t at = error_byte == 0 || error_byte > text.size() ? text.size() : error_byte - 1;
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  // The parser reports the end of the token it choked on: step back to the token's start (a
  // string's opening quote; a number's or literal's first character).
  size_t token = at;
  while (token < text.size() && IsSpace(text[token])) ++token;
  if (token < text.size() && token > 0 && text[token] == '"') {
    size_t open = token;
    while (open > 0 && text[open - 1] != '"' && text[open - 1] != '\n') --open;
    if (open > 0 && text[open - 1] == '"') token = open - 1;
  } else if (token < text.size() && IsWordChar(text[token])) {
    while (token > 0 && IsWordChar(text[token - 1])) --token;
  }
  const std::string where = PositionOf(text, token).describe() + ": ";
  const std::string_view ch = CharAt(text, token);

  if (token >= text.size()) {
    return where +
           "the text ends too early — a closing } or ], or a closing quotation mark \", is "
           "missing";
  }
  // The last meaningful character before the failing one.
  size_t prev = token;
  while (prev > 0 && IsSpace(text[prev - 1])) --prev;
  const char before = prev > 0 ? text[prev - 1] : '\0';
  if ((ch == "}" || ch == "]") && before == ',') {
    return PositionOf(text, prev - 1).describe() + ": there is a comma before " + std::string(ch) +
           " (a trailing comma), which JSON does not allow — remove the comma after the last "
           "entry";
  }
  if (ch == "/" && !comments_allowed) {
    return where +
           "comments (// or /* */) are not allowed here — remove the comment (write notes in a "
           "separate file)";
  }
  // Full-width punctuation from a Japanese input method, at or right before the failing place.
  struct Mark {
    std::string_view mark, shown;
  };
  static constexpr Mark kFullWidth[] = {
      {"“", "“"},   {"”", "”"},   {"＂", "＂"}, {"：", "："}, {"，", "，"}, {"｛", "｛"},
      {"｝", "｝"}, {"［", "［"}, {"］", "］"}, {"‘", "‘"},   {"’", "’"},   {"　", "全角スペース"}};
  const size_t from = prev > 3 ? prev - 3 : 0;
  const std::string_view nearby = text.substr(from, token + 3 - from);
  for (const Mark& fw : kFullWidth) {
    if (ch == fw.mark || Contains(nearby, fw.mark)) {
      return where + "「" + std::string(fw.shown) +
             "」 is full-width punctuation typed with the Japanese input method; JSON needs the "
             "half-width (ASCII) characters \" : , { } [ ] and spaces — switch the input method "
             "off for them";
    }
  }
  if (ch == "'") {
    return where + "text in JSON needs double quotation marks \"…\", not single quotes '…'";
  }
  if (ch == "\"" && (before == '"' || before == '}' || before == ']' ||
                     (before >= '0' && before <= '9') || before == 'e' || before == 'l')) {
    return where + "a comma is missing between two entries — add , after the previous value";
  }
  if ((ch == "{" || ch == "[") && (before == '}' || before == ']' || before == '"')) {
    return where + "a comma is missing before " + std::string(ch) +
           " — add , after the previous value";
  }
  return where + "unexpected 「" + std::string(ch) +
         "」 — check the quotation marks, commas and brackets just before it";
}

}  // namespace machikado::feed
