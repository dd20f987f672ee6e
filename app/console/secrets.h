// Secrets of the console: Argon2id password hashes (libsodium crypto_pwhash_str), random tokens
// for sessions, CSRF and API/kiosk tokens, and the ward's minisign key pair (made with libsodium in
// minisign's file format, read back with trust::ParseSecretKey). Thread-safe (pure functions;
// libsodium is thread-safe once initialised).
#pragma once

#include <string>
#include <string_view>

#include "core/file_system.h"
#include "core/status.h"
#include "trust/minisign_signer.h"

namespace machikado::console {

// Argon2id (libsodium's "interactive" limits: ~0.1 s and 64 MiB per hash on a small PC).
Result<std::string> HashPassword(std::string_view password);
bool VerifyPassword(const std::string& hash, std::string_view password);
// Passwords: 10–1024 bytes.
Status CheckPasswordPolicy(std::string_view password);

// 32 random bytes as URL-safe base64 without padding (43 characters).
std::string RandomToken();

struct KeyFiles {
  std::string secret;      // minisign secret key file, unencrypted (-W), with checksum
  std::string public_key;  // "untrusted comment: …\n<base64>\n" like minisign's .pub
};
KeyFiles GenerateKeyFiles();
// The base64 line of the public key (what kiosks list in `public_keys`).
std::string PublicKeyLine(const trust::SecretKey& key);

// <state_dir>/minisign.key: read, or created (0600, atomically) when absent and `create`.
Result<trust::SecretKey> LoadOrCreateKey(FileSystem& fs, const std::string& state_dir, bool create);

}  // namespace machikado::console
