#include "text/phrase_segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <string_view>

#include "text/utf8.h"

namespace machikado::text {
namespace {

bool IsHangul(char32_t cp) {
  return (cp >= 0xAC00 && cp <= 0xD7A3) ||  // syllables
         (cp >= 0x1100 && cp <= 0x11FF) ||  // jamo
         (cp >= 0x3130 && cp <= 0x318F) ||  // compatibility jamo
         (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF);
}

// Keep-all: no phrase boundary between two Hangul letters (a break after a space is a boundary,
// and so is one between Hangul and anything else: digits, Latin, CJK, punctuation).
void KoreanBoundaries(std::string_view text, std::vector<uint8_t>* boundary) {
  char32_t prev = 0;
  size_t len = 0;
  for (size_t p = 0; p < text.size(); p += len) {
    const char32_t cp = DecodeUtf8(text, p, &len);
    if (p > 0 && IsHangul(prev) && IsHangul(cp)) (*boundary)[p] = 0;
    prev = cp;
  }
}

bool IsKanji(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || cp == 0x3005;
}

// The code point ending at byte p (p > 0), with its start in *start.
char32_t Before(std::string_view text, size_t p, size_t* start) {
  size_t b = p - 1;
  while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  size_t len = 0;
  *start = b;
  return DecodeUtf8(text, b, &len);
}

// Corrections of ICU 72's Japanese phrase data where it cuts a phrase that every reader keeps
// whole (seen on our notices): 「くだ|さい」, and an honorific prefix お/ご cut from its noun
// (「一緒にご|参加」, 「ご|確認」) — the boundary moves before the prefix — and a lone kanji cut
// from the word before it (「3日|分」, 「崖|線」).
void TailorJapanese(std::string_view text, std::vector<uint8_t>* boundary) {
  auto& b = *boundary;
  for (size_t p = 1; p < text.size(); ++p) {
    if (!b[p]) continue;
    size_t len = 0;
    const char32_t next = DecodeUtf8(text, p, &len);
    size_t prev_start = 0;
    const char32_t prev = Before(text, p, &prev_start);
    if (next == U'さ' && prev == U'だ' && prev_start > 0) {
      size_t s2 = 0;
      if (Before(text, prev_start, &s2) == U'く') b[p] = 0;
      continue;
    }
    if ((prev == U'ご' || prev == U'お') && IsKanji(next)) {
      // Only a prefix: at the start of a phrase or after a particle (not the end of りんご).
      size_t s2 = 0;
      const char32_t before = prev_start > 0 ? Before(text, prev_start, &s2) : 0;
      const bool after_particle = before == 0 || b[prev_start] ||
                                  std::u32string_view(U"にをはがでとものへや、。").find(before) !=
                                      std::u32string_view::npos;
      if (after_particle) {
        b[p] = 0;
        b[prev_start] = 1;
      }
    }
  }
  // A lone kanji cut from the word before it joins it: 「3日|分、」「1週間|分」「崖|線」.
  for (size_t p = 1; p < text.size(); ++p) {
    if (!b[p]) continue;
    size_t len = 0;
    const char32_t cp = DecodeUtf8(text, p, &len);
    if (!IsKanji(cp)) continue;
    size_t q = p + len;
    while (q < text.size() && !b[q]) {  // only closing punctuation or spaces may follow it
      size_t l2 = 0;
      const char32_t c2 = DecodeUtf8(text, q, &l2);
      if (std::u32string_view(U"、。，．）」』】 ").find(c2) == std::u32string_view::npos) break;
      q += l2;
    }
    if (q < text.size() && !b[q]) continue;
    size_t prev_start = 0;
    const char32_t prev = Before(text, p, &prev_start);
    if (IsKanji(prev) || (prev >= '0' && prev <= '9') || (prev >= U'０' && prev <= U'９')) b[p] = 0;
  }
}

}  // namespace

struct PhraseSegmenter::Iterator {
  std::unique_ptr<icu::BreakIterator> it;
};

PhraseRule PhraseRuleFor(std::string_view lang) {
  auto primary = [&](std::string_view tag) {
    if (lang.size() < tag.size()) return false;
    for (size_t i = 0; i < tag.size(); ++i) {
      const char c = lang[i];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != tag[i]) return false;
    }
    return lang.size() == tag.size() || lang[tag.size()] == '-' || lang[tag.size()] == '_';
  };
  if (primary("ja")) return PhraseRule::kJapanese;
  if (primary("ko")) return PhraseRule::kKorean;
  return PhraseRule::kNone;
}

PhraseSegmenter::PhraseSegmenter() {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createLineInstance(icu::Locale("ja@lw=phrase"), err));
  if (U_SUCCESS(err) && it) japanese_ = std::make_unique<Iterator>(Iterator{std::move(it)});
}

PhraseSegmenter::~PhraseSegmenter() = default;

void PhraseSegmenter::Boundaries(std::string_view text, PhraseRule rule,
                                 std::vector<uint8_t>* boundary) {
  const bool icu = rule == PhraseRule::kJapanese && japanese_;
  boundary->assign(text.size() + 1, icu ? 0 : 1);
  if (rule == PhraseRule::kKorean) KoreanBoundaries(text, boundary);
  if (icu) {
    // The iterator reads the UTF-8 in place, so its offsets are byte offsets.
    UErrorCode err = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &err);
    if (U_SUCCESS(err)) japanese_->it->setText(utext, err);
    if (U_SUCCESS(err)) {
      for (int32_t p = japanese_->it->first(); p != icu::BreakIterator::DONE;
           p = japanese_->it->next())
        if (p >= 0 && static_cast<size_t>(p) <= text.size()) (*boundary)[p] = 1;
    } else {
      boundary->assign(text.size() + 1, 1);  // ICU failed on this text: UAX #14 alone
    }
    TailorJapanese(text, boundary);
    // The iterator keeps its own shallow clone of the UText; detach it from our buffer.
    UErrorCode ignored = U_ZERO_ERROR;
    UText* empty = utext_openUTF8(nullptr, "", 0, &ignored);
    if (U_SUCCESS(ignored)) japanese_->it->setText(empty, ignored);
    utext_close(empty);
    utext_close(utext);
  }
  (*boundary)[0] = 1;
  (*boundary)[text.size()] = 1;
}

}  // namespace machikado::text
