#include "text/line_breaker.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include <unicode/uchar.h>

#include "text/kinsoku.h"
#include "text/utf8.h"

namespace machikado::text {
namespace {

constexpr std::string_view kHyphen = "-";

// A measurer is outside code: never let a NaN or a negative width into the arithmetic.
float SafeWidth(TextMeasurer& m, std::string_view s, float px) {
  const float w = m.Width(s, px);
  return std::isfinite(w) && w > 0 ? w : 0.0f;
}

class Breaker {
 public:
  Breaker(const PreparedText& t, float px, float ruby_px, float width, size_t line_limit,
          TextMeasurer& m)
      : t_(t), px_(px), ruby_px_(ruby_px), width_(width), line_limit_(line_limit), m_(m) {}

  BrokenText Run() {
    const auto& atoms = t_.atoms;
    adv_.resize(atoms.size());
    base_w_.resize(atoms.size());
    ruby_w_.assign(atoms.size(), 0.0f);
    size_t i = 0;
    while (i < atoms.size() && !Full()) {
      // A phrase: atoms up to the next phrase boundary (or hard break).
      size_t j = i;
      float total = 0;
      float visible = 0;          // without the phrase's trailing spaces
      bool inner_breaks = false;  // the phrase has break opportunities inside
      do {
        Measure(j);
        total += adv_[j];
        if (!atoms[j].space) visible = total;
        ++j;
        if (j < atoms.size() && atoms[j - 1].break_after && !atoms[j - 1].phrase_after &&
            atoms[j - 1].newlines == 0)
          inner_breaks = true;
      } while (j < atoms.size() && !atoms[j - 1].phrase_after && atoms[j - 1].newlines == 0);

      if (cur_ + visible <= width_) {
        for (size_t a = i; a < j; ++a) Push(AtomPiece(a));
      } else if (has_content_ && (visible <= width_ || !inner_breaks)) {
        FinishLine(static_cast<uint32_t>(out_.pieces.size()));
        continue;  // the same phrase again, on a fresh line
      } else {
        // Longer than a whole line: break it at its other opportunities (kinsoku-clean), starting
        // on the current line so that no line is left short for nothing.
        out_.split_phrase = true;
        PlaceUnits(i, j);
      }
      if (atoms[j - 1].newlines > 0) {
        FinishLine(static_cast<uint32_t>(out_.pieces.size()));
        paragraph_ = atoms[j - 1].newlines >= 2;
      }
      i = j;
    }
    if (Full()) {
      out_.complete = false;
      out_.lines.resize(line_limit_);
    } else if (out_.pieces.size() > first_) {
      FinishLine(static_cast<uint32_t>(out_.pieces.size()));
    }
    return std::move(out_);
  }

 private:
  bool Full() const { return line_limit_ > 0 && out_.lines.size() > line_limit_; }

  // Atoms are measured when the breaker first reaches them, so a text far longer than the box is
  // measured only as far as the lines that can be shown.
  void Measure(size_t a) {
    if (a < measured_) return;
    measured_ = a + 1;
    const Atom& atom = t_.atoms[a];
    if (atom.space) {
      if (space_w_ < 0) space_w_ = SafeWidth(m_, " ", px_);
      base_w_[a] = space_w_ * static_cast<float>(atom.end - atom.begin);
    } else {
      base_w_[a] = SafeWidth(m_, Text(atom.begin, atom.end), px_);
    }
    if (atom.ruby >= 0) ruby_w_[a] = SafeWidth(m_, t_.rubies[atom.ruby], ruby_px_);
    adv_[a] = std::max(base_w_[a], ruby_w_[a]);
  }

  std::string_view Text(uint32_t b, uint32_t e) const {
    return std::string_view(t_.text).substr(b, e - b);
  }

  Piece AtomPiece(size_t a) const {
    const Atom& atom = t_.atoms[a];
    return Piece{atom.begin, atom.end, atom.ruby, atom.space, base_w_[a], ruby_w_[a], adv_[a]};
  }

  void Push(const Piece& p) {
    out_.pieces.push_back(p);
    cur_ += p.adv;
    if (!p.space) has_content_ = true;
  }

  void FinishLine(uint32_t end) {
    uint32_t visible_end = end;
    while (visible_end > first_ && out_.pieces[visible_end - 1].space) --visible_end;
    out_.lines.push_back(BrokenLine{first_, visible_end, end, paragraph_});
    paragraph_ = false;
    first_ = end;
    cur_ = 0;
    has_content_ = false;
    for (uint32_t k = end; k < out_.pieces.size(); ++k) {
      cur_ += out_.pieces[k].adv;
      if (!out_.pieces[k].space) has_content_ = true;
    }
  }

  // Atoms [i, j) (measured) by units between break opportunities, first fit; a unit wider than the
  // whole line is split between grapheme clusters.
  void PlaceUnits(size_t i, size_t j) {
    const auto& atoms = t_.atoms;
    size_t a = i;
    while (a < j && !Full()) {
      size_t b = a;
      float total = 0;
      float visible = 0;
      do {
        total += adv_[b];
        if (!atoms[b].space) visible = total;
        ++b;
      } while (b < j && !atoms[b - 1].break_after);
      if (cur_ + visible <= width_) {
        for (size_t k = a; k < b; ++k) Push(AtomPiece(k));
      } else if (has_content_) {
        FinishLine(static_cast<uint32_t>(out_.pieces.size()));
        continue;
      } else {
        SplitUnit(a, b);
      }
      a = b;
    }
  }

