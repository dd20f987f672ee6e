#include "cache/feed_cache.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <string>

#include "core/faulty_file_system.h"
#include "core/temp_dir.h"

namespace machikado::cache {
namespace {

const std::string kNews = "https://example.jp/feeds/news.json";
const std::string kAlerts = "https://example.jp/feeds/alerts.json";

CachedFeed Feed(const std::string& url, const std::string& body, const std::string& etag = "",
                const std::string& lm = "", UnixSeconds at = 1795392000) {
  return CachedFeed{url, body, etag, lm, at};
}

class FeedCacheTest : public ::testing::Test {
 protected:
  std::string CacheDir() const { return tmp_.file("cache"); }
  void WriteRaw(const std::string& path, const std::string& bytes) {
    ASSERT_TRUE(posix_.WriteFileAtomic(path, bytes).ok());
  }
  std::string ReadRaw(const std::string& path) { return posix_.ReadFile(path, 1 << 26).value(); }
  bool Exists(const std::string& path) { return posix_.Stat(path).ok(); }
  // Sum of the sizes of every file under the cache's two directories.
  uint64_t BytesOnDisk() {
    uint64_t sum = 0;
    for (const char* sub : {"feeds", "images"}) {
      const std::string dir = JoinPath(CacheDir(), sub);
      Result<std::vector<std::string>> names = posix_.ListDir(dir);
      if (!names.ok()) continue;
      for (const std::string& n : names.value()) sum += posix_.FileSize(JoinPath(dir, n)).value();
    }
    return sum;
  }

  ScopedTempDir tmp_;
  PosixFileSystem posix_;
  FaultyFileSystem faulty_{posix_};
};

TEST_F(FeedCacheTest, StoreThenLoadRoundTripsBodyAndValidators) {
  FeedCache cache(CacheDir(), posix_);
  ASSERT_TRUE(
      cache
          .Store(Feed(kNews, "{\"body\":1}", "\"v1\"", "Mon, 23 Nov 2026 05:00:00 GMT", 1795392123))
          .ok());
  Result<CachedFeed> got = cache.Load(kNews);
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(got->url, kNews);
  EXPECT_EQ(got->body, "{\"body\":1}");
  EXPECT_EQ(got->etag, "\"v1\"");
  EXPECT_EQ(got->last_modified, "Mon, 23 Nov 2026 05:00:00 GMT");
  EXPECT_EQ(got->fetched_at, 1795392123);
}

TEST_F(FeedCacheTest, ContentSurvivesANewProcess) {
  {
    FeedCache cache(CacheDir(), posix_);
    ASSERT_TRUE(cache.Store(Feed(kNews, "news body", "\"n\"")).ok());
    ASSERT_TRUE(cache.Store(Feed(kAlerts, "alerts body")).ok());
  }
  FeedCache reopened(CacheDir(), posix_);
  ASSERT_TRUE(reopened.Open().ok());
  Result<CachedFeed> news = reopened.Load(kNews);
  ASSERT_TRUE(news.ok());
  EXPECT_EQ(news->body, "news body");
  EXPECT_EQ(news->etag, "\"n\"");
  std::vector<CachedFeed> all = reopened.LoadAll();
  EXPECT_EQ(all.size(), 2u);
  EXPECT_EQ(reopened.total_bytes(), BytesOnDisk());
}

TEST_F(FeedCacheTest, StoreReplacesThePreviousCopy) {
  FeedCache cache(CacheDir(), posix_);
  ASSERT_TRUE(cache.Store(Feed(kNews, std::string(5000, 'a'), "\"1\"")).ok());
  ASSERT_TRUE(cache.Store(Feed(kNews, "short", "\"2\"")).ok());
  Result<CachedFeed> got = cache.Load(kNews);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->body, "short");
  EXPECT_EQ(got->etag, "\"2\"");
  EXPECT_EQ(cache.total_bytes(), BytesOnDisk());
}

TEST_F(FeedCacheTest, LoadOfAnUncachedUrlIsNotFound) {
  FeedCache cache(CacheDir(), posix_);
  Result<CachedFeed> got = cache.Load(kNews);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kNotFound);
  EXPECT_NE(got.status().message().find(kNews), std::string::npos);
}

TEST_F(FeedCacheTest, OpenFailsClearlyWhenTheDirectoryCannotBeMade) {
  WriteRaw(tmp_.file("blocker"), "a file where the cache directory should be");
  FeedCache cache(tmp_.file("blocker"), posix_);
  Status s = cache.Open();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("cannot open the cache"), std::string::npos) << s.message();
  EXPECT_FALSE(cache.Store(Feed(kNews, "x")).ok());
  EXPECT_FALSE(cache.Load(kNews).ok());
}

