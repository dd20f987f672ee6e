// URL checks for feed fields: `url` must be an absolute http(s) URL; an image URL may also be
// relative to the feed's own location (an http(s) URL, a file:// URL or a plain file path). Parsing
// and resolution use libcurl's URL API (no I/O). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace machikado::feed {

// Ok when `url` is an absolute http:// or https:// URL with a host; the error says what was found.
Status CheckWebUrl(std::string_view url);

// Resolves an image reference against `base` (the feed's URL or path; may be empty):
//  - an absolute http(s) URL is checked and returned as written;
//  - any other scheme (file:, data:, javascript: …) is an error (a remote feed must not point the
//    kiosk at local files);
//  - a relative reference is resolved per RFC 3986 against an http(s) or file:// base, or joined as
//  a
//    path against a plain file path base ("feeds/demo/news.json" + "img/a.png" →
//    "feeds/demo/img/a.png");
//  - without a usable base it is returned unchanged.
Result<std::string> ResolveImageUrl(std::string_view ref, std::string_view base);

}  // namespace machikado::feed
