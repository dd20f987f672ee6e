// Image digests under the feed's signature; see image_digest.h.
#include "trust/image_digest.h"

#include <sodium.h>

#include <cctype>

namespace machikado::trust {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

}  // namespace

static_assert(crypto_hash_sha256_BYTES == 32);

std::string DigestHex(const unsigned char (&digest)[32]) {
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * sizeof digest);
  for (unsigned char b : digest) {
    hex.push_back(kHex[b >> 4]);
    hex.push_back(kHex[b & 15]);
  }
  return hex;
}

std::string Sha256Hex(std::string_view bytes) {
  (void)sodium_init();  // idempotent and thread-safe; SHA-256 itself needs no randomness
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return DigestHex(digest);
}

bool IsSha256Hex(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

Status CheckImageDigest(std::string_view url, std::string_view bytes,
                        std::string_view expected_sha256, const ImageDigestPolicy& policy) {
  if (!expected_sha256.empty()) {
    std::string expected(expected_sha256);
    for (char& c : expected) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string actual = Sha256Hex(bytes);
    if (actual == expected) return Status::Ok();
    return Status::Corrupt("the image is not the one the feed names: its sha256 is " +
                           actual.substr(0, 16) + "…, the feed says " + expected.substr(0, 16) +
                           "… (changed on the server or on the way)");
  }
  if (!policy.signatures_required) return Status::Ok();
  const bool plain_http = StartsWith(url, "http://");
  const bool remote = plain_http || StartsWith(url, "https://");
  if (policy.allow_unhashed_images && !plain_http) return Status::Ok();
  return Status::Invalid(
      std::string("the feed is signed but gives no sha256 for this image, so the signature does "
                  "not cover it: not shown (add image.sha256; ") +
      (remote && !plain_http ? "or set allow_unhashed_images for this feed"
                             : "plain http images always need one") +
      ")");
}

}  // namespace machikado::trust