TEST_F(FeedCacheTest, RefusesBodyOverTheFeedLimit) {
  CacheLimits limits;
  limits.max_feed_bytes = 100;
  FeedCache cache(CacheDir(), posix_, limits);
  ASSERT_TRUE(cache.Store(Feed(kNews, "good")).ok());
  Status s = cache.Store(Feed(kNews, std::string(101, 'x')));
  EXPECT_EQ(s.code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(cache.Load(kNews)->body, "good");
}

// Damage of every kind: the loader reports kCorrupt with a reason and the URL, LoadAll skips
// the file, and the next Store replaces it.
struct Damage {
  const char* name;
  std::string (*apply)(const std::string& good);
  const char* reason;
};

class CorruptFeedFileTest : public FeedCacheTest, public ::testing::WithParamInterface<Damage> {};

TEST_P(CorruptFeedFileTest, IsDetectedIgnoredAndReplacedByTheNextStore) {
  {
    FeedCache cache(CacheDir(), posix_);
    ASSERT_TRUE(cache.Store(Feed(kNews, std::string(3000, 'n'), "\"e\"")).ok());
    ASSERT_TRUE(cache.Store(Feed(kAlerts, "alerts ok")).ok());
  }
  FeedCache probe(CacheDir(), posix_);
  const std::string path = probe.FeedFilePath(kNews);
  WriteRaw(path, GetParam().apply(ReadRaw(path)));

  FeedCache cache(CacheDir(), posix_);
  Result<CachedFeed> got = cache.Load(kNews);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(got.status().message().find(GetParam().reason), std::string::npos)
      << got.status().message();
  EXPECT_NE(got.status().message().find(kNews), std::string::npos);

  std::vector<Status> problems;
  std::vector<CachedFeed> all = cache.LoadAll(&problems);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].url, kAlerts);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code(), StatusCode::kCorrupt);

  ASSERT_TRUE(cache.Store(Feed(kNews, "fresh")).ok());
  EXPECT_EQ(cache.Load(kNews)->body, "fresh");
}

INSTANTIATE_TEST_SUITE_P(
    EveryKind, CorruptFeedFileTest,
    ::testing::Values(
        Damage{"FlippedByte",
               [](const std::string& g) {
                 std::string b = g;
                 b[b.size() / 2] ^= 0x04;
                 return b;
               },
               "checksum mismatch"},
        Damage{"Truncated", [](const std::string& g) { return g.substr(0, g.size() - 100); },
               "truncated"},
        Damage{"Garbage", [](const std::string& g) { return std::string(g.size(), '\x9c'); },
               "wrong magic"},
        Damage{"ZeroLength", [](const std::string&) { return std::string(); }, "empty file"},
        Damage{"WrongMagic",
               [](const std::string& g) {
                 std::string b = g;
                 b.replace(0, 8, "MKDCACHX");
                 return b;
               },
               "wrong magic"},
        Damage{"HugeDeclaredLength",
               [](const std::string& g) {
                 std::string b = g;
                 for (int i = 32; i < 40; ++i) b[i] = '\x7f';
                 return b;
               },
               "exceeds the limit"},
        Damage{"LargerThanAnyEntry",
               [](const std::string& g) { return g + std::string(5 << 20, 'z'); },
               "larger than any valid entry"}),
    [](const ::testing::TestParamInfo<Damage>& info) { return std::string(info.param.name); });

TEST_F(FeedCacheTest, FileCopiedUnderAnotherUrlsNameIsCorrupt) {
  FeedCache cache(CacheDir(), posix_);
  ASSERT_TRUE(cache.Store(Feed(kAlerts, "alerts")).ok());
  WriteRaw(cache.FeedFilePath(kNews), ReadRaw(cache.FeedFilePath(kAlerts)));
  Result<CachedFeed> got = cache.Load(kNews);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kCorrupt);
  FeedCache fresh(CacheDir(), posix_);
  std::vector<Status> problems;
  EXPECT_EQ(fresh.LoadAll(&problems).size(), 1u);
  EXPECT_EQ(problems.size(), 1u);
}

// Disk full at any step of the write: Store reports it, the old copy stays readable.
class DiskFullTest : public FeedCacheTest, public ::testing::WithParamInterface<FsOp> {};

