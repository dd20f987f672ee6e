// Ruby (furigana) markup inside feed text: `{漢字|かんじ}` annotates a base with its reading;
// `{{` and `}}` are literal braces; every other character (including a lone `|`) is plain text.
// ParseRuby turns a string into RubySegment runs (see feed/model.h); malformed markup is an error
// value whose message names the character position and says how to write it correctly. Pure
// functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "feed/model.h"

namespace machikado::feed {

// Parses markup into segments: consecutive plain characters form one segment with an empty ruby;
// each
// `{base|reading}` is one segment. An empty input gives no segments. Errors (positions count
// characters, i.e. Unicode code points, from 1): a `{` never closed, a group without `|`, an empty
// base or reading, a second `|` in a group, a `{` inside a group, a lone `}` outside a group. The
// input is expected to be valid UTF-8 (the feed parser checks that first).
Result<std::vector<RubySegment>> ParseRuby(std::string_view markup);

// The inverse of ParseRuby: segments → markup, with literal braces in plain text doubled.
// ParseRuby(ToRubyMarkup(s)) == s for segments whose bases and readings are non-empty and contain
// no braces or `|` inside ruby groups.
std::string ToRubyMarkup(const std::vector<RubySegment>& segments);

// Escapes literal text so ParseRuby reads it back unchanged ("{" → "{{", "}" → "}}").
std::string EscapeRubyText(std::string_view text);

}  // namespace machikado::feed