  // The unit alone is wider than the line: cut it between grapheme clusters (measured one by one,
  // and only as far as the line limit). A word of letters (English, Vietnamese …) cut this way
  // ends its line with a hyphen; a URL, a number or CJK text does not.
  void SplitUnit(size_t i, size_t j) {
    out_.split_unit = true;
    for (size_t a = i; a < j && !Full(); ++a) {
      const Atom& atom = t_.atoms[a];
      if (atom.space || (atom.ruby >= 0 && adv_[a] <= width_)) {
        Place(AtomPiece(a), false);
        continue;
      }
      if (atom.ruby >= 0) out_.degraded = true;  // a reading wider than the line: base only
      const bool word = atom.ruby < 0 && IsLetterWord(Text(atom.begin, atom.end));
      uint32_t start = atom.begin;
      for (uint32_t p = atom.begin + 1; p <= atom.end && !Full(); ++p) {
        if (p < atom.end && !t_.grapheme[p]) continue;
        const float w = (start == atom.begin && p == atom.end) ? base_w_[a]
                                                               : SafeWidth(m_, Text(start, p), px_);
        Place(Piece{start, p, -1, false, w, 0, w}, word && p < atom.end);
        start = p;
      }
    }
  }

  // Only letters (and apostrophes): a word that may be hyphenated.
  static bool IsLetterWord(std::string_view s) {
    size_t len = 0;
    for (size_t i = 0; i < s.size(); i += len) {
      const char32_t cp = DecodeUtf8(s, i, &len);
      if (cp == '\'' || cp == 0x2019) continue;
      const bool latin =
          cp < 0x0250 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x0300 && cp < 0x0370);
      if (!latin || !(u_isalpha(static_cast<UChar32>(cp)) || u_getCombiningClass(cp) != 0 ||
                      (cp >= 0x0300 && cp < 0x0370)))
        return false;
    }
    return true;
  }

  float HyphenWidth() {
    if (hyphen_w_ < 0) hyphen_w_ = SafeWidth(m_, kHyphen, px_);
    return hyphen_w_;
  }

  // Puts a piece of a split unit on the current line, or ends the line (at a kinsoku-clean point
  // when there is one) and puts it on the next. `mid_word`: the word continues after this piece,
  // so a hyphen may have to follow it on this line — its room is kept.
  void Place(const Piece& p, bool mid_word) {
    while (!Full()) {
      const float reserve = mid_word ? HyphenWidth() : 0.0f;
      if (p.space || cur_ + p.adv + reserve <= width_) {
        Push(p);
        hyphen_after_ = mid_word;
        return;
      }
      if (!has_content_ && cur_ + p.adv <= width_) {
        Push(p);  // the line holds this cluster but no hyphen after it: no hyphen then
        hyphen_after_ = false;
        return;
      }
      if (!has_content_) {
        out_.dropped = true;  // one cluster wider than the whole line: it cannot be shown
        return;
      }
      const uint32_t at = KinsokuSplitPoint(p);
      if (hyphen_after_ && at == out_.pieces.size()) {
        Piece h{0, 0, -1, false, HyphenWidth(), 0, HyphenWidth()};
        h.hyphen = true;
        out_.pieces.push_back(h);  // room was kept for it
        FinishLine(at + 1);
      } else {
        FinishLine(at);
      }
      hyphen_after_ = false;
    }
  }

  // Where to end the current line when `next` does not fit on it: the last piece boundary that
  // keeps kinsoku (moving the pieces after it to the next line), or before `next` when there is
  // none.
  uint32_t KinsokuSplitPoint(const Piece& next) const {
    const auto size = static_cast<uint32_t>(out_.pieces.size());
    for (uint32_t k = size; k > first_; --k) {
      const Piece& after = k == size ? next : out_.pieces[k];
      size_t len = 0;
      const char32_t first_cp = DecodeUtf8(t_.text, after.begin, &len);
      const char32_t last_cp =
          LastNonSpace(t_.text, out_.pieces[first_].begin, out_.pieces[k - 1].end);
      if (last_cp != 0 && !IsLineStartForbidden(first_cp) && !IsLineEndForbidden(last_cp)) return k;
    }
    return size;
  }

  const PreparedText& t_;
  const float px_;
  const float ruby_px_;
  const float width_;
  const size_t line_limit_;
  TextMeasurer& m_;
  size_t measured_ = 0;        // atoms [0, measured_) have widths
  float space_w_ = -1;         // width of one space, once measured
  float hyphen_w_ = -1;        // width of the hyphen, once measured
  bool hyphen_after_ = false;  // the last piece placed is inside a word that continues
  std::vector<float> adv_, base_w_, ruby_w_;
  BrokenText out_;
  uint32_t first_ = 0;        // first piece of the current line
  float cur_ = 0;             // advance of the pieces on the current line
  bool has_content_ = false;  // the current line has a non-space piece
  bool paragraph_ = false;    // the next line starts a paragraph
};

}  // namespace

BrokenText BreakLines(const PreparedText& text, float px, float ruby_px, float width,
                      size_t line_limit, TextMeasurer& measurer) {
  return Breaker(text, px, ruby_px, width, line_limit, measurer).Run();
}

float PiecesWidth(const std::vector<Piece>& pieces, uint32_t first, uint32_t end) {
  float w = 0;
  for (uint32_t k = first; k < end; ++k) w += pieces[k].adv;
  return w;
}

}  // namespace machikado::text
