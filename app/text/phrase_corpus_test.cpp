// A corpus check of phrase-aware breaking: real Japanese notice text (every Japanese title, summary
// and body of the bundled demo feeds, and — when present — the sentences of the ward plans in
// ../shared/seeds/) laid out at the widths the templates use, counting the line breaks that fall
// inside a phrase (ICU's `lw=phrase` boundaries) or inside a word (ICU's dictionary word breaks)
// although that phrase or word would have fitted on a line. Expected: no phrase split where the
// phrase fits; words split only where their phrase is longer than the line (character fallback),
// far fewer than without phrases. The same counts without phrases (UAX #14 alone) are reported and
// must be above zero, or the corpus proves nothing.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "feed/parse.h"
#include "platform/build_paths.h"
#include "text/fake_measurer.h"
#include "text/layout.h"
#include "text/phrase_segmenter.h"
#include "text/prepared_text.h"
#include "text/utf8.h"

namespace machikado::text {
namespace {

namespace fs = std::filesystem;

constexpr float kPx = 10;
// Line widths in ems (box width / font size) of Japanese text in the templates at 1920×1080 and
// 1080×1920: the QR caption, event places, titles (portrait, landscape, detail), summaries, bodies.
constexpr float kWidthsEm[] = {7, 10, 13, 15, 18, 23, 26};
constexpr size_t kMaxSentences = 1200;

bool IsJapaneseLetter(char32_t cp) {
  return (cp >= 0x3041 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0x3005;
}

// Sentences of a plain-text document: split at 。 and line ends, markup characters dropped, kept
// when mostly Japanese and of notice length.
void AddSentences(const std::string& doc, std::vector<std::string>* out) {
  std::string cur;
  auto flush = [&] {
    size_t chars = 0, ja = 0, len = 0;
    for (size_t i = 0; i < cur.size(); i += len) {
      const char32_t cp = DecodeUtf8(cur, i, &len);
      ++chars;
      if (IsJapaneseLetter(cp)) ++ja;
    }
    if (chars >= 12 && chars <= 160 && ja * 10 >= chars * 7 &&
        cur.find("・・") == std::string::npos)
      out->push_back(cur);
    cur.clear();
  };
  bool in_tag = false;
  size_t len = 0;
  for (size_t i = 0; i < doc.size(); i += len) {
    const char32_t cp = DecodeUtf8(doc, i, &len);
    if (cp == '<') in_tag = true;
    if (in_tag) {
      if (cp == '>') in_tag = false;
      continue;
    }
    if (cp == '\n' || cp == '\t' || cp == '|' || cp == 0x3002) {
      if (cp == 0x3002) cur += "。";
      flush();
      continue;
    }
    if (cp == '#' || cp == '*' || (cp == '-' && cur.empty()) || (cp == ' ' && cur.empty()) ||
        cp < 0x20)
      continue;
    cur.append(doc, i, len);
  }
  flush();
}

std::vector<std::string> DemoTexts() {
  std::vector<std::string> out;
  for (const char* name : {"alerts", "drill", "news", "preparedness", "projects"}) {
    std::ifstream in(std::string(MACHIKADO_SOURCE_DIR) + "/feeds/demo/" + name + ".json");
    std::stringstream ss;
    ss << in.rdbuf();
    auto outcome = feed::ParseFeed(ss.str(), {}, name);
    if (!outcome.feed) continue;
    for (const feed::Item& item : outcome.feed->items)
      for (const feed::Text* t : {&item.title, &item.summary, &item.body})
        for (const feed::LocalizedString& v : t->variants)
          if (v.lang == "ja") AddSentences(v.plain(), &out);
  }
  return out;
}

std::vector<std::string> SeedTexts() {
  std::vector<std::string> out;
  const fs::path dir = fs::path(MACHIKADO_SOURCE_DIR) / ".." / "shared" / "seeds";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    std::vector<std::string> sentences;
    AddSentences(ss.str(), &sentences);
    // An even share of each document, spread over it.
    const size_t share = kMaxSentences / 5;
    const size_t step = std::max<size_t>(1, sentences.size() / share);
    for (size_t i = 0; i < sentences.size(); i += step) out.push_back(sentences[i]);
  }
  return out;
}

// Byte offsets where ICU's dictionary-based word iterator puts a word boundary.
std::vector<uint8_t> WordBoundaries(const std::string& s) {
  std::vector<uint8_t> out(s.size() + 1, 0);
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance("ja", err));
  UText* ut = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &err);
  if (U_SUCCESS(err)) it->setText(ut, err);
  if (U_SUCCESS(err))
    for (int32_t p = it->first(); p != icu::BreakIterator::DONE; p = it->next()) out[p] = 1;
  utext_close(ut);
  return out;
}

struct Counts {
  size_t breaks = 0;
  size_t in_phrase = 0;  // inside a phrase that fits a line
  size_t in_word = 0;    // inside a word that fits a line
  std::vector<std::string> examples;
};

