#include "text/prepared_text.h"

#include <linebreak.h>

#include <algorithm>
#include <mutex>

#include "text/grapheme.h"
#include "text/kinsoku.h"
#include "text/utf8.h"

namespace machikado::text {
namespace {

struct RubyRange {
  uint32_t begin = 0;
  uint32_t end = 0;
};

void TrimAsciiSpaces(std::string* s) {
  const size_t b = s->find_first_not_of(' ');
  if (b == std::string::npos) {
    s->clear();
    return;
  }
  s->erase(0, b);
  s->erase(s->find_last_not_of(' ') + 1);
}

// Concatenates the sanitised bases into prepared->text, records ruby ranges and readings, and
// normalises white space: no leading/trailing blanks, no spaces before a hard break, at most one
// blank line (a paragraph break) in a row.
void BuildText(const std::vector<feed::RubySegment>& segments, bool keep_ruby,
               PreparedText* prepared, std::vector<RubyRange>* ranges) {
  std::string& text = prepared->text;
  size_t protected_end = 0;  // never trim into a ruby base
  std::string piece;
  for (const feed::RubySegment& seg : segments) {
    piece.clear();
    if (keep_ruby && !seg.ruby.empty()) {
      std::string reading;
      SanitizeUtf8(seg.ruby, /*newlines=*/false, &reading);
      TrimAsciiSpaces(&reading);
      SanitizeUtf8(seg.base, /*newlines=*/false, &piece);
      std::string trimmed = piece;
      TrimAsciiSpaces(&trimmed);
      if (!reading.empty() && !trimmed.empty()) {
        const auto begin = static_cast<uint32_t>(text.size());
        text += piece;
        ranges->push_back({begin, static_cast<uint32_t>(text.size())});
        prepared->rubies.push_back(std::move(reading));
        protected_end = text.size();
        continue;
      }
      piece.clear();
    }
    SanitizeUtf8(seg.base, /*newlines=*/true, &piece);
    for (char c : piece) {
      if (c == '\n') {
        while (text.size() > protected_end && text.back() == ' ') text.pop_back();
        if (text.empty()) continue;
        if (text.size() >= 2 && text.ends_with("\n\n")) continue;
        text.push_back('\n');
      } else if (c == ' ' && text.empty()) {
        continue;
      } else {
        text.push_back(c);
      }
    }
  }
  while (text.size() > protected_end && (text.back() == ' ' || text.back() == '\n'))
    text.pop_back();
}

// libunibreak's language table is keyed by the primary subtag ("ja", "zh", "ko", "en", …).
std::string PrimarySubtag(std::string_view lang) {
  std::string out;
  for (char c : lang) {
    if (c == '-' || c == '_') break;
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  return out;
}

// UAX #14 opportunities: brks[i] is LINEBREAK_ALLOWBREAK when a line may break after byte i.
std::vector<char> UnicodeBreaks(const std::string& text, std::string_view lang) {
  static std::once_flag init_once;
  std::call_once(init_once, [] { init_linebreak(); });
  // libunibreak 1.1 aborts on regional indicators (class RI is newer than its tables). Flags are
  // kept whole by the grapheme rules anyway, so show it an ideograph of the same byte length.
  std::string copy;
  const std::string* input = &text;
  if (text.find("\xF0\x9F\x87") != std::string::npos) {
    copy = text;
    for (size_t i = 0; i + 3 < copy.size(); ++i) {
      const auto b3 = static_cast<unsigned char>(copy[i + 3]);
      if (copy.compare(i, 3, "\xF0\x9F\x87") == 0 && b3 >= 0xA6 && b3 <= 0xBF) {
        copy.replace(i, 4, "\xF0\xA0\x80\x80");  // U+20000, line-break class ID
        i += 3;
      }
    }
    input = &copy;
  }
  std::vector<char> brks(text.size());
  const std::string primary = PrimarySubtag(lang);
  set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(input->data()), input->size(),
                      primary.empty() ? nullptr : primary.c_str(), brks.data());
  return brks;
}

}  // namespace

char32_t LastNonSpace(std::string_view text, uint32_t begin, uint32_t end) {
  while (end > begin && text[end - 1] == ' ') --end;
  if (end == begin) return 0;
  uint32_t start = end - 1;
  while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  size_t len = 0;
  return DecodeUtf8(text.substr(0, end), start, &len);
}

PreparedText PrepareText(const std::vector<feed::RubySegment>& segments, std::string_view lang,
                         bool keep_ruby, PhraseSegmenter* phrases) {
  PreparedText prepared;
  std::vector<RubyRange> ranges;
  BuildText(segments, keep_ruby, &prepared, &ranges);
  const std::string& text = prepared.text;
  const size_t n = text.size();
  MarkGraphemeBoundaries(text, &prepared.grapheme);
  if (n == 0) return prepared;
  const std::vector<char> brks = UnicodeBreaks(text, lang);

  std::vector<uint8_t> inside_ruby(n + 1, 0);
  std::vector<uint8_t> cut(n + 1, 0);
  std::vector<uint8_t> can_break(n + 1, 0);
  for (const RubyRange& r : ranges) {
    std::fill(inside_ruby.begin() + r.begin + 1, inside_ruby.begin() + r.end, 1);
    cut[r.begin] = cut[r.end] = 1;
  }

  char32_t prev = 0;
  char32_t last_visible = 0;  // last non-space code point of the current hard line
  size_t len = 0;
  for (size_t p = 0; p < n; p += len) {
    const char32_t cp = DecodeUtf8(text, p, &len);
    if (p > 0 && !inside_ruby[p]) {
      const bool hard = cp == '\n' || prev == '\n';
      if (hard || (cp == ' ') != (prev == ' ')) cut[p] = 1;
      const bool allowed = !hard && brks[p - 1] == LINEBREAK_ALLOWBREAK && prepared.grapheme[p] &&
                           !IsLineStartForbidden(cp) &&
                           !(last_visible != 0 && IsLineEndForbidden(last_visible));
      if (allowed) cut[p] = can_break[p] = 1;
    }
    prev = cp;
    if (cp == '\n') {
      last_visible = 0;
    } else if (cp != ' ') {
      last_visible = cp;
    }
  }

  // Phrase boundaries grade the break opportunities; a ruby base is one piece of its phrase.
  std::vector<uint8_t> phrase;
  const PhraseRule rule = phrases ? PhraseRuleFor(lang) : PhraseRule::kNone;
  if (rule != PhraseRule::kNone) phrases->Boundaries(text, rule, &phrase);

  size_t next_ruby = 0;
  uint32_t start = 0;
  for (uint32_t p = 1; p <= n; ++p) {
    if (p < n && !cut[p]) continue;
    if (text[start] == '\n') {
      if (!prepared.atoms.empty()) {
        uint8_t& nl = prepared.atoms.back().newlines;
        nl = static_cast<uint8_t>(std::min(2, nl + 1));
      }
    } else {
      Atom atom;
      atom.begin = start;
      atom.end = p;
      if (next_ruby < ranges.size() && ranges[next_ruby].begin == start) {
        atom.ruby = static_cast<int32_t>(next_ruby++);
      } else {
        atom.space = text[start] == ' ';
      }
      atom.break_after = p == n || can_break[p];
      atom.phrase_after = atom.break_after && (phrase.empty() || phrase[p]);
      prepared.atoms.push_back(atom);
    }
    start = p;
  }
  return prepared;
}

}  // namespace machikado::text
