// The on-disk format of one cache entry (a feed body or an image) and the file name derived from
// its URL. Pure functions, no I/O: DecodeCacheRecord is the reader that must survive arbitrary
// bytes (it is a fuzz target). Thread-safe (no state).
//
// Layout (all integers little-endian):
//   offset  size  field
//   0       8     magic "MKDCACHE"
//   8       2     format version, 1
//   10      2     kind: 1 = feed body, 2 = image
//   12      4     url length U           (1 .. kMaxUrlBytes)
//   16      4     ETag length E          (0 .. kMaxValidatorBytes)
//   20      4     Last-Modified length L (0 .. kMaxValidatorBytes)
//   24      8     fetched_at, Unix seconds (signed)
//   32      8     body length B          (0 .. the caller's cap)
//   40      U+E+L+B  url, ETag, Last-Modified, body
//   end-32  32    BLAKE2b-256 of every byte before it
// The file size must be exactly 40 + U + E + L + B + 32.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"

namespace machikado::cache {

enum class RecordKind : uint16_t { kFeed = 1, kImage = 2 };

struct CacheRecord {
  RecordKind kind = RecordKind::kFeed;
  std::string url;
  std::string etag;
  std::string last_modified;
  UnixSeconds fetched_at = 0;
  std::string body;
};

inline constexpr std::string_view kCacheMagic = "MKDCACHE";
inline constexpr uint16_t kCacheFormatVersion = 1;
inline constexpr size_t kCacheHeaderBytes = 40;
inline constexpr size_t kCacheChecksumBytes = 32;
inline constexpr uint32_t kMaxUrlBytes = 8 * 1024;        // longer URLs are refused on store
inline constexpr uint32_t kMaxValidatorBytes = 8 * 1024;  // ETag / Last-Modified

// The largest file a record with a body of at most max_body_bytes can take.
uint64_t MaxEncodedBytes(uint64_t max_body_bytes);

// Serialises a record. The caller has checked the length caps (CheckRecordFits).
std::string EncodeCacheRecord(const CacheRecord& record);
// Invalid/Limit status when the record cannot be encoded within the caps.
Status CheckRecordFits(const CacheRecord& record, uint64_t max_body_bytes);

// Parses and verifies a file. Any problem (short, wrong magic or version, a length over its cap
// or disagreeing with the file size, checksum mismatch) is a kCorrupt Status whose message says
// what is wrong; never throws, never reads out of bounds.
Result<CacheRecord> DecodeCacheRecord(std::string_view bytes, uint64_t max_body_bytes);

// The file-name stem for a URL: 32 lowercase hex digits of BLAKE2b-128 of the URL.
std::string CacheKeyForUrl(std::string_view url);
// True for exactly 32 lowercase hex digits.
bool IsCacheKey(std::string_view s);

}  // namespace machikado::cache
