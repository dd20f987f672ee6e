// libFuzzer target: the WebVTT captions parser, video::ParseWebVtt, on arbitrary bytes, with its
// promises: every kept cue has start < end, non-empty text within the cap, segments whose bases
// concatenate to the text, cues sorted by start, counts within the caps; CueAt never fails.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "video/webvtt.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace machikado::video;
  WebVttLimits limits;
  limits.max_cues = 200;
  limits.max_cue_text_bytes = 256;
  const auto parsed =
      ParseWebVtt(std::string_view(reinterpret_cast<const char*>(data), size), limits);
  if (!parsed.ok()) {
    Check(!parsed.status().message().empty());
    return 0;
  }
  const Captions& c = parsed.value();
  Check(c.cues.size() <= limits.max_cues);
  int64_t last_start = -1;
  for (const Cue& cue : c.cues) {
    Check(cue.start_ms < cue.end_ms && cue.end_ms <= limits.max_time_ms);
    Check(cue.start_ms >= last_start);
    last_start = cue.start_ms;
    Check(!cue.text.empty() && cue.text.size() <= limits.max_cue_text_bytes);
    std::string joined;
    for (const auto& seg : cue.segments) joined += seg.base;
    Check(joined == cue.text);
    const Cue* at = CueAt(c, cue.start_ms);
    Check(at != nullptr && at->start_ms <= cue.start_ms && cue.start_ms < at->end_ms);
  }
  return 0;
}
