// Small helpers the dataset converters share: feed-safe ids, stable hashed ids, addresses joined
// from their parts, URLs checked the way the feed validator checks them, and texts cut to a
// feed limit. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "opendata/columns.h"

namespace machikado::opendata {

// True for a feed item / shelter id: 1–128 characters of [A-Za-z0-9._:-].
bool IsFeedId(std::string_view s);

// "<prefix>-<8 lower-case hex digits of FNV-1a over the parts, separated by NUL>".
std::string HashedId(std::string_view prefix, const std::vector<std::string_view>& parts);

// The municipality code cell as an id prefix ("122033"), or `fallback` when absent or unusable.
std::string MunicipalityPrefix(const ColumnMap& map, const std::vector<std::string>& row,
                               std::string_view fallback);

// 所在地_連結表記, else 都道府県 + 市区町村 + 町字 + 番地以下 (+ " " + 建物名等), as display text.
std::string JoinedAddress(const ColumnMap& map, const std::vector<std::string>& row);

// The cell as an absolute http(s) URL (NFKC, trimmed), or nullopt.
std::optional<std::string> WebUrl(std::string_view cell);

// Display text (normalize.h) without control characters other than line feed and tab, cut to at
// most `max_chars` code points (ending in "…" when cut).
std::string CleanText(std::string_view cell, size_t max_chars);

}  // namespace machikado::opendata
