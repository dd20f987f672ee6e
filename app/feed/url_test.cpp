#include "feed/url.h"

#include <gtest/gtest.h>

namespace machikado::feed {
namespace {

TEST(WebUrlTest, AcceptsAbsoluteHttpAndHttps) {
  EXPECT_TRUE(CheckWebUrl("https://www.city.example.jp/bousai/index.html").ok());
  EXPECT_TRUE(CheckWebUrl("http://example.jp").ok());
  EXPECT_TRUE(CheckWebUrl("HTTPS://example.jp/a?b=c#d").ok());
}

TEST(WebUrlTest, RejectsRelativeOtherSchemesAndJunk) {
  EXPECT_NE(CheckWebUrl("www.example.jp").message().find("https://"), std::string::npos);
  EXPECT_FALSE(CheckWebUrl("/bousai/index.html").ok());
  EXPECT_FALSE(CheckWebUrl("ftp://example.jp/a").ok());
  EXPECT_FALSE(CheckWebUrl("javascript:alert(1)").ok());
  EXPECT_NE(CheckWebUrl("https://exa mple.jp/").message().find("space"), std::string::npos);
  EXPECT_FALSE(CheckWebUrl("https://").ok());
  EXPECT_FALSE(CheckWebUrl("").ok());
}

TEST(ImageUrlTest, ResolvesRelativeAgainstHttpBase) {
  EXPECT_EQ(*ResolveImageUrl("img/a.png", "https://feeds.example.jp/nishi/news.json"),
            "https://feeds.example.jp/nishi/img/a.png");
  EXPECT_EQ(*ResolveImageUrl("../shared/b.png", "https://feeds.example.jp/nishi/news.json"),
            "https://feeds.example.jp/shared/b.png");
  EXPECT_EQ(*ResolveImageUrl("/c.png", "https://feeds.example.jp/nishi/news.json"),
            "https://feeds.example.jp/c.png");
}

TEST(ImageUrlTest, ResolvesRelativeAgainstFilePathsAsPaths) {
  EXPECT_EQ(*ResolveImageUrl("img/a.png", "feeds/demo/news.json"), "feeds/demo/img/a.png");
  EXPECT_EQ(*ResolveImageUrl("../img/a.png", "feeds/demo/news.json"), "feeds/img/a.png");
  EXPECT_EQ(*ResolveImageUrl("a.png", "news.json"), "a.png");
  EXPECT_EQ(*ResolveImageUrl("img/a.png", "file:///srv/feeds/news.json"),
            "file:///srv/feeds/img/a.png");
}

TEST(ImageUrlTest, KeepsAbsoluteWebUrlsAndRelativeWithoutBase) {
  EXPECT_EQ(*ResolveImageUrl("https://cdn.example.jp/a.png", "feeds/demo/news.json"),
            "https://cdn.example.jp/a.png");
  EXPECT_EQ(*ResolveImageUrl("img/a.png", ""), "img/a.png");
}

TEST(ImageUrlTest, RejectsOtherSchemesAndSpaces) {
  EXPECT_FALSE(ResolveImageUrl("file:///etc/passwd", "https://feeds.example.jp/a.json").ok());
  EXPECT_FALSE(ResolveImageUrl("data:image/png;base64,AAAA", "").ok());
  EXPECT_FALSE(ResolveImageUrl("img/my poster.png", "").ok());
  EXPECT_FALSE(ResolveImageUrl("", "").ok());
}

}  // namespace
}  // namespace machikado::feed
