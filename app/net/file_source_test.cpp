#include "net/file_source.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace machikado::net {
namespace {

namespace fs = std::filesystem;

class FileSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/machikado-file-XXXXXX";
    dir_ = mkdtemp(tmpl);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& content) {
    std::string p = dir_ + "/" + name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  std::string dir_;
};

TEST(LocalSource, RecognisesFileUrlsAndPaths) {
  EXPECT_TRUE(IsLocalSource("file:///srv/feed.json"));
  EXPECT_TRUE(IsLocalSource("/srv/feed.json"));
  EXPECT_TRUE(IsLocalSource("feeds/demo/news.json"));
  EXPECT_FALSE(IsLocalSource("https://example.org/feed.json"));
  EXPECT_FALSE(IsLocalSource("http://127.0.0.1:8080/feed.json"));
}

TEST(LocalSource, DecodesFileUrls) {
  EXPECT_EQ(LocalPath("file:///srv/a%20b.json"), "/srv/a b.json");
  EXPECT_EQ(LocalPath("file://localhost/srv/x.json"), "/srv/x.json");
  EXPECT_EQ(LocalPath("relative/x.json"), "relative/x.json");
  EXPECT_FALSE(LocalPath("file://otherhost/srv/x.json"));
  EXPECT_FALSE(LocalPath("file:///srv/bad%2"));
  EXPECT_FALSE(LocalPath("file:///srv/nul%00"));
}

TEST_F(FileSourceTest, ReadsAFileWithValidators) {
  std::string p = Write("f.json", "{\"a\":1}");
  HttpRequest req;
  req.url = "file://" + p;
  FetchResult r = ReadLocalSource(req);
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_EQ(r.response.status, 200);
  EXPECT_EQ(r.response.body, "{\"a\":1}");
  EXPECT_FALSE(r.response.etag.empty());
  EXPECT_FALSE(r.response.last_modified.empty());
}

TEST_F(FileSourceTest, AnswersNotModifiedWhenTheEtagMatches) {
  std::string p = Write("f.json", "{}");
  HttpRequest req;
  req.url = p;
  FetchResult first = ReadLocalSource(req);
  req.if_none_match = first.response.etag;
  FetchResult second = ReadLocalSource(req);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.response.status, 304);
  EXPECT_TRUE(second.response.body.empty());
}

TEST_F(FileSourceTest, RefusesAFileAboveTheCap) {
  std::string p = Write("big.json", std::string(2000, 'x'));
  HttpRequest req;
  req.url = p;
  req.max_body_bytes = 1000;
  FetchResult r = ReadLocalSource(req);
  EXPECT_EQ(r.error.kind, FetchErrorKind::kTooLarge);
  EXPECT_TRUE(r.response.body.empty());
}

TEST_F(FileSourceTest, ReportsAMissingFileOrADirectory) {
  HttpRequest req;
  req.url = dir_ + "/absent.json";
  EXPECT_EQ(ReadLocalSource(req).error.kind, FetchErrorKind::kFile);
  req.url = dir_;
  EXPECT_EQ(ReadLocalSource(req).error.kind, FetchErrorKind::kFile);
}

TEST_F(FileSourceTest, SourceClientRoutesHttpToTheRemoteClient) {
  FakeHttpClient remote;
  remote.PushOk("https://example.org/f.json", "{}");
  SourceClient client(remote);
  HttpRequest req;
  req.url = "https://example.org/f.json";
  EXPECT_TRUE(client.Fetch(req).ok());
  req.url = Write("local.json", "[]");
  FetchResult local = client.Fetch(req);
  EXPECT_EQ(local.response.body, "[]");
  EXPECT_EQ(remote.requests().size(), 1u);
}

TEST(ContentType, AcceptsJsonFamilyPlainTextAndOctetStreamForFeeds) {
  for (const char* t : {"application/json", "application/json; charset=utf-8", "Application/JSON",
                        "application/feed+json", "text/json", "text/plain; charset=UTF-8",
                        "application/octet-stream", ""}) {
    EXPECT_TRUE(ContentTypeAcceptable(t, ExpectedContent::kFeedJson)) << t;
  }
}

TEST(ContentType, RefusesHtmlAndOtherTypesForFeeds) {
  for (const char* t : {"text/html", "text/html; charset=utf-8", "application/xhtml+xml",
                        "image/png", "application/xml", "application/jsonx"}) {
    EXPECT_FALSE(ContentTypeAcceptable(t, ExpectedContent::kFeedJson)) << t;
  }
}

TEST(ContentType, AcceptsOnlyImagesForImages) {
  EXPECT_TRUE(ContentTypeAcceptable("image/png", ExpectedContent::kImage));
  EXPECT_TRUE(ContentTypeAcceptable("image/jpeg", ExpectedContent::kImage));
  EXPECT_FALSE(ContentTypeAcceptable("text/html", ExpectedContent::kImage));
  EXPECT_FALSE(ContentTypeAcceptable("application/json", ExpectedContent::kImage));
}

}  // namespace
}  // namespace machikado::net
