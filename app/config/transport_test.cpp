#include "config/transport.h"

#include <gtest/gtest.h>

namespace machikado::config {
namespace {

FeedSource Feed(const char* url, bool allow_http = false) {
  FeedSource f;
  f.url = url;
  f.allow_http = allow_http;
  return f;
}

TEST(TransportTest, HttpsIsHttps) {
  EXPECT_EQ(TransportOf(Feed("https://example.jp/feed.json")), Transport::kHttps);
  EXPECT_EQ(TransportOf(Feed("HTTPS://example.jp/feed.json")), Transport::kHttps);
}

TEST(TransportTest, PlainHttpToLoopbackNeedsNoOptIn) {
  EXPECT_EQ(TransportOf(Feed("http://127.0.0.1:8080/feed.json")), Transport::kHttpLoopback);
  EXPECT_EQ(TransportOf(Feed("http://localhost/feed.json")), Transport::kHttpLoopback);
  EXPECT_EQ(TransportOf(Feed("http://[::1]:8080/feed.json")), Transport::kHttpLoopback);
  // Opting in changes nothing for a loopback host: it never leaves the machine.
  EXPECT_EQ(TransportOf(Feed("http://127.0.0.1/feed.json", true)), Transport::kHttpLoopback);
}

TEST(TransportTest, PlainHttpToAnotherHostIsTheOptIn) {
  EXPECT_EQ(TransportOf(Feed("http://feeds.example.jp/feed.json", true)), Transport::kHttpOptIn);
  // A host that merely starts like a loopback address is not one.
  EXPECT_EQ(TransportOf(Feed("http://127.0.0.1.example.jp/feed.json", true)),
            Transport::kHttpOptIn);
}

TEST(TransportTest, PathsAndFileUrlsAreFiles) {
  EXPECT_EQ(TransportOf(Feed("/srv/feeds/news.json")), Transport::kFile);
  EXPECT_EQ(TransportOf(Feed("file:///srv/feeds/news.json")), Transport::kFile);
}

TEST(TransportTest, NamesAreTheStatusFileValues) {
  EXPECT_STREQ(TransportName(Transport::kHttps), "https");
  EXPECT_STREQ(TransportName(Transport::kHttpLoopback), "http-loopback");
  EXPECT_STREQ(TransportName(Transport::kHttpOptIn), "http-opt-in");
  EXPECT_STREQ(TransportName(Transport::kFile), "file");
}

}  // namespace
}  // namespace machikado::config
