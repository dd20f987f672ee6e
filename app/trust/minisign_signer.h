// Signing in minisign's format, for services that publish feeds (machikado ingest): a minisign
// secret key file (from `minisign -G`, encrypted with a password or, with -W, not) is read once,
// and each body is signed as `minisign -S` does by default (prehashed "ED": Ed25519 over
// BLAKE2b-512 of the body, and a trusted comment with the time and file name under a global
// signature), so kiosks verify it like any staff-signed feed (docs/signing.md). Errors are values
// with a message for IT staff. A SecretKey holds key material: keep it in one place, do not copy
// it around. Thread-safe (no shared state).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"

namespace machikado::trust {

struct SecretKey {
  std::array<uint8_t, 8> key_id{};
  std::array<uint8_t, 64> secret{};  // libsodium's Ed25519 secret key (seed || public key)
  SecretKey() = default;
  SecretKey(const SecretKey&) = delete;
  SecretKey& operator=(const SecretKey&) = delete;
  SecretKey(SecretKey&&) = default;
  SecretKey& operator=(SecretKey&&) = default;
  ~SecretKey();  // wipes the key material
};

// Reads a minisign secret key file (untrusted comment line + base64 line). `password` is needed
// for an encrypted key (scrypt, as minisign makes them) and ignored for a -W key. The key's
// checksum is verified, so a wrong password is reported as such.
Result<SecretKey> ParseSecretKey(std::string_view text, std::string_view password = {});

// The .minisig text for `body` as `minisign -S -t "timestamp:T\tfile:NAME\thashed"` writes it.
std::string SignMinisign(const SecretKey& key, std::string_view body, std::string_view file_name,
                         UnixSeconds timestamp);

}  // namespace machikado::trust
