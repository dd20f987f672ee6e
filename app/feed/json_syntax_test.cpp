// JSON syntax errors explained: each usual mistake gets its cause and its place.
#include "feed/json_syntax.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace machikado::feed {
namespace {

// What the feed parser and the config loader say about `text`.
std::string Explain(const std::string& text, bool comments = false) {
  try {
    (void)nlohmann::json::parse(text, nullptr, true, comments);
  } catch (const nlohmann::json::parse_error& e) {
    return ExplainJsonSyntaxError(text, e.byte, comments);
  }
  ADD_FAILURE() << "parsed: " << text;
  return "";
}

void ExpectSays(const std::string& message, const std::string& part) {
  EXPECT_NE(message.find(part), std::string::npos) << message;
}

TEST(JsonSyntax, TrailingCommaNamedAtTheComma) {
  const std::string m = Explain("{\n  \"feeds\": [\"a\", \"b\",]\n}");
  ExpectSays(m, "line 2, column 21");
  ExpectSays(m, "trailing comma");
  ExpectSays(Explain("{\"a\": 1,\n}"), "comma before }");
}

TEST(JsonSyntax, CommentsWhereNotAllowed) {
  ExpectSays(Explain("{\n  // the news feed\n  \"a\": 1}"),
             "comments (// or /* */) are not allowed");
  ExpectSays(Explain("{\"a\": 1 /* x */}"), "line 1, column 9");
}

TEST(JsonSyntax, FullWidthPunctuationFromTheInputMethod) {
  ExpectSays(Explain("{“title”: \"x\"}"), "「“」 is full-width punctuation");
  ExpectSays(Explain("{\"title\"： \"x\"}"), "「：」");
  ExpectSays(Explain("{\"a\": 1， \"b\": 2}"), "「，」");
  ExpectSays(Explain("{\"a\":　1}"), "全角スペース");
}

TEST(JsonSyntax, SingleQuotesAndMissingCommas) {
  ExpectSays(Explain("{'a': 1}"), "double quotation marks");
  ExpectSays(Explain("{\"a\": 1\n \"b\": 2}"), "a comma is missing");
  ExpectSays(Explain("[{\"a\": 1} {\"b\": 2}]"), "a comma is missing before {");
}

TEST(JsonSyntax, EndsTooEarly) {
  ExpectSays(Explain("{\"feeds\": [\"a\""), "ends too early");
  ExpectSays(Explain("{\"a\": \"unterminated"), "ends too early");
}

TEST(JsonSyntax, CountsCharactersNotBytesInTheColumn) {
  // 「お知らせ」 is 4 characters, 12 bytes: the trailing comma is at column 13, not 21.
  ExpectSays(Explain("{\"t\": \"お知らせ\",}"), "line 1, column 13");
}

TEST(JsonSyntax, SomethingElseStillSaysWhere) {
  ExpectSays(Explain("{\"a\": tru}"), "line 1, column");
}

}  // namespace
}  // namespace machikado::feed
