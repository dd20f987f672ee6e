// Internal to feed/: the pieces of ParseFeed split across parse.cpp (document), parse_item.cpp
// (common item fields) and parse_kinds.cpp (kind-specific parts). Each records problems through a
// FieldReader.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feed/field_reader.h"

namespace machikado::feed {

// Character limits of texts FEED-v1 does not size explicitly (documented in feeds/README.md):
// short labels (alt, place, fee, source, issuer, areas, actions, shelter names, metric labels …)
// use FeedLimits::max_summary_chars; an alert's instructions use max_body_chars; the feed title
// max_title_chars.

// Item `index` of the feed's items array. `item_id` is the item's id when it is a string (for
// errors). Returns nullopt when the item has any problem (all of them are recorded in `errors`).
std::optional<Item> ParseItem(const Json& v, size_t index, std::optional<std::string> item_id,
                              const FeedLimits& limits, std::string_view base_url,
                              std::vector<FeedError>* errors);

void ParseNewsPart(FieldReader& r, const Json& item, const std::string& ptr, NewsPart* out);
void ParsePreparednessPart(FieldReader& r, const Json& item, const std::string& ptr,
                           PreparednessPart* out);
// `valid_until` is the item's display window end: the default of `expires`.
void ParseAlertPart(FieldReader& r, const Json& item, const std::string& ptr,
                    std::optional<UnixSeconds> valid_until, AlertPart* out);
// The top-level `shelters` register (optional): each entry is checked on its own; a wrong entry
// (or a repeated id) is skipped and reported at level "item" with no item id.
void ParseShelterRegister(const Json& doc, const FeedLimits& limits, std::string_view base_url,
                          std::vector<Shelter>* out, size_t* total, std::vector<FeedError>* errors);
void ParseProjectPart(FieldReader& r, const Json& item, const std::string& ptr, ProjectPart* out);
// parse_video.cpp
void ParseVideoPart(FieldReader& r, const Json& item, const std::string& ptr, VideoPart* out);
// An image object {"url", "alt", "sha256"} at `key` (the item's `image`, a video's `poster`).
std::optional<Image> ReadImageField(FieldReader& r, const Json& item, const std::string& ptr,
                                    std::string_view key);
// 64 hex digits (either case), as sha256sum prints them.
bool IsHexDigest(const std::string& s);

}  // namespace machikado::feed