TEST_P(DiskFullTest, StoreFailsClearlyAndTheOldCopyStays) {
  FeedCache cache(CacheDir(), faulty_);
  ASSERT_TRUE(cache.Store(Feed(kNews, "old good body", "\"old\"")).ok());
  faulty_.FailOn(GetParam(), ENOSPC);
  Status s = cache.Store(Feed(kNews, std::string(200000, 'n'), "\"new\""));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("disk full"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find(kNews), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("previous copy is kept"), std::string::npos) << s.message();
  faulty_.ClearFaults();

  Result<CachedFeed> got = cache.Load(kNews);
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(got->body, "old good body");
  EXPECT_EQ(got->etag, "\"old\"");
  EXPECT_EQ(cache.total_bytes(), BytesOnDisk());  // and no temp file was left behind
  FeedCache other_process(CacheDir(), posix_);
  EXPECT_EQ(other_process.Load(kNews)->body, "old good body");
}

INSTANTIATE_TEST_SUITE_P(AtEveryStep, DiskFullTest,
                         ::testing::Values(FsOp::kCreate, FsOp::kWrite, FsOp::kSync,
                                           FsOp::kRename));

TEST_F(FeedCacheTest, DiskFillingUpInTheMiddleOfABodyKeepsTheOldCopy) {
  FeedCache cache(CacheDir(), faulty_);
  ASSERT_TRUE(cache.Store(Feed(kNews, "old good body")).ok());
  faulty_.SetWriteBudget(4096);
  EXPECT_FALSE(cache.Store(Feed(kNews, std::string(100000, 'n'))).ok());
  faulty_.ClearFaults();
  EXPECT_EQ(cache.Load(kNews)->body, "old good body");
  EXPECT_EQ(cache.total_bytes(), BytesOnDisk());
}

TEST_F(FeedCacheTest, OpenDeletesTempFilesLeftByAKilledWriter) {
  {
    FeedCache cache(CacheDir(), posix_);
    ASSERT_TRUE(cache.Store(Feed(kNews, "body")).ok());
    WriteRaw(cache.FeedFilePath(kNews) + ".tmp-999999-3", "half a body");
  }
  FeedCache cache(CacheDir(), posix_);
  ASSERT_TRUE(cache.Open().ok());
  EXPECT_EQ(posix_.ListDir(JoinPath(CacheDir(), "feeds")).value().size(), 1u);
  EXPECT_EQ(cache.Load(kNews)->body, "body");
}

TEST_F(FeedCacheTest, ImagesRoundTripAndOversizedImagesAreRefused) {
  CacheLimits limits;
  limits.max_image_bytes = 1000;
  FeedCache cache(CacheDir(), posix_, limits);
  const std::string png("\x89PNG\r\n\x1a\n\0\0 pixels", 18);
  ASSERT_TRUE(cache.StoreImage("https://example.jp/a.png", png).ok());
  EXPECT_TRUE(cache.HasImage("https://example.jp/a.png"));
  EXPECT_FALSE(cache.HasImage("https://example.jp/b.png"));
  Result<std::string> got = cache.LoadImage("https://example.jp/a.png");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got.value(), png);
  EXPECT_EQ(cache.LoadImage("https://example.jp/b.png").status().code(), StatusCode::kNotFound);
  Status s = cache.StoreImage("https://example.jp/big.png", std::string(1001, 'x'));
  EXPECT_EQ(s.code(), StatusCode::kLimitExceeded);
  EXPECT_FALSE(cache.HasImage("https://example.jp/big.png"));
}

TEST_F(FeedCacheTest, CorruptImageIsReportedNotReturned) {
  FeedCache cache(CacheDir(), posix_);
  ASSERT_TRUE(cache.StoreImage("u.png", std::string(500, 'p')).ok());
  std::string raw = ReadRaw(cache.ImageFilePath("u.png"));
  raw[100] ^= 1;
  WriteRaw(cache.ImageFilePath("u.png"), raw);
  EXPECT_EQ(cache.LoadImage("u.png").status().code(), StatusCode::kCorrupt);
}

TEST_F(FeedCacheTest, EvictImagesExceptDeletesUnusedImages) {
  FeedCache cache(CacheDir(), posix_);
  ASSERT_TRUE(cache.StoreImage("a.png", "aaaa").ok());
  ASSERT_TRUE(cache.StoreImage("b.png", "bbbb").ok());
  ASSERT_TRUE(cache.StoreImage("c.png", "cccc").ok());
  ASSERT_TRUE(cache.Store(Feed(kNews, "news")).ok());
  cache.EvictImagesExcept({"b.png", "never-stored.png"});
  EXPECT_FALSE(cache.HasImage("a.png"));
  EXPECT_TRUE(cache.HasImage("b.png"));
  EXPECT_FALSE(cache.HasImage("c.png"));
  EXPECT_FALSE(Exists(cache.ImageFilePath("a.png")));
  EXPECT_TRUE(Exists(cache.ImageFilePath("b.png")));
  EXPECT_TRUE(cache.Load(kNews).ok());  // feeds are not touched
  EXPECT_EQ(cache.total_bytes(), BytesOnDisk());
}

