#include "text/grapheme.h"

#include <gtest/gtest.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "text/utf8.h"

namespace machikado::text {
namespace {

// Boundaries from ICU's own character break iterator, as UTF-8 byte offsets.
std::vector<uint8_t> IcuBoundaries(const std::string& s) {
  std::vector<UChar> u16(s.size() * 2 + 1);
  int32_t u16_len = 0;
  UErrorCode err = U_ZERO_ERROR;
  u_strFromUTF8(u16.data(), static_cast<int32_t>(u16.size()), &u16_len, s.data(),
                static_cast<int32_t>(s.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err));
  // UTF-16 offset → UTF-8 offset.
  std::vector<size_t> to_utf8(u16_len + 1);
  size_t b = 0;
  int32_t u = 0;
  while (b < s.size()) {
    size_t len = 0;
    const char32_t cp = DecodeUtf8(s, b, &len);
    to_utf8[u] = b;
    u += cp > 0xFFFF ? 2 : 1;
    b += len;
  }
  to_utf8[u16_len] = s.size();
  UBreakIterator* it = ubrk_open(UBRK_CHARACTER, "ja", u16.data(), u16_len, &err);
  EXPECT_TRUE(U_SUCCESS(err));
  std::vector<uint8_t> out(s.size() + 1, 0);
  for (int32_t p = ubrk_first(it); p != UBRK_DONE; p = ubrk_next(it)) out[to_utf8[p]] = 1;
  ubrk_close(it);
  return out;
}

std::string CodePoints(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    char buf[24];
    snprintf(buf, sizeof buf, "%X ", static_cast<unsigned>(DecodeUtf8(s, i, &len)));
    out += buf;
    i += len;
  }
  return out;
}

TEST(Grapheme, KeepsEmojiSequencesFlagsAndMarksTogether) {
  const std::string s =
      "a\u0301👨‍👩‍👧🇯🇵🇺🇸👍🏽か\u3099葛\U000E0100한\r\n";
  std::vector<uint8_t> marks;
  MarkGraphemeBoundaries(s, &marks);
  std::vector<size_t> starts;
  for (size_t i = 0; i < s.size(); ++i)
    if (marks[i]) starts.push_back(i);
  // a+◌́ | family | 🇯🇵 | 🇺🇸 | 👍🏽 | か+◌゙ | 葛+VS17 | 한 | CR LF
  EXPECT_EQ(starts.size(), 9u);
  EXPECT_EQ(marks[s.size()], 1);
}

TEST(Grapheme, AgreesWithIcuBreakIteratorOnRandomText) {
  const std::vector<std::string> alphabet = {
      "a",      "Z",          " ",          "\n", "\r",     "あ", "漢", "ー",     "\u0301",
      "\u3099", "\uFE0F",     "\u200D",     "👍",  "🏽",   "👨",  "👩",  "🇯",      "🇵",
      "🇺",      "\U000E0100", "\U000E0067", "ᄀ", "ᅡ",     "ᆨ", "가", "각",     "\u0915",
      "\u094D", "\u093F",     "\u0600",     "©",  "\u20E3", "#",  "ﾞ",  "\u302A", "〽"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> len(1, 24);
  for (int iter = 0; iter < 5000; ++iter) {
    std::string s;
    for (int n = len(rng); n > 0; --n) s += alphabet[pick(rng)];
    std::vector<uint8_t> ours;
    MarkGraphemeBoundaries(s, &ours);
    ASSERT_EQ(ours, IcuBoundaries(s)) << "code points: " << CodePoints(s);
  }
}

}  // namespace
}  // namespace machikado::text
