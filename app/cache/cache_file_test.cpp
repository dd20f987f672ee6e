#include "cache/cache_file.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <random>
#include <string>

namespace machikado::cache {
namespace {

constexpr uint64_t kMaxBody = 1 << 20;

CacheRecord Sample() {
  CacheRecord r;
  r.kind = RecordKind::kFeed;
  r.url = "https://example.jp/feeds/news.json";
  r.etag = "\"abc-123\"";
  r.last_modified = "Mon, 23 Nov 2026 05:00:00 GMT";
  r.fetched_at = 1795392000;
  r.body = std::string("{\"items\":[]}\0binary\xff", 20);
  return r;
}

void ExpectCorrupt(std::string_view bytes, std::string_view reason) {
  Result<CacheRecord> r = DecodeCacheRecord(bytes, kMaxBody);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(r.status().message().find(reason), std::string::npos) << r.status().message();
}

void SetLE(std::string& bytes, size_t offset, int width, uint64_t v) {
  for (int i = 0; i < width; ++i) bytes[offset + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

TEST(CacheFileTest, RoundTripsEveryField) {
  CacheRecord in = Sample();
  in.fetched_at = -5;  // a kiosk whose clock was before 1970 still round-trips
  Result<CacheRecord> out = DecodeCacheRecord(EncodeCacheRecord(in), kMaxBody);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(out->kind, in.kind);
  EXPECT_EQ(out->url, in.url);
  EXPECT_EQ(out->etag, in.etag);
  EXPECT_EQ(out->last_modified, in.last_modified);
  EXPECT_EQ(out->fetched_at, in.fetched_at);
  EXPECT_EQ(out->body, in.body);
}

TEST(CacheFileTest, RoundTripsImageWithEmptyValidatorsAndBody) {
  CacheRecord in;
  in.kind = RecordKind::kImage;
  in.url = "u";
  Result<CacheRecord> out = DecodeCacheRecord(EncodeCacheRecord(in), kMaxBody);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(out->kind, RecordKind::kImage);
  EXPECT_EQ(out->body, "");
}

TEST(CacheFileTest, DetectsEveryFlippedByte) {
  const std::string good = EncodeCacheRecord(Sample());
  for (size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    EXPECT_FALSE(DecodeCacheRecord(bad, kMaxBody).ok()) << "flip at byte " << i;
  }
}

TEST(CacheFileTest, DetectsEveryTruncation) {
  const std::string good = EncodeCacheRecord(Sample());
  for (size_t n = 0; n < good.size(); ++n) {
    Result<CacheRecord> r = DecodeCacheRecord(std::string_view(good).substr(0, n), kMaxBody);
    ASSERT_FALSE(r.ok()) << "prefix of " << n << " bytes";
    EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
  }
  ExpectCorrupt(std::string_view(good).substr(0, good.size() - 1), "truncated");
}

TEST(CacheFileTest, RejectsEmptyFile) {
  ExpectCorrupt("", "empty file");
}

TEST(CacheFileTest, RejectsTrailingBytes) {
  ExpectCorrupt(EncodeCacheRecord(Sample()) + "x", "trailing bytes");
}

TEST(CacheFileTest, RejectsWrongMagic) {
  std::string bad = EncodeCacheRecord(Sample());
  bad[0] = 'X';
  ExpectCorrupt(bad, "wrong magic");
  ExpectCorrupt(std::string(200, '{'), "wrong magic");
}

TEST(CacheFileTest, RejectsUnsupportedVersionAndKind) {
  std::string bad = EncodeCacheRecord(Sample());
  SetLE(bad, 8, 2, 2);
  ExpectCorrupt(bad, "unsupported format version 2");
  bad = EncodeCacheRecord(Sample());
  SetLE(bad, 10, 2, 7);
  ExpectCorrupt(bad, "unknown entry kind 7");
}

TEST(CacheFileTest, RejectsHugeDeclaredLengthsWithoutAllocating) {
  std::string bad = EncodeCacheRecord(Sample());
  SetLE(bad, 32, 8, ~0ull);
  ExpectCorrupt(bad, "exceeds the limit");
  Result<CacheRecord> r = DecodeCacheRecord(bad, ~0ull);  // even with no cap at all
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("truncated"), std::string::npos) << r.status().message();
  bad = EncodeCacheRecord(Sample());
  SetLE(bad, 12, 4, 0xffffffffu);
  ExpectCorrupt(bad, "URL length");
  bad = EncodeCacheRecord(Sample());
  SetLE(bad, 16, 4, 0xffffffffu);
  ExpectCorrupt(bad, "ETag/Last-Modified length");
}

TEST(CacheFileTest, RejectsBodyOverTheCallersCap) {
  CacheRecord big = Sample();
  big.body.assign(2000, 'x');
  Result<CacheRecord> r = DecodeCacheRecord(EncodeCacheRecord(big), 1000);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("exceeds the limit of 1000"), std::string::npos);
  EXPECT_TRUE(DecodeCacheRecord(EncodeCacheRecord(big), 2000).ok());
}

TEST(CacheFileTest, ReportsChecksumMismatchForDamagedBody) {
  std::string bad = EncodeCacheRecord(Sample());
  bad[kCacheHeaderBytes + 40] ^= 0x20;
  ExpectCorrupt(bad, "checksum mismatch");
}

// Rewrites the checksum so that only the structural checks stand between bytes and the reader.
void Reseal(std::string& bytes) {
  if (bytes.size() < kCacheChecksumBytes) return;
  const size_t n = bytes.size() - kCacheChecksumBytes;
  crypto_generichash(reinterpret_cast<unsigned char*>(bytes.data() + n), kCacheChecksumBytes,
                     reinterpret_cast<const unsigned char*>(bytes.data()), n, nullptr, 0);
}

TEST(CacheFileTest, SurvivesRandomGarbageAndMutatedHeadersWithValidChecksums) {
  std::mt19937 rng(1234);
  const std::string good = EncodeCacheRecord(Sample());
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string bytes;
    if (i % 2 == 0) {
      bytes.resize(rng() % 200);
      for (char& c : bytes) c = static_cast<char>(rng());
      if (i % 4 == 0 && bytes.size() >= 8) bytes.replace(0, 8, kCacheMagic);
      if (i % 8 == 0) Reseal(bytes);
    } else {
      bytes = good;
      for (int k = 0; k < 2; ++k) bytes[rng() % kCacheHeaderBytes] = static_cast<char>(rng());
      Reseal(bytes);
    }
    Result<CacheRecord> r = DecodeCacheRecord(bytes, kMaxBody);
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
      continue;
    }
    ++accepted;  // a mutation that kept the structure consistent: the lengths must add up
    EXPECT_FALSE(r->url.empty());
    EXPECT_EQ(kCacheHeaderBytes + r->url.size() + r->etag.size() + r->last_modified.size() +
                  r->body.size() + kCacheChecksumBytes,
              bytes.size());
  }
  EXPECT_GT(accepted, 0);  // e.g. mutations of fetched_at: the test really reaches the decoder
}

