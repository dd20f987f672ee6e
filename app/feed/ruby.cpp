#include "feed/ruby.h"

namespace machikado::feed {
namespace {

constexpr std::string_view kHowTo = "write furigana as {漢字|かんじ}";

bool IsLeadByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

std::string At(size_t character) {
  return "character " + std::to_string(character);
}

void AppendPlain(std::vector<RubySegment>& out, std::string_view text) {
  if (text.empty()) return;
  if (!out.empty() && out.back().ruby.empty())
    out.back().base += text;
  else
    out.push_back({std::string(text), ""});
}

}  // namespace

Result<std::vector<RubySegment>> ParseRuby(std::string_view s) {
  std::vector<RubySegment> out;
  size_t character = 0;  // 1-based position of s[i] once incremented below
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (IsLeadByte(c)) ++character;
    if (c == '}') {
      if (i + 1 < s.size() && s[i + 1] == '}') {
        AppendPlain(out, "}");
        i += 2;
        ++character;
        continue;
      }
      return Status::Invalid("the '}' at " + At(character) +
                             " closes nothing: write }} for a literal '}', or " +
                             std::string(kHowTo));
    }
    if (c != '{') {
      size_t j = i + 1;
      while (j < s.size() && s[j] != '{' && s[j] != '}') {
        if (IsLeadByte(s[j])) ++character;
        ++j;
      }
      AppendPlain(out, s.substr(i, j - i));
      i = j;
      continue;
    }
    if (i + 1 < s.size() && s[i + 1] == '{') {
      AppendPlain(out, "{");
      i += 2;
      ++character;
      continue;
    }
    // A ruby group: {base|reading}
    const size_t open_char = character;
    size_t bar = std::string_view::npos;
    size_t j = i + 1;
    for (; j < s.size(); ++j) {
      const char d = s[j];
      if (IsLeadByte(d)) ++character;
      if (d == '}') break;
      if (d == '{')
        return Status::Invalid(
            "the '{' at " + At(character) + " is inside the furigana that starts at " +
            At(open_char) + "; furigana cannot be nested (outside furigana, {{ is a literal '{')");
      if (d == '|') {
        if (bar != std::string_view::npos)
          return Status::Invalid("the furigana at " + At(open_char) + " has more than one '|'; " +
                                 std::string(kHowTo));
        bar = j;
      }
    }
    if (j == s.size())
      return Status::Invalid("the '{' at " + At(open_char) + " is never closed with '}'; " +
                             std::string(kHowTo) + ", or {{ for a literal '{'");
    if (bar == std::string_view::npos)
      return Status::Invalid("the furigana at " + At(open_char) +
                             " has no '|' between the text and its reading; " +
                             std::string(kHowTo) + " (or {{ and }} for literal braces)");
    const std::string_view base = s.substr(i + 1, bar - i - 1);
    const std::string_view reading = s.substr(bar + 1, j - bar - 1);
    if (base.empty())
      return Status::Invalid("the furigana at " + At(open_char) + " has no text before '|'; " +
                             std::string(kHowTo));
    if (reading.empty())
      return Status::Invalid("the furigana at " + At(open_char) +
                             " has an empty reading after '|'; " + std::string(kHowTo));
    out.push_back({std::string(base), std::string(reading)});
    i = j + 1;
  }
  return out;
}

std::string EscapeRubyText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    out += c;
    if (c == '{' || c == '}') out += c;
  }
  return out;
}

std::string ToRubyMarkup(const std::vector<RubySegment>& segments) {
  std::string out;
  for (const auto& seg : segments) {
    if (seg.ruby.empty()) {
      out += EscapeRubyText(seg.base);
    } else {
      out += '{';
      out += seg.base;
      out += '|';
      out += seg.ruby;
      out += '}';
    }
  }
  return out;
}

}  // namespace machikado::feed
