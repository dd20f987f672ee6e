#include "text/line_breaker.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "text/kinsoku.h"
#include "text/utf8.h"

namespace machikado::text {
namespace {

// A measurer is outside code: never let a NaN or a negative width into the arithmetic.
float SafeWidth(TextMeasurer& m, std::string_view s, float px) {
  const float w = m.Width(s, px);
  return std::isfinite(w) && w > 0 ? w : 0.0f;
}

class Breaker {
 public:
  Breaker(const PreparedText& t, float px, float ruby_px, float width, TextMeasurer& m)
      : t_(t), px_(px), ruby_px_(ruby_px), width_(width), m_(m) {}

  BrokenText Run() {
    MeasureAtoms();
    const auto& atoms = t_.atoms;
    size_t i = 0;
    while (i < atoms.size()) {
      size_t j = i;
      float total = 0;
      float visible = 0;  // without the unit's trailing spaces
      do {
        total += adv_[j];
        if (!atoms[j].space) visible = total;
        ++j;
      } while (j < atoms.size() && !atoms[j - 1].break_after && atoms[j - 1].newlines == 0);

      if (cur_ + visible <= width_) {
        for (size_t a = i; a < j; ++a) Push(AtomPiece(a));
      } else if (has_content_) {
        FinishLine(static_cast<uint32_t>(out_.pieces.size()));
        continue;  // the same unit again, on a fresh line
      } else {
        SplitUnit(i, j);
      }
      if (atoms[j - 1].newlines > 0) {
        FinishLine(static_cast<uint32_t>(out_.pieces.size()));
        paragraph_ = atoms[j - 1].newlines >= 2;
      }
      i = j;
    }
    if (out_.pieces.size() > first_) FinishLine(static_cast<uint32_t>(out_.pieces.size()));
    return std::move(out_);
  }

 private:
  void MeasureAtoms() {
    const auto& atoms = t_.atoms;
    adv_.resize(atoms.size());
    base_w_.resize(atoms.size());
    ruby_w_.assign(atoms.size(), 0.0f);
    float space_w = -1;
    for (size_t a = 0; a < atoms.size(); ++a) {
      const Atom& atom = atoms[a];
      if (atom.space) {
        if (space_w < 0) space_w = SafeWidth(m_, " ", px_);
        base_w_[a] = space_w * static_cast<float>(atom.end - atom.begin);
      } else {
        base_w_[a] = SafeWidth(m_, Text(atom.begin, atom.end), px_);
      }
      if (atom.ruby >= 0) ruby_w_[a] = SafeWidth(m_, t_.rubies[atom.ruby], ruby_px_);
      adv_[a] = std::max(base_w_[a], ruby_w_[a]);
    }
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

  // The unit alone is wider than the line: cut it between grapheme clusters.
  void SplitUnit(size_t i, size_t j) {
    out_.split_unit = true;
    std::vector<Piece> cands;
    for (size_t a = i; a < j; ++a) {
      const Atom& atom = t_.atoms[a];
      if (atom.space || (atom.ruby >= 0 && adv_[a] <= width_)) {
        cands.push_back(AtomPiece(a));
        continue;
      }
      if (atom.ruby >= 0) out_.degraded = true;  // a reading wider than the line: base only
      AppendGraphemes(a, &cands);
    }
    for (size_t c = 0; c < cands.size();) {
      const Piece& p = cands[c];
      if (p.space || cur_ + p.adv <= width_) {
        Push(p);
        ++c;
      } else if (!has_content_) {
        out_.dropped = true;  // one cluster wider than the whole line: it cannot be shown
        ++c;
      } else {
        FinishLine(KinsokuSplitPoint(p));
      }
    }
  }

  void AppendGraphemes(size_t a, std::vector<Piece>* cands) {
    const Atom& atom = t_.atoms[a];
    uint32_t start = atom.begin;
    for (uint32_t p = atom.begin + 1; p <= atom.end; ++p) {
      if (p < atom.end && !t_.grapheme[p]) continue;
      const float w =
          (start == atom.begin && p == atom.end) ? base_w_[a] : SafeWidth(m_, Text(start, p), px_);
      cands->push_back(Piece{start, p, -1, false, w, 0, w});
      start = p;
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
  TextMeasurer& m_;
  std::vector<float> adv_, base_w_, ruby_w_;
  BrokenText out_;
  uint32_t first_ = 0;        // first piece of the current line
  float cur_ = 0;             // advance of the pieces on the current line
  bool has_content_ = false;  // the current line has a non-space piece
  bool paragraph_ = false;    // the next line starts a paragraph
};

}  // namespace

BrokenText BreakLines(const PreparedText& text, float px, float ruby_px, float width,
                      TextMeasurer& measurer) {
  return Breaker(text, px, ruby_px, width, measurer).Run();
}

float PiecesWidth(const std::vector<Piece>& pieces, uint32_t first, uint32_t end) {
  float w = 0;
  for (uint32_t k = first; k < end; ++k) w += pieces[k].adv;
  return w;
}

}  // namespace machikado::text