TEST(CacheFileTest, CheckRecordFitsRefusesOversizedFields) {
  CacheRecord r = Sample();
  EXPECT_TRUE(CheckRecordFits(r, kMaxBody).ok());
  r.url.clear();
  EXPECT_EQ(CheckRecordFits(r, kMaxBody).code(), StatusCode::kInvalidArgument);
  r = Sample();
  r.url.assign(kMaxUrlBytes + 1, 'u');
  EXPECT_EQ(CheckRecordFits(r, kMaxBody).code(), StatusCode::kLimitExceeded);
  r = Sample();
  r.etag.assign(kMaxValidatorBytes + 1, 'e');
  EXPECT_EQ(CheckRecordFits(r, kMaxBody).code(), StatusCode::kLimitExceeded);
  r = Sample();
  r.body.assign(11, 'b');
  EXPECT_EQ(CheckRecordFits(r, 10).code(), StatusCode::kLimitExceeded);
}

TEST(CacheFileTest, CacheKeyIsStableHexAndDistinguishesUrls) {
  const std::string a = CacheKeyForUrl("https://example.jp/a.json");
  EXPECT_EQ(a.size(), 32u);
  EXPECT_TRUE(IsCacheKey(a));
  EXPECT_EQ(a, CacheKeyForUrl("https://example.jp/a.json"));
  EXPECT_NE(a, CacheKeyForUrl("https://example.jp/b.json"));
  EXPECT_FALSE(IsCacheKey("ABCDEF0123456789abcdef0123456789"));
  EXPECT_FALSE(IsCacheKey("abc"));
}

}  // namespace
}  // namespace machikado::cache
