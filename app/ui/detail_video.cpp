#include "ui/detail_video.h"

#include <string>
#include <vector>

#include "feed/ruby.h"

namespace machikado::ui {
namespace {

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

}  // namespace

feed::Item VideoDetailItem(const feed::Item& item, const video::Captions* captions,
                           std::string_view lang) {
  if (item.kind != feed::Kind::kVideo || !captions || captions->cues.empty()) return item;
  feed::Item out = item;
  feed::LocalizedString* body = nullptr;
  for (auto& v : out.body.variants)
    if (v.lang == lang) body = &v;
  if (!body) {
    out.body.variants.push_back({std::string(lang), "", {}});
    body = &out.body.variants.back();
  }
  std::vector<feed::RubySegment>& segs = body->segments;
  size_t used = 0;
  for (const auto& s : segs) used += CodePoints(s.base);
  const bool ja = lang.substr(0, 2) == "ja";
  const std::string heading = std::string(segs.empty() ? "" : "\n\n") + (ja ? "字幕" : "Captions");
  segs.push_back({heading, ""});
  used += CodePoints(heading);
  const std::string* last = nullptr;
  for (const video::Cue& cue : captions->cues) {
    if (last && *last == cue.text) continue;  // one line said twice in a row: once
    last = &cue.text;
    size_t n = 1;  // the line break
    for (const auto& s : cue.segments) n += CodePoints(s.base);
    if (used + n > kMaxTranscriptChars) {
      segs.push_back({"\n…", ""});
      break;
    }
    segs.push_back({"\n", ""});
    segs.insert(segs.end(), cue.segments.begin(), cue.segments.end());
    used += n;
  }
  body->raw = feed::ToRubyMarkup(segs);
  return out;
}

}  // namespace machikado::ui
