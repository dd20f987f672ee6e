// Test helper: a gzip stream that decodes to `decoded_bytes` zeros, built with zlib in small pieces so
// the test itself never holds the decoded data. 64 MiB of zeros compress to about 64 KiB.
#pragma once

#include <zlib.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace machikado::testing {

inline std::string GzipOfZeros(size_t decoded_bytes) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16 /* gzip wrapper */, 9,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::vector<unsigned char> zeros(1 << 20, 0);
  std::vector<unsigned char> out(1 << 16);
  std::string gz;
  size_t left = decoded_bytes;
  int flush = Z_NO_FLUSH;
  do {
    size_t take = std::min(left, zeros.size());
    left -= take;
    flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
    zs.next_in = zeros.data();
    zs.avail_in = static_cast<uInt>(take);
    do {
      zs.next_out = out.data();
      zs.avail_out = static_cast<uInt>(out.size());
      deflate(&zs, flush);
      gz.append(reinterpret_cast<char*>(out.data()), out.size() - zs.avail_out);
    } while (zs.avail_out == 0);
  } while (flush != Z_FINISH);
  deflateEnd(&zs);
  return gz;
}

}  // namespace machikado::testing