// Every entry below has a 1000-byte body; its file is that plus the header, URL and checksum.
uint64_t EntryBytes(const std::string& url) {
  return 1000 + kCacheHeaderBytes + url.size() + 32;
}

TEST_F(FeedCacheTest, SizeBoundEvictsTheLeastRecentlyUsedUnusedImageFirst) {
  CacheLimits limits;
  limits.max_total_bytes = 4 * EntryBytes("x.png");  // room for four images
  FeedCache cache(CacheDir(), posix_, limits);
  const std::string body(1000, 'i');
  for (const char* u : {"a.png", "b.png", "c.png", "d.png"})
    ASSERT_TRUE(cache.StoreImage(u, body).ok());
  cache.EvictImagesExcept({"a.png", "b.png", "c.png", "d.png"});
  ASSERT_TRUE(cache.LoadImage("a.png").ok());               // a is now the most recently used
  cache.EvictImagesExcept({"a.png", "c.png"});              // b and d are no longer referenced...
  EXPECT_EQ(cache.total_bytes(), 2 * EntryBytes("x.png"));  // ...and are deleted at once
  ASSERT_TRUE(cache.StoreImage("e.png", body).ok());
  ASSERT_TRUE(cache.StoreImage("f.png", body).ok());
  // Full: e and f are in use (just stored), like a and c. A fifth image cannot evict them.
  Status s = cache.StoreImage("g.png", body);
  EXPECT_EQ(s.code(), StatusCode::kLimitExceeded) << s.message();
  // Once c is unused, it is the one to go.
  cache.EvictImagesExcept({"a.png", "e.png", "f.png", "c.png"});
  ASSERT_TRUE(cache.LoadImage("c.png").ok());
  cache.EvictImagesExcept({"a.png", "e.png", "f.png"});  // deletes c
  ASSERT_TRUE(cache.StoreImage("g.png", body).ok());
  EXPECT_LE(cache.total_bytes(), limits.max_total_bytes);
  EXPECT_EQ(cache.total_bytes(), BytesOnDisk());
}

TEST_F(FeedCacheTest, SizeBoundPrefersUnusedImagesThenUnusedFeedsAndNeverFeedsInUse) {
  CacheLimits limits;
  limits.max_total_bytes = 3 * EntryBytes(kNews) + 10;
  FeedCache cache(CacheDir(), posix_, limits);
  const std::string body(1000, 'b');
  const std::string old_feed = "https://example.jp/feeds/old.json";
  ASSERT_TRUE(cache.Store(Feed(old_feed, body)).ok());
  ASSERT_TRUE(cache.Store(Feed(kNews, body)).ok());
  // Pad the image URL to the same length as the feeds' so every entry has the same size.
  const std::string img = "https://example.jp/img/012345.png";
  ASSERT_EQ(img.size(), old_feed.size());
  ASSERT_TRUE(cache.StoreImage(img, body).ok());
  cache.SetFeedsInUse({kNews, kAlerts});  // the old feed is no longer configured
  cache.EvictImagesExcept({img});

  // Room for one more: the unused old feed goes, the news feed and the image in use stay.
  ASSERT_TRUE(
      cache.Store(Feed(kAlerts, std::string(1000 - (kAlerts.size() - kNews.size()), 'a'))).ok());
  EXPECT_FALSE(cache.Load(old_feed).ok());
  EXPECT_TRUE(cache.Load(kNews).ok());
  EXPECT_TRUE(cache.HasImage(img));

  // An image never pushes out a feed in use.
  Status s = cache.StoreImage("https://example.jp/img/99999.png", body);
  EXPECT_EQ(s.code(), StatusCode::kLimitExceeded) << s.message();
  EXPECT_NE(s.message().find("cache is full"), std::string::npos) << s.message();
  EXPECT_TRUE(cache.Load(kNews).ok());
  EXPECT_TRUE(cache.Load(kAlerts).ok());

  // A feed in use may push out an image in use (images can be fetched again).
  ASSERT_TRUE(cache.Store(Feed(kNews, std::string(1900, 'n'))).ok());
  EXPECT_FALSE(cache.HasImage(img));
  EXPECT_TRUE(cache.Load(kAlerts).ok());

  // And when feeds in use alone exceed the bound, the store fails and the old copy stays.
  s = cache.Store(Feed(kNews, std::string(3000, 'n')));
  EXPECT_EQ(s.code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(cache.Load(kNews)->body, std::string(1900, 'n'));
  EXPECT_TRUE(cache.Load(kAlerts).ok());
  EXPECT_EQ(cache.total_bytes(), BytesOnDisk());
}

}  // namespace
}  // namespace machikado::cache
