// The detail view of a video slide: what a visitor who taps it reads — the title, the summary,
// the QR code of the item's page (as for news), and the captions as a transcript, since a muted
// lobby video says nothing to someone who arrived halfway. The transcript is given to the detail
// view as the item's body in the captions' language (the summary and any body of the feed stay
// first), so the column lays it out like any body text: kinsoku, ruby, scrolling.
// Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include "feed/model.h"
#include "video/webvtt.h"

namespace machikado::ui {

// At most this many characters of transcript (FeedLimits::max_body_chars): a long video's tail is
// left out, ending with "…".
inline constexpr size_t kMaxTranscriptChars = 4000;

// `item` with its captions (`captions`, in `lang`) appended to its body in that language under a
// heading ("字幕" / "Captions"), one cue a line, a cue repeated back to back once. `item` itself
// when it is not a video or there are no captions.
feed::Item VideoDetailItem(const feed::Item& item, const video::Captions* captions,
                           std::string_view lang);

}  // namespace machikado::ui
