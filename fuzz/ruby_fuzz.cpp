// libFuzzer target: the feed's ruby (furigana) markup parser, feed::ParseRuby, on arbitrary bytes,
// plus its round-trip promises: escaped text reads back as itself, and accepted markup survives
// ToRubyMarkup → ParseRuby unchanged.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "feed/ruby.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

// The round-trip promise of ToRubyMarkup holds for groups with non-empty parts free of braces and
// '|'.
bool RoundTrippable(const std::vector<machikado::feed::RubySegment>& segments) {
  for (const auto& s : segments) {
    if (s.ruby.empty()) continue;
    if (s.base.empty() || s.base.find_first_of("{}|") != std::string::npos ||
        s.ruby.find_first_of("{}|") != std::string::npos)
      return false;
  }
  return true;
}

// Concatenated bases: what a renderer that cannot draw ruby shows.
std::string Plain(const std::vector<machikado::feed::RubySegment>& segments) {
  std::string out;
  for (const auto& s : segments) out += s.base;
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using machikado::feed::ParseRuby;
  const std::string_view markup(reinterpret_cast<const char*>(data), size);

  auto parsed = ParseRuby(markup);
  if (parsed.ok()) {
    if (RoundTrippable(parsed.value())) {
      auto again = ParseRuby(machikado::feed::ToRubyMarkup(parsed.value()));
      Check(again.ok());
      Check(Plain(again.value()) == Plain(parsed.value()));
    }
  } else {
    Check(!parsed.status().message().empty());
  }

  // Any text, escaped, parses back to exactly that text with no readings.
  auto escaped = ParseRuby(machikado::feed::EscapeRubyText(markup));
  Check(escaped.ok());
  Check(Plain(escaped.value()) == std::string(markup));
  for (const auto& s : escaped.value()) Check(s.ruby.empty());
  return 0;
}
