// JSON syntax errors in plain words for staff and IT: where (line and column) and the usual cause,
// instead of the parser's own message ("syntax error while parsing object - unexpected '}';
// expected string literal"). Recognises a trailing comma, comments where they are not allowed,
// full-width quotation marks, colons and commas typed with a Japanese input method, single quotes,
// and a file that ends too early. Used by the feed parser and the config loader. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace machikado::feed {

// `text` is the whole document; `error_byte` is where the parser stopped (nlohmann's
// parse_error::byte: 1-based index of the last byte read; 0 or past the end = the end).
// Returns e.g. "line 4, column 3: there is a comma before } (a trailing comma), which JSON does
// not allow — remove the comma after the last entry".
std::string ExplainJsonSyntaxError(std::string_view text, size_t error_byte, bool comments_allowed);

}  // namespace machikado::feed
