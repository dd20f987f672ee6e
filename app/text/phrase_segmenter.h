// PhraseSegmenter: where a text's phrases (Japanese 文節, Korean words) begin, so that lines break
// between phrases and inside one only when it is longer than a line. Japanese comes from ICU's
// line break iterator with the `lw=phrase` keyword (ICU 72+: dictionary-based phrase breaking, the
// same data behind Chromium's `word-break: auto-phrase`), with two corrections where that data cuts
// phrases every reader keeps whole (「くだ|さい」, an honorific お/ご cut from its noun); Korean
// phrases are space-separated words
// (`word-break: keep-all`, the usual Korean practice; syllable breaks remain the fallback). Other
// languages have no phrase level: every UAX #14 opportunity is a phrase boundary.
//
// The ICU iterator is created once, in the constructor (creating one costs far more than using it),
// and reused by every call. Owned by whoever lays out text (a Canvas); not thread-safe — one per
// thread. If ICU cannot create it (missing data), Japanese falls back to UAX #14 breaks: Ok() says.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace machikado::text {

// How a language groups characters between line-break opportunities.
enum class PhraseRule {
  kNone,      // every line-break opportunity is equally good (zh, en, vi, …)
  kJapanese,  // ICU phrase boundaries (ja, ja-x-easy …)
  kKorean,    // no break between two Hangul letters except at spaces (keep-all)
};

// The rule for a BCP 47 tag, by its primary subtag.
PhraseRule PhraseRuleFor(std::string_view lang);

class PhraseSegmenter {
 public:
  PhraseSegmenter();
  ~PhraseSegmenter();
  PhraseSegmenter(const PhraseSegmenter&) = delete;
  PhraseSegmenter& operator=(const PhraseSegmenter&) = delete;

  bool Ok() const { return japanese_ != nullptr; }

  // Marks (*boundary)[p] = 1 at each byte offset p of the well-formed UTF-8 `text` where a phrase
  // may begin under `rule` (size text.size() + 1; offsets 0 and size are always marked). For kNone,
  // and for kJapanese when !Ok(), every offset is marked: the caller's UAX #14 breaks decide alone.
  void Boundaries(std::string_view text, PhraseRule rule, std::vector<uint8_t>* boundary);

 private:
  struct Iterator;
  std::unique_ptr<Iterator> japanese_;
};

}  // namespace machikado::text
