// WebVTT captions (W3C "WebVTT: The Web Video Text Tracks Format") for video slides: a capped
// parser for files from the network and the choice of the cue to show at a playback time.
// The kiosk draws captions with its own text layout, so only cue times and plain text are kept:
// cue settings (position, line, align …), STYLE and REGION blocks, NOTE comments and inline tags
// (<c.yellow>, <v Speaker>, <b>, timestamps) are dropped, character references decoded;
// <ruby>base<rt>reading</rt></ruby> is kept as furigana for the kiosk's ruby layout.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "feed/model.h"

namespace machikado::video {

// Caps checked before work (docs/caps.md). A file over max_bytes is refused; beyond max_cues the
// rest of the file is ignored (reported in `cues_dropped`).
struct WebVttLimits {
  size_t max_bytes = 1024 * 1024;  // 1 MiB: an hour of dense captions is ~100 KiB
  size_t max_cues = 5000;
  size_t max_cue_text_bytes = 4000;          // UTF-8 bytes of one cue's text (~1000 characters)
  int64_t max_time_ms = 24LL * 3600 * 1000;  // a timestamp beyond 24 h is malformed
};

struct Cue {
  int64_t start_ms = 0;
  int64_t end_ms = 0;  // > start_ms
  std::string text;    // plain UTF-8 (readings left out); lines separated by '\n'
  // The same text with its readings, for text::LayoutText: plain runs have an empty ruby.
  std::vector<feed::RubySegment> segments;
};

struct Captions {
  std::vector<Cue> cues;    // sorted by start time (stable for equal starts)
  size_t cues_skipped = 0;  // malformed cues (bad timing line, end ≤ start, empty text)
  size_t cues_dropped = 0;  // valid cues beyond max_cues
};

// Parses a WebVTT file. Fails (with a message for staff) when the bytes are not a WebVTT file
// (no "WEBVTT" signature) or larger than the cap; malformed cues are skipped and counted, never
// fatal. Ill-formed UTF-8 and control characters in cue text are sanitised (text/utf8.h).
Result<Captions> ParseWebVtt(std::string_view bytes, const WebVttLimits& limits = {});

// The cue to show at playback position `position_ms`: of the cues with start ≤ position < end,
// the one that started last (ties: the later in the file). nullptr when none.
const Cue* CueAt(const Captions& captions, int64_t position_ms);

}  // namespace machikado::video
