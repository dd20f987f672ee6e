// Helpers for the feed parser tests: minimal valid feeds and items to mutate, and error lookup.
// Header-only, test code only.
#pragma once

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "feed/parse.h"

namespace machikado::feed::testing {

using J = nlohmann::ordered_json;

inline J MinimalFeed() {
  return J{{"format", "machikado-feed/1"},
           {"id", "nishi.news"},
           {"generated", "2026-11-23T09:00:00+09:00"},
           {"items", J::array()}};
}

inline J NewsItem(const std::string& id = "news-1") {
  return J{
      {"id", id}, {"kind", "news"}, {"title", {{"ja", "秋の防災訓練"}, {"en", "Autumn drill"}}}};
}
inline J PreparednessItem(const std::string& id = "prep-1") {
  return J{
      {"id", id}, {"kind", "preparedness"}, {"title", "家具の転倒防止"}, {"hazard", "earthquake"}};
}
inline J AlertItem(const std::string& id = "alert-1") {
  return J{{"id", id},   {"kind", "alert"},   {"title", "避難指示"},
           {"level", 4}, {"hazard", "flood"}, {"issued", "2026-11-23T09:00:00+09:00"}};
}
inline J ProjectItem(const std::string& id = "proj-1") {
  return J{{"id", id},
           {"kind", "project"},
           {"title", "避難マップの作成"},
           {"metrics", J::array({J{{"label", "作成地区"},
                                   {"unit", "地区"},
                                   {"baseline", {{"period", "R3"}, {"value", 57}}},
                                   {"targets", J::array({J{{"period", "R5"}, {"value", 64}}})},
                                   {"actual", {{"period", "R5"}, {"value", 67}}}}})}};
}

inline ParseOutcome Parse(const J& doc, const FeedLimits& limits = {}, std::string_view base = {}) {
  return ParseFeed(doc.dump(), limits, base);
}

// A feed holding exactly `item`.
inline ParseOutcome ParseOne(const J& item, std::string_view base = {}) {
  J doc = MinimalFeed();
  doc["items"].push_back(item);
  return Parse(doc, {}, base);
}

inline const FeedError* FindError(const ParseOutcome& o, std::string_view pointer) {
  for (const auto& e : o.errors)
    if (e.pointer == pointer) return &e;
  return nullptr;
}

inline std::string DumpErrors(const ParseOutcome& o) {
  std::string s;
  for (const auto& e : o.errors)
    s += std::string(e.level == FeedError::Level::kFeed ? "feed " : "item ") + e.pointer + ": " +
         e.message + "\n";
  return s;
}

// The single item was rejected with an error at `pointer` whose message contains `needle`.
#define EXPECT_ITEM_ERROR(outcome, pointer, needle)                                 \
  do {                                                                              \
    const auto& o_ = (outcome);                                                     \
    ASSERT_TRUE(o_.feed.has_value()) << ::machikado::feed::testing::DumpErrors(o_); \
    EXPECT_EQ(o_.items_valid, 0u) << ::machikado::feed::testing::DumpErrors(o_);    \
    const auto* e_ = ::machikado::feed::testing::FindError(o_, pointer);            \
    ASSERT_NE(e_, nullptr) << "no error at " << (pointer) << "\n"                   \
                           << ::machikado::feed::testing::DumpErrors(o_);           \
    EXPECT_EQ(e_->level, ::machikado::feed::FeedError::Level::kItem);               \
    EXPECT_NE(e_->message.find(needle), std::string::npos) << e_->message;          \
  } while (0)

// The feed was rejected with an error at `pointer` whose message contains `needle`.
#define EXPECT_FEED_REJECTED(outcome, pointer, needle)                     \
  do {                                                                     \
    const auto& o_ = (outcome);                                            \
    EXPECT_FALSE(o_.feed.has_value());                                     \
    const auto* e_ = ::machikado::feed::testing::FindError(o_, pointer);   \
    ASSERT_NE(e_, nullptr) << "no error at '" << (pointer) << "'\n"        \
                           << ::machikado::feed::testing::DumpErrors(o_);  \
    EXPECT_EQ(e_->level, ::machikado::feed::FeedError::Level::kFeed);      \
    EXPECT_NE(e_->message.find(needle), std::string::npos) << e_->message; \
  } while (0)

}  // namespace machikado::feed::testing
