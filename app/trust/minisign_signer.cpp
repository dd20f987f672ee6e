#include "trust/minisign_signer.h"

#include <sodium.h>

#include <cstring>
#include <vector>

namespace machikado::trust {
namespace {

constexpr size_t kSecretKeyBytes = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32;  // 158

std::string Base64(const uint8_t* data, size_t n) {
  std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), data, n, sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

uint64_t LittleEndian64(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

}  // namespace

SecretKey::~SecretKey() {
  sodium_memzero(secret.data(), secret.size());
}

Result<SecretKey> ParseSecretKey(std::string_view text, std::string_view password) {
  if (sodium_init() < 0) return Status::Error(StatusCode::kInternal, "libsodium cannot start");
  // The base64 line: the first line that is not a comment.
  std::string line;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    while (!l.empty() && (l.back() == '\r' || l.back() == ' ')) l.remove_suffix(1);
    pos = end + 1;
    if (l.empty() || l.rfind("untrusted comment:", 0) == 0) continue;
    line = std::string(l);
    break;
  }
  std::vector<uint8_t> raw(kSecretKeyBytes + 8);
  size_t len = 0;
  if (line.empty() ||
      sodium_base642bin(raw.data(), raw.size(), line.data(), line.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len != kSecretKeyBytes)
    return Status::Invalid(
        "not a minisign secret key file (expected the base64 line of "
        "`minisign -G`)");
  const uint8_t* sig_alg = raw.data();
  const uint8_t* kdf_alg = raw.data() + 2;
  const uint8_t* chk_alg = raw.data() + 4;
  const uint8_t* salt = raw.data() + 6;
  const uint64_t opslimit = LittleEndian64(raw.data() + 38);
  const uint64_t memlimit = LittleEndian64(raw.data() + 46);
  uint8_t* keynum = raw.data() + 54;  // key id (8) || secret key (64) || checksum (32)
  if (std::memcmp(sig_alg, "Ed", 2) != 0 || std::memcmp(chk_alg, "B2", 2) != 0)
    return Status::Invalid("unsupported minisign secret key algorithm");
  if (std::memcmp(kdf_alg, "Sc", 2) == 0) {
    if (password.empty())
      return Status::Invalid(
          "the secret key is encrypted: give its password (or make a key "
          "without one, minisign -G -W, readable only by the service)");
    std::array<uint8_t, 104> stream{};
    // minisign uses libsodium's "sensitive" limits (1 GiB, 2^25 operations): allow those, no more.
    if (memlimit > (1ull << 30) || opslimit > (1ull << 26) ||
        crypto_pwhash_scryptsalsa208sha256(stream.data(), stream.size(), password.data(),
                                           password.size(), salt, opslimit, memlimit) != 0)
      return Status::Invalid("cannot derive the key from the password (scrypt limits too high)");
    for (size_t i = 0; i < stream.size(); ++i) keynum[i] ^= stream[i];
    sodium_memzero(stream.data(), stream.size());
  } else if (kdf_alg[0] != 0 || kdf_alg[1] != 0) {
    return Status::Invalid("unsupported minisign key derivation");
  }
  // checksum = BLAKE2b-256(sig_alg || key id || secret key)
  std::array<uint8_t, 32> chk{};
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, chk.size());
  crypto_generichash_update(&st, sig_alg, 2);
  crypto_generichash_update(&st, keynum, 8 + 64);
  crypto_generichash_final(&st, chk.data(), chk.size());
  // minisign -W leaves the checksum zero: such a key is checked by its halves instead below.
  const bool unencrypted = kdf_alg[0] == 0 && kdf_alg[1] == 0;
  const bool zero_checksum = sodium_is_zero(keynum + 72, chk.size());
  if (!(unencrypted && zero_checksum) && sodium_memcmp(chk.data(), keynum + 72, chk.size()) != 0) {
    sodium_memzero(raw.data(), raw.size());
    return Status::Invalid(
        "the secret key's checksum does not match: wrong password or a damaged "
        "key file");
  }
  // The secret key is seed || public key: the public half must follow from the seed.
  std::array<uint8_t, 32> pk{};
  std::array<uint8_t, 64> sk{};
  crypto_sign_seed_keypair(pk.data(), sk.data(), keynum + 8);
  const bool consistent = sodium_memcmp(sk.data(), keynum + 8, sk.size()) == 0;
  sodium_memzero(sk.data(), sk.size());
  if (!consistent) {
    sodium_memzero(raw.data(), raw.size());
    return Status::Invalid("the secret key file is damaged (its two halves do not match)");
  }
  SecretKey key;
  std::memcpy(key.key_id.data(), keynum, 8);
  std::memcpy(key.secret.data(), keynum + 8, 64);
  sodium_memzero(raw.data(), raw.size());
  return key;
}

std::string SignMinisign(const SecretKey& key, std::string_view body, std::string_view file_name,
                         UnixSeconds timestamp) {
  std::array<uint8_t, 64> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const uint8_t*>(body.data()),
                     body.size(), nullptr, 0);
  // "ED" || key id || Ed25519(BLAKE2b-512(body))
  std::array<uint8_t, 2 + 8 + 64> sig{};
  std::memcpy(sig.data(), "ED", 2);
  std::memcpy(sig.data() + 2, key.key_id.data(), 8);
  crypto_sign_detached(sig.data() + 10, nullptr, hash.data(), hash.size(), key.secret.data());
  const std::string trusted =
      "timestamp:" + std::to_string(timestamp) + "\tfile:" + std::string(file_name) + "\thashed";
  std::vector<uint8_t> global_msg(sig.begin() + 10, sig.end());
  global_msg.insert(global_msg.end(), trusted.begin(), trusted.end());
  std::array<uint8_t, 64> global{};
  crypto_sign_detached(global.data(), nullptr, global_msg.data(), global_msg.size(),
                       key.secret.data());
  return "untrusted comment: signature from machikado secret key\n" +
         Base64(sig.data(), sig.size()) + "\ntrusted comment: " + trusted + "\n" +
         Base64(global.data(), global.size()) + "\n";
}

}  // namespace machikado::trust
