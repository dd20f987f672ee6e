// Images under the feed's signature: an item's `image.sha256` names the exact bytes its author
// published, so a signed feed covers its pictures too — a network attacker who cannot forge the
// feed cannot swap its image either. The rule (docs/signing.md, "Images"):
//   - a sha256 that is given is always checked (signed feed or not);
//   - when signatures are required (public_keys set), an image without a sha256 is not shown,
//     unless its feed opts out (`allow_unhashed_images`) AND the image comes over https or from a
//     local file — never over plain http, where anyone on the path could replace it.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace machikado::trust {

// Lowercase hex SHA-256 of `bytes` (libsodium), 64 characters.
std::string Sha256Hex(std::string_view bytes);

// Lowercase hex of a finished SHA-256 digest (32 bytes: libsodium's crypto_hash_sha256_BYTES), for
// digests computed piece by piece (a large file read in chunks).
std::string DigestHex(const unsigned char (&digest)[32]);

// True for 64 hex digits (either case).
bool IsSha256Hex(std::string_view text);

struct ImageDigestPolicy {
  bool signatures_required = false;    // the kiosk has public_keys
  bool allow_unhashed_images = false;  // the feed's opt-out (https and local images only)
};

// OK when the image may be shown; otherwise an error (kCorrupt: the bytes differ from the sha256;
// kInvalidArgument: no sha256 where one is required) with a message for status.json.
// `expected_sha256` is "" when the item gives none.
Status CheckImageDigest(std::string_view url, std::string_view bytes,
                        std::string_view expected_sha256, const ImageDigestPolicy& policy);

}  // namespace machikado::trust
