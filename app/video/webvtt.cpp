// ParseWebVtt and CueAt (webvtt.h). The parser walks the file line by line, one block (lines up to
// a blank line) at a time, and never allocates more than the capped input plus the kept cues.
#include "video/webvtt.h"

#include <algorithm>
#include <cstdlib>

#include "text/utf8.h"

namespace machikado::video {
namespace {

// Splits `s` into lines at CR LF, CR or LF (WebVTT allows all three).
std::vector<std::string_view> SplitLines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r' && s[i] != '\n') continue;
    lines.push_back(s.substr(start, i - start));
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < s.size()) lines.push_back(s.substr(start));
  return lines;
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsSpace(char c) {
  return c == ' ' || c == '\t';
}

// Reads `n` or more digits (at most `max_n`) at s[*pos]; -1 when there are fewer than `n`.
int64_t Digits(std::string_view s, size_t* pos, size_t n, size_t max_n) {
  size_t i = *pos;
  int64_t v = 0;
  while (i < s.size() && IsDigit(s[i]) && i - *pos < max_n) v = v * 10 + (s[i++] - '0');
  if (i - *pos < n || (i < s.size() && IsDigit(s[i]))) return -1;
  *pos = i;
  return v;
}

// A WebVTT timestamp "(hh:)mm:ss.ttt" at s[*pos]; -1 when malformed.
int64_t Timestamp(std::string_view s, size_t* pos) {
  int64_t first = Digits(s, pos, 2, 6);
  if (first < 0 || *pos >= s.size() || s[*pos] != ':') return -1;
  ++*pos;
  int64_t second = Digits(s, pos, 2, 2);
  if (second < 0 || *pos >= s.size()) return -1;
  int64_t h = 0, m = first, sec = 0;
  if (s[*pos] == ':') {  // hh:mm:ss
    ++*pos;
    h = first;
    m = second;
    sec = Digits(s, pos, 2, 2);
    if (sec < 0 || *pos >= s.size()) return -1;
  } else {
    if (first > 59) return -1;  // mm without hours
    sec = second;
  }
  if (s[*pos] != '.') return -1;
  ++*pos;
  const int64_t ms = Digits(s, pos, 3, 3);
  if (ms < 0 || m > 59 || sec > 59) return -1;
  return ((h * 60 + m) * 60 + sec) * 1000 + ms;
}

// "start --> end [settings]"; false when malformed. Settings are ignored.
bool TimingLine(std::string_view line, int64_t* start, int64_t* end) {
  size_t pos = 0;
  while (pos < line.size() && IsSpace(line[pos])) ++pos;
  *start = Timestamp(line, &pos);
  if (*start < 0) return false;
  while (pos < line.size() && IsSpace(line[pos])) ++pos;
  if (line.substr(pos, 3) != "-->") return false;
  pos += 3;
  while (pos < line.size() && IsSpace(line[pos])) ++pos;
  *end = Timestamp(line, &pos);
  return *end >= 0 && (pos == line.size() || IsSpace(line[pos]));
}

// A character reference at s[i] ('&'): appends its character and returns the bytes consumed, or 0.
size_t CharRef(std::string_view s, size_t i, std::string* out) {
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"&amp;", "&"},  {"&lt;", "<"},        {"&gt;", ">"}, {"&quot;", "\""},
      {"&apos;", "'"}, {"&nbsp;", "\u00A0"}, {"&lrm;", ""}, {"&rlm;", ""}};
  for (const auto& [name, value] : kNamed)
    if (s.substr(i, name.size()) == name) {
      out->append(value);
      return name.size();
    }
  if (s.substr(i, 2) != "&#") return 0;
  size_t j = i + 2;
  const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
  if (hex) ++j;
  char32_t cp = 0;
  const size_t digits_at = j;
  while (j < s.size() && j - digits_at < 7 && std::isxdigit(static_cast<unsigned char>(s[j]))) {
    if (!hex && !IsDigit(s[j])) break;
    cp = cp * (hex ? 16 : 10) +
         static_cast<char32_t>(IsDigit(s[j]) ? s[j] - '0' : (std::tolower(s[j]) - 'a' + 10));
    ++j;
  }
  if (j == digits_at || j >= s.size() || s[j] != ';') return 0;
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = text::kReplacementChar;
  text::AppendUtf8(cp, out);
  return j + 1 - i;
}

// Builds a cue's text from its lines: tags dropped, references decoded, <ruby>/<rt> kept as
// segments with readings.
class CueTextBuilder {
 public:
  void AddLine(std::string_view line) {
    if (lines_++ > 0) Current().push_back('\n');
    for (size_t i = 0; i < line.size();) {
      if (line[i] == '<') {
        const size_t close = line.find('>', i);
        if (close == std::string_view::npos)
          break;  // an unclosed tag swallows the rest of the line
        Tag(line.substr(i + 1, close - i - 1));
        i = close + 1;
      } else if (line[i] == '&') {
        const size_t used = CharRef(line, i, &Current());
        if (used == 0) Current().push_back(line[i++]);
        i += used;
      } else {
        Current().push_back(line[i++]);
      }
    }
  }

