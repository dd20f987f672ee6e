#include "commands/feed_source.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace machikado {
namespace {

namespace fs = std::filesystem;

class FeedSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/machikado-feed-source-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  fs::path dir_;
};

TEST_F(FeedSourceTest, ReadsAPlainPath) {
  const std::string p = Write("a.json", "{\"x\": 1}");
  Result<std::string> r = ReadFeedSource(p);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, "{\"x\": 1}");
}

TEST_F(FeedSourceTest, ReadsAFileUrlWithPercentEscapes) {
  Write("my feed.json", "{}");
  Result<std::string> r = ReadFeedSource("file://" + (dir_ / "my%20feed.json").string());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, "{}");
  EXPECT_TRUE(ReadFeedSource("file://localhost" + (dir_ / "my%20feed.json").string()).ok());
}

TEST_F(FeedSourceTest, FileUrlOfAnotherHostIsAnError) {
  EXPECT_NE(FileUrlToPath("file://server/share/a.json").status().message().find("another computer"),
            std::string::npos);
  EXPECT_FALSE(FileUrlToPath("file:///a%2").ok());
}

TEST_F(FeedSourceTest, MissingFileAndFolderAreClearErrors) {
  Result<std::string> r = ReadFeedSource((dir_ / "nope.json").string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("no file"), std::string::npos);
  r = ReadFeedSource(dir_.string());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("is a folder"), std::string::npos);
}

TEST_F(FeedSourceTest, StopsReadingPastTheLimit) {
  const std::string p = Write("big.json", std::string(1001, ' '));
  EXPECT_TRUE(ReadFeedSource(p, 1001).ok());
  Result<std::string> r = ReadFeedSource(p, 1000);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  // An endless device is refused before anything is read (core/regular_file.h).
  if (fs::exists("/dev/zero")) {
    Result<std::string> zero = ReadFeedSource("/dev/zero", 4096);
    ASSERT_FALSE(zero.ok());
    EXPECT_NE(zero.status().message().find("character device"), std::string::npos);
  }
}

TEST_F(FeedSourceTest, UnreachableUrlIsAClearNetworkError) {
  // Port 1 on loopback: nothing listens, the connection is refused at once.
  Result<std::string> r = ReadFeedSource("http://127.0.0.1:1/news.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNetworkError);
  EXPECT_NE(r.status().message().find("127.0.0.1:1"), std::string::npos);
  EXPECT_FALSE(ReadFeedSource("ftp://example.jp/a.json").ok());
}

}  // namespace
}  // namespace machikado
