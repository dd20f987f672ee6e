#include "cache/cache_file.h"

#include <sodium.h>

#include <cstring>

namespace machikado::cache {

namespace {

void PutU16(std::string& out, uint16_t v) {
  for (int i = 0; i < 2; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void PutU32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void PutU64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
uint64_t GetLE(std::string_view bytes, size_t offset, int width) {
  uint64_t v = 0;
  for (int i = width - 1; i >= 0; --i) {
    v = (v << 8) | static_cast<unsigned char>(bytes[offset + static_cast<size_t>(i)]);
  }
  return v;
}

// sodium_init picks the fastest BLAKE2b implementation; it is idempotent and thread-safe, and
// crypto_generichash is correct (if slower) even if it failed.
void EnsureSodium() {
  [[maybe_unused]] static const int once = sodium_init();
}

void Checksum(std::string_view bytes, unsigned char out[kCacheChecksumBytes]) {
  EnsureSodium();
  crypto_generichash(out, kCacheChecksumBytes, reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size(), nullptr, 0);
}

Status Corrupt(const std::string& why) {
  return Status::Corrupt("corrupt cache file: " + why);
}

}  // namespace

uint64_t MaxEncodedBytes(uint64_t max_body_bytes) {
  return kCacheHeaderBytes + kMaxUrlBytes + 2ull * kMaxValidatorBytes + max_body_bytes +
         kCacheChecksumBytes;
}

Status CheckRecordFits(const CacheRecord& record, uint64_t max_body_bytes) {
  if (record.url.empty()) return Status::Invalid("cannot cache an entry without a URL");
  if (record.url.size() > kMaxUrlBytes) {
    return Status::Limit("cannot cache " + record.url.substr(0, 80) + "…: URL longer than " +
                         std::to_string(kMaxUrlBytes) + " bytes");
  }
  if (record.etag.size() > kMaxValidatorBytes || record.last_modified.size() > kMaxValidatorBytes) {
    return Status::Limit("cannot cache " + record.url + ": ETag or Last-Modified longer than " +
                         std::to_string(kMaxValidatorBytes) + " bytes");
  }
  if (record.body.size() > max_body_bytes) {
    return Status::Limit("cannot cache " + record.url + ": " + std::to_string(record.body.size()) +
                         " bytes, more than the limit of " + std::to_string(max_body_bytes));
  }
  return Status::Ok();
}

std::string EncodeCacheRecord(const CacheRecord& r) {
  std::string out;
  out.reserve(kCacheHeaderBytes + r.url.size() + r.etag.size() + r.last_modified.size() +
              r.body.size() + kCacheChecksumBytes);
  out.append(kCacheMagic);
  PutU16(out, kCacheFormatVersion);
  PutU16(out, static_cast<uint16_t>(r.kind));
  PutU32(out, static_cast<uint32_t>(r.url.size()));
  PutU32(out, static_cast<uint32_t>(r.etag.size()));
  PutU32(out, static_cast<uint32_t>(r.last_modified.size()));
  PutU64(out, static_cast<uint64_t>(r.fetched_at));
  PutU64(out, r.body.size());
  out.append(r.url).append(r.etag).append(r.last_modified).append(r.body);
  unsigned char sum[kCacheChecksumBytes];
  Checksum(out, sum);
  out.append(reinterpret_cast<const char*>(sum), kCacheChecksumBytes);
  return out;
}

Result<CacheRecord> DecodeCacheRecord(std::string_view bytes, uint64_t max_body_bytes) {
  if (bytes.empty()) return Corrupt("empty file (0 bytes)");
  if (bytes.size() < kCacheHeaderBytes + kCacheChecksumBytes) {
    return Corrupt("truncated: " + std::to_string(bytes.size()) + " bytes, shorter than the " +
                   std::to_string(kCacheHeaderBytes + kCacheChecksumBytes) +
                   "-byte header and checksum");
  }
  if (bytes.substr(0, kCacheMagic.size()) != kCacheMagic) {
    return Corrupt("not a machikado cache file (wrong magic)");
  }
  const uint64_t version = GetLE(bytes, 8, 2);
  if (version != kCacheFormatVersion) {
    return Corrupt("unsupported format version " + std::to_string(version) + " (this build reads " +
                   std::to_string(kCacheFormatVersion) + ")");
  }
  const uint64_t kind = GetLE(bytes, 10, 2);
  if (kind != static_cast<uint64_t>(RecordKind::kFeed) &&
      kind != static_cast<uint64_t>(RecordKind::kImage)) {
    return Corrupt("unknown entry kind " + std::to_string(kind));
  }
  const uint64_t url_len = GetLE(bytes, 12, 4);
  const uint64_t etag_len = GetLE(bytes, 16, 4);
  const uint64_t lm_len = GetLE(bytes, 20, 4);
  const int64_t fetched_at = static_cast<int64_t>(GetLE(bytes, 24, 8));
  const uint64_t body_len = GetLE(bytes, 32, 8);
  if (url_len == 0 || url_len > kMaxUrlBytes) {
    return Corrupt("declared URL length " + std::to_string(url_len) + " is out of range");
  }
  if (etag_len > kMaxValidatorBytes || lm_len > kMaxValidatorBytes) {
    return Corrupt("declared ETag/Last-Modified length is out of range");
  }
  if (body_len > max_body_bytes) {
    return Corrupt("declared body length " + std::to_string(body_len) + " exceeds the limit of " +
                   std::to_string(max_body_bytes) + " bytes");
  }
  if (body_len > bytes.size()) {
    return Corrupt("truncated: header declares a body of " + std::to_string(body_len) +
                   " bytes, the file has " + std::to_string(bytes.size()));
  }
  // No overflow: every term is now bounded by the file size or a small constant.
  const uint64_t expected =
      kCacheHeaderBytes + url_len + etag_len + lm_len + body_len + kCacheChecksumBytes;
  if (expected != bytes.size()) {
    return Corrupt(std::string(expected > bytes.size() ? "truncated" : "trailing bytes") +
                   ": header declares " + std::to_string(expected) + " bytes, the file has " +
                   std::to_string(bytes.size()));
  }
  const size_t payload_end = bytes.size() - kCacheChecksumBytes;
  unsigned char sum[kCacheChecksumBytes];
  Checksum(bytes.substr(0, payload_end), sum);
  if (std::memcmp(sum, bytes.data() + payload_end, kCacheChecksumBytes) != 0) {
    return Corrupt("checksum mismatch (torn or damaged file)");
  }

  CacheRecord r;
  r.kind = static_cast<RecordKind>(kind);
  size_t at = kCacheHeaderBytes;
  r.url.assign(bytes.substr(at, url_len));
  at += url_len;
  r.etag.assign(bytes.substr(at, etag_len));
  at += etag_len;
  r.last_modified.assign(bytes.substr(at, lm_len));
  at += lm_len;
  r.body.assign(bytes.substr(at, body_len));
  r.fetched_at = fetched_at;
  return r;
}

std::string CacheKeyForUrl(std::string_view url) {
  EnsureSodium();
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(url.data()),
                     url.size(), nullptr, 0);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string key;
  key.reserve(32);
  for (unsigned char c : hash) {
    key.push_back(kHex[c >> 4]);
    key.push_back(kHex[c & 0xf]);
  }
  return key;
}

bool IsCacheKey(std::string_view s) {
  if (s.size() != 32) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace machikado::cache