// Em width of s[b, e) without trailing spaces.
float Ems(const std::string& s, size_t b, size_t e) {
  while (e > b && s[e - 1] == ' ') --e;
  return EmMeasurer::Ems(std::string_view(s).substr(b, e - b));
}

// Whether the break at p is inside a unit of `bounds` (phrase or word) that fits a line.
bool InsideFittingUnit(const std::string& s, const std::vector<uint8_t>& bounds, size_t p,
                       float width_em) {
  if (bounds[p]) return false;
  size_t b = p, e = p;
  while (b > 0 && !bounds[b]) --b;
  while (e < s.size() && !bounds[e]) ++e;
  return Ems(s, b, e) <= width_em;
}

void Count(const std::string& s, float width_em, PhraseSegmenter* phrases,
           const std::vector<uint8_t>& phrase_bounds, const std::vector<uint8_t>& word_bounds,
           Counts* c) {
  BoxSpec box;
  box.width = width_em * kPx;
  box.height = 1e6f;
  box.max_px = box.min_px = kPx;
  EmMeasurer m;
  const Layout l = LayoutPlain(s, box, m, phrases);
  size_t pos = 0;
  for (size_t i = 0; i < l.lines.size(); ++i) {
    const std::string& t = l.lines[i].text;
    ASSERT_EQ(s.compare(pos, t.size(), t), 0) << s << " / line " << i << ": " << t;
    pos += t.size();
    while (pos < s.size() && s[pos] == ' ') ++pos;
    if (i + 1 == l.lines.size()) break;
    ++c->breaks;
    const bool phrase = InsideFittingUnit(s, phrase_bounds, pos, width_em);
    const bool word = InsideFittingUnit(s, word_bounds, pos, width_em);
    c->in_phrase += phrase;
    c->in_word += word;
    if ((phrase || word) && c->examples.size() < 8)
      c->examples.push_back(std::to_string(static_cast<int>(width_em)) + "em: " + s.substr(0, pos) +
                            "|" + s.substr(pos));
  }
}

void CheckCorpus(const std::vector<std::string>& corpus, const char* name) {
  PhraseSegmenter phrases;
  if (!phrases.Ok()) GTEST_SKIP() << "ICU has no Japanese phrase data (lw=phrase)";
  ASSERT_FALSE(corpus.empty());
  PhraseSegmenter reference;  // the boundaries the count is measured against
  Counts with, without;
  for (const std::string& s : corpus) {
    std::vector<uint8_t> phrase_bounds;
    reference.Boundaries(s, PhraseRule::kJapanese, &phrase_bounds);
    // A phrase boundary is available only where a line may break at all (UAX #14 and kinsoku:
    // 「SNS(LINE」 has no break before "(").
    const PreparedText prepared = PrepareText({feed::RubySegment{s, ""}}, "ja", false);
    ASSERT_EQ(prepared.text, s);
    std::vector<uint8_t> legal(s.size() + 1, 0);
    legal[0] = legal[s.size()] = 1;
    for (const Atom& a : prepared.atoms)
      if (a.break_after) legal[a.end] = 1;
    for (size_t p = 0; p <= s.size(); ++p) phrase_bounds[p] = phrase_bounds[p] && legal[p];
    const std::vector<uint8_t> word_bounds = WordBoundaries(s);
    for (float w : kWidthsEm) {
      Count(s, w, &phrases, phrase_bounds, word_bounds, &with);
      Count(s, w, nullptr, phrase_bounds, word_bounds, &without);
    }
  }
  std::cout << name << ": " << corpus.size() << " sentences, " << std::size(kWidthsEm)
            << " widths. Breaks inside a fitting phrase / word: " << with.in_phrase << " / "
            << with.in_word << " of " << with.breaks << " with phrases; " << without.in_phrase
            << " / " << without.in_word << " of " << without.breaks << " without.\n";
  EXPECT_EQ(with.in_phrase, 0u) << ::testing::PrintToString(with.examples);
  // Words are split only inside phrases longer than the line (there the fallback is character
  // breaks with kinsoku, not word boundaries): reported, not asserted.
  EXPECT_LT(with.in_word * 10, without.in_word) << ::testing::PrintToString(with.examples);
  EXPECT_GT(without.in_phrase, 0u) << "the corpus does not exercise phrase breaking";
}

TEST(PhraseCorpus, DemoNoticesBreakOnlyBetweenPhrasesThatFit) {
  CheckCorpus(DemoTexts(), "demo feeds");
}

TEST(PhraseCorpus, WardPlanSentencesBreakOnlyBetweenPhrasesThatFit) {
  const std::vector<std::string> corpus = SeedTexts();
  if (corpus.empty()) GTEST_SKIP() << "../shared/seeds/ is absent: no ward plan corpus";
  CheckCorpus(corpus, "seeds");
}

}  // namespace
}  // namespace machikado::text
