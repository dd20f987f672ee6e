// Setup pieces of the wider soak (soak_main.cpp): an ephemeral minisign key pair made with
// libsodium for the run (the kiosk trusts its public key; the server signs every feed with it),
// and a local feed on disk whose items name the three hostile images of issue 22 by plain path —
// the path a staff member's USB stick or `machikado run --feed feed.json` takes — signed beside it
// when a key is given. Functions; thread-safe.
#pragma once

#include <string>

#include "core/status.h"
#include "trust/minisign_signer.h"

namespace machikado::soak {

struct SoakKey {
  trust::SecretKey secret;
  std::string public_key;  // the base64 line of a minisign .pub ("RW…"), for config public_keys
};

SoakKey MakeSoakKey();

// Writes `dir`/hostile.json (three news items whose images are big.png, header.jpg and tiny.gif in
// `dir`, and a fourth with no image) and, with a key, hostile.json.minisig. Returns the feed's
// path.
Result<std::string> WriteHostileFeed(const std::string& dir, int64_t unix_now,
                                     const trust::SecretKey* key);

}  // namespace machikado::soak
