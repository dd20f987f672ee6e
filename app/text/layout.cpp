// Interim implementation of text/layout.h used by render/ until the text module's own lands (it
// supersedes this file): libunibreak opportunities + kinsoku, ruby as unbreakable units,
// shrink-to-fit in 2 px steps down to min_px, then an ellipsis.
#include "text/layout.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <linebreak.h>

namespace machikado::text {

namespace {

char32_t Decode(std::string_view s, size_t& i) {
  unsigned char c = s[i];
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
  if (i + len > s.size()) len = 1;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

const std::u32string kNoStart =
    U"、。，．・：；？！ー」』）】〕〉》ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ〜…‥,.:;?!)]}%";
const std::u32string kNoEnd = U"「『（【〔〈《([{";

bool NoStart(char32_t c) { return kNoStart.find(c) != std::u32string::npos; }
bool NoEnd(char32_t c) { return kNoEnd.find(c) != std::u32string::npos; }

struct Unit {
  std::string base;
  std::string ruby;
  char32_t first = 0, last = 0;
  bool break_after = false;  // a line may end after this unit
  bool must_break = false;
  bool space = false;
};

std::vector<Unit> Units(const std::vector<feed::RubySegment>& segs) {
  std::vector<Unit> units;
  std::string flat;
  std::vector<size_t> ends;  // byte end of each unit in flat
  for (const auto& s : segs) {
    if (!s.ruby.empty()) {
      Unit u{s.base, s.ruby};
      size_t i = 0;
      while (i < s.base.size()) {
        char32_t c = Decode(s.base, i);
        if (!u.first) u.first = c;
        u.last = c;
      }
      units.push_back(u);
      flat += s.base;
      ends.push_back(flat.size());
      continue;
    }
    size_t i = 0;
    while (i < s.base.size()) {
      size_t st = i;
      char32_t c = Decode(s.base, i);
      Unit u{s.base.substr(st, i - st), ""};
      u.first = u.last = c;
      u.space = c == ' ';
      units.push_back(u);
      flat += u.base;
      ends.push_back(flat.size());
    }
  }
  std::vector<char> brks(flat.size());
  if (!flat.empty()) set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(flat.data()), flat.size(), "ja", brks.data());
  for (size_t k = 0; k < units.size(); ++k) {
    char b = brks[ends[k] - 1];
    units[k].must_break = b == LINEBREAK_MUSTBREAK && k + 1 < units.size();
    units[k].break_after = b == LINEBREAK_ALLOWBREAK || units[k].must_break;
    if (k + 1 < units.size() && (NoStart(units[k + 1].first) || NoEnd(units[k].last)))
      units[k].break_after = units[k].must_break;
  }
  return units;
}

Layout Try(const std::vector<Unit>& units, const BoxSpec& box, float px, TextMeasurer& m,
           bool allow_truncate) {
  Layout out;
  out.px = px;
  const bool any_ruby = box.draw_ruby && std::any_of(units.begin(), units.end(), [](const Unit& u) { return !u.ruby.empty(); });
  const float rpx = px * box.ruby_scale;
  const float band = any_ruby ? rpx : 0;
  const float pitch = std::max(px * box.line_spacing, px + band);
  std::vector<std::pair<size_t, size_t>> lines;  // [begin, end) units
  size_t begin = 0;
  while (begin < units.size()) {
    while (begin < units.size() && units[begin].space) ++begin;
    if (begin >= units.size()) break;
    float w = 0;
    size_t last_ok = 0, k = begin;
    bool forced = false;
    for (; k < units.size(); ++k) {
      float uw = m.Width(units[k].base, px);
      if (units[k].base == "\n") uw = 0;
      if (w + uw > box.width && k > begin && !units[k].space) break;
      w += uw;
      if (units[k].break_after) last_ok = k + 1;
      if (units[k].must_break) {
        forced = true;
        ++k;
        break;
      }
    }
    size_t end = k;
    if (!forced && k < units.size() && last_ok > begin) end = last_ok;
    if (end == begin) end = begin + 1;
    lines.push_back({begin, end});
    begin = end;
  }
  auto text_of = [&](size_t b, size_t e) {
    std::string s;
    for (size_t k = b; k < e; ++k)
      if (units[k].base != "\n" && units[k].base != "\r") s += units[k].base;
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
  };
  int max_lines = int((box.height - px - band) / pitch) + 1;
  if (box.height < px + band) max_lines = 0;
  if (box.max_lines > 0) max_lines = std::min(max_lines, box.max_lines);
  if (int(lines.size()) > max_lines) {
    if (!allow_truncate || max_lines <= 0) {
      out.truncated = true;
      out.lines.clear();
      out.height = 1e9f;
      return out;
    }
    lines.resize(max_lines);
    out.truncated = true;
  }
  float y = 0;
  for (size_t li = 0; li < lines.size(); ++li) {
    auto [b, e] = lines[li];
    LaidLine line;
    line.text = text_of(b, e);
    if (out.truncated && li + 1 == lines.size()) {
      // Drop characters until text + ellipsis fits.
      std::string t = line.text;
      while (!t.empty() && m.Width(t + "…", px) > box.width) {
        size_t cut = t.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
        t.resize(cut);
      }
      line.text = t + "…";
      e = b;  // no ruby on a truncated line
    }
    line.y = y;
    line.baseline_top = y + band;
    line.h = pitch;
    line.w = m.Width(line.text, px);
    float x = 0;
    for (size_t k = b; k < e; ++k) {
      float uw = m.Width(units[k].base, px);
      if (!units[k].ruby.empty() && box.draw_ruby) {
        RubyPlacement r{units[k].ruby, 0, m.Width(units[k].ruby, rpx), rpx};
        r.x = x + (uw - r.w) / 2;
        line.ruby.push_back(r);
      }
      x += uw;
    }
    out.lines.push_back(line);
    y += pitch;
  }
  out.height = out.lines.empty() ? 0 : out.lines.back().baseline_top + px;
  return out;
}

}  // namespace

Layout LayoutText(const std::vector<feed::RubySegment>& segments, const BoxSpec& box,
                  TextMeasurer& measurer) {
  std::vector<Unit> units = Units(segments);
  if (units.empty() || box.width <= 0) return {};
  for (float px = box.max_px; px >= box.min_px; px -= 2) {
    Layout l = Try(units, box, px, measurer, false);
    if (!l.truncated) {
      l.shrunk = px < box.max_px;
      return l;
    }
  }
  Layout l = Try(units, box, box.min_px, measurer, true);
  l.shrunk = box.min_px < box.max_px;
  return l;
}

Layout LayoutPlain(std::string_view utf8, const BoxSpec& box, TextMeasurer& measurer) {
  return LayoutText({{std::string(utf8), ""}}, box, measurer);
}

bool SatisfiesKinsoku(const std::vector<std::string>& lines) {
  for (const auto& l : lines) {
    if (l.empty()) continue;
    size_t i = 0;
    char32_t first = Decode(l, i), last = first;
    while (i < l.size()) last = Decode(l, i);
    if (NoStart(first) || NoEnd(last)) return false;
  }
  return true;
}

}  // namespace machikado::text
