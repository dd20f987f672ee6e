// libFuzzer target: the offline cache's file reader, cache::DecodeCacheRecord, on arbitrary bytes.
// Random bytes rarely pass the checksum, so the first input byte picks a mode: 0 = the bytes as
// they are; 1 = the harness appends the correct BLAKE2b-256 checksum, so the header's lengths and
// kinds are exercised. Whatever decodes must encode back to exactly the same bytes.
#include <sodium.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cache/cache_file.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace machikado::cache;
  if (size == 0) return 0;
  static const bool sodium_ready = sodium_init() >= 0;
  Check(sodium_ready);
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) {
    unsigned char sum[kCacheChecksumBytes];
    crypto_generichash(sum, sizeof sum, reinterpret_cast<const unsigned char*>(bytes.data()),
                       bytes.size(), nullptr, 0);
    bytes.append(reinterpret_cast<const char*>(sum), sizeof sum);
  }
  // A small cap reaches the "body too large" path with small inputs; the default is FEED-v1's.
  for (uint64_t cap : {uint64_t{64}, uint64_t{4} * 1024 * 1024}) {
    machikado::Result<CacheRecord> record = DecodeCacheRecord(bytes, cap);
    if (!record.ok()) {
      Check(!record.status().message().empty());
      continue;
    }
    Check(record->body.size() <= cap);
    Check(CheckRecordFits(record.value(), cap).ok());
    Check(EncodeCacheRecord(record.value()) == bytes);
  }
  (void)IsCacheKey(std::string_view(bytes).substr(0, 40));
  return 0;
}