  // The segments (sanitised) and their plain text, within `max_bytes` of base and reading text
  // (beyond it the readings are dropped and the text cut).
  void Finish(size_t max_bytes, Cue* cue) {
    if (in_ruby_) CloseRuby();
    Flush();
    size_t total = 0;
    for (feed::RubySegment& seg : segs_) {
      std::string base, ruby;
      text::SanitizeUtf8(seg.base, true, &base);
      text::SanitizeUtf8(seg.ruby, false, &ruby);
      seg.base = std::move(base);
      seg.ruby = std::move(ruby);
      cue->text += seg.base;
      total += seg.base.size() + seg.ruby.size();
    }
    std::erase_if(segs_, [](const feed::RubySegment& s) { return s.base.empty(); });
    if (total > max_bytes) {
      CutUtf8(&cue->text, max_bytes);
      segs_ = {{cue->text, ""}};
    }
    cue->segments = std::move(segs_);
  }

 private:
  std::string& Current() { return in_rt_ ? reading_ : in_ruby_ ? base_ : plain_; }
  void Flush() {
    if (!plain_.empty()) segs_.push_back({std::move(plain_), ""});
    plain_.clear();
  }
  void CloseRuby() {
    segs_.push_back({std::move(base_), std::move(reading_)});
    base_.clear();
    reading_.clear();
    in_ruby_ = in_rt_ = false;
  }
  void Tag(std::string_view tag) {
    const size_t end = tag.find_first_of(" \t.");
    const std::string_view name = tag.substr(0, end);
    if (name == "ruby" && !in_ruby_) {
      Flush();
      in_ruby_ = true;
    } else if (name == "rt" && in_ruby_) {
      in_rt_ = true;
    } else if (name == "/rt") {
      in_rt_ = false;
    } else if (name == "/ruby" && in_ruby_) {
      CloseRuby();
    }
  }

  static void CutUtf8(std::string* s, size_t max) {
    if (s->size() <= max) return;
    size_t n = max;
    while (n > 0 && (static_cast<unsigned char>((*s)[n]) & 0xC0) == 0x80) --n;
    s->resize(n);
  }

  std::vector<feed::RubySegment> segs_;
  std::string plain_, base_, reading_;
  bool in_ruby_ = false, in_rt_ = false;
  int lines_ = 0;
};

bool IsBlank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), IsSpace);
}

}  // namespace

Result<Captions> ParseWebVtt(std::string_view bytes, const WebVttLimits& limits) {
  if (bytes.size() > limits.max_bytes)
    return Status::Limit("the captions file is " + std::to_string(bytes.size()) +
                         " bytes; at most " + std::to_string(limits.max_bytes) + " are read");
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.substr(0, 6) != "WEBVTT" ||
      (bytes.size() > 6 && !IsSpace(bytes[6]) && bytes[6] != '\n' && bytes[6] != '\r'))
    return Status::Invalid(
        "not a WebVTT captions file: it must begin with the line \"WEBVTT\" (save the captions as "
        ".vtt, not .srt or text)");

  const std::vector<std::string_view> lines = SplitLines(bytes);
  Captions out;
  size_t i = 0;
  while (i < lines.size() && !IsBlank(lines[i])) ++i;  // the header block
  while (i < lines.size()) {
    while (i < lines.size() && IsBlank(lines[i])) ++i;
    if (i >= lines.size()) break;
    // A block: an optional identifier line, then the timing line; or NOTE / STYLE / REGION.
    size_t timing = i;
    if (lines[i].find("-->") == std::string_view::npos) {
      const std::string_view first = lines[i];
      const bool other_block = first.substr(0, 4) == "NOTE" || first.substr(0, 5) == "STYLE" ||
                               first.substr(0, 6) == "REGION";
      if (!other_block && i + 1 < lines.size() &&
          lines[i + 1].find("-->") != std::string_view::npos)
        timing = i + 1;
      else {
        if (!other_block) ++out.cues_skipped;
        while (i < lines.size() && !IsBlank(lines[i])) ++i;
        continue;
      }
    }
    Cue cue;
    const bool timed = TimingLine(lines[timing], &cue.start_ms, &cue.end_ms);
    i = timing + 1;
    // The cue's text: up to a blank line or a line with "-->" (which starts the next cue).
    CueTextBuilder builder;
    size_t raw = 0;
    for (; i < lines.size() && !IsBlank(lines[i]) && lines[i].find("-->") == std::string_view::npos;
         ++i) {
      if (raw > limits.max_cue_text_bytes) continue;  // the rest of an oversized cue is not read
      raw += lines[i].size();
      builder.AddLine(lines[i]);
    }
    builder.Finish(limits.max_cue_text_bytes, &cue);
    const bool has_text = cue.text.find_first_not_of(" \t\n") != std::string::npos;
    if (!timed || cue.end_ms <= cue.start_ms || cue.end_ms > limits.max_time_ms || !has_text) {
      ++out.cues_skipped;
      continue;
    }
    if (out.cues.size() >= limits.max_cues) {
      ++out.cues_dropped;
      continue;
    }
    out.cues.push_back(std::move(cue));
  }
  std::stable_sort(out.cues.begin(), out.cues.end(),
                   [](const Cue& a, const Cue& b) { return a.start_ms < b.start_ms; });
  return out;
}

const Cue* CueAt(const Captions& captions, int64_t position_ms) {
  const auto& cues = captions.cues;
  auto it = std::upper_bound(cues.begin(), cues.end(), position_ms,
                             [](int64_t pos, const Cue& c) { return pos < c.start_ms; });
  while (it != cues.begin()) {
    --it;
    if (position_ms < it->end_ms) return &*it;
  }
  return nullptr;
}

}  // namespace machikado::video
