#include "console/secrets.h"

#include "trust/minisign.h"

#include <sodium.h>
#include <sys/stat.h>

#include <cstdlib>
#include <cstring>
#include <vector>

namespace machikado::console {
namespace {

std::string Base64(const uint8_t* p, size_t n, int variant) {
  std::string out(sodium_base64_encoded_len(n, variant), '\0');
  sodium_bin2base64(out.data(), out.size(), p, n, variant);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::string PublicLine(const uint8_t id[8], const uint8_t pk[32]) {
  std::vector<uint8_t> raw = {'E', 'd'};
  raw.insert(raw.end(), id, id + 8);
  raw.insert(raw.end(), pk, pk + 32);
  return Base64(raw.data(), raw.size(), sodium_base64_VARIANT_ORIGINAL);
}

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  if (sodium_init() < 0) return Status::Error(StatusCode::kInternal, "libsodium cannot start");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return Status::Error(StatusCode::kInternal, "out of memory while hashing the password");
  return std::string(out);
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
  if (sodium_init() < 0) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Status CheckPasswordPolicy(std::string_view password) {
  if (password.size() < 10) return Status::Invalid("the password must have at least 10 characters");
  if (password.size() > 1024) return Status::Limit("the password is longer than 1024 bytes");
  return Status::Ok();
}

std::string RandomToken() {
  if (sodium_init() < 0) std::abort();  // libsodium cannot start: nothing is safe to do
  uint8_t b[32];
  randombytes_buf(b, sizeof b);
  return Base64(b, sizeof b, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

KeyFiles GenerateKeyFiles() {
  if (sodium_init() < 0) std::abort();  // libsodium cannot start: nothing is safe to do
  uint8_t pk[32], sk[64], id[8];
  crypto_sign_keypair(pk, sk);
  randombytes_buf(id, sizeof id);
  std::vector<uint8_t> raw = {'E', 'd', 0, 0, 'B', '2'};
  raw.insert(raw.end(), 32 + 8 + 8, 0);  // salt, opslimit, memlimit: unused without a KDF
  raw.insert(raw.end(), id, id + 8);
  raw.insert(raw.end(), sk, sk + 64);
  uint8_t chk[32];
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, sizeof chk);
  crypto_generichash_update(&st, raw.data(), 2);
  crypto_generichash_update(&st, id, 8);
  crypto_generichash_update(&st, sk, 64);
  crypto_generichash_final(&st, chk, sizeof chk);
  raw.insert(raw.end(), chk, chk + 32);
  KeyFiles k;
  k.secret = "untrusted comment: machikado console secret key\n" +
             Base64(raw.data(), raw.size(), sodium_base64_VARIANT_ORIGINAL) + "\n";
  sodium_memzero(raw.data(), raw.size());
  sodium_memzero(sk, sizeof sk);
  trust::KeyId key_id{};
  std::memcpy(key_id.data(), id, 8);
  const std::string hex = trust::KeyIdHex(key_id);
  k.public_key = "untrusted comment: minisign public key " + hex + "\n" + PublicLine(id, pk) + "\n";
  return k;
}

std::string PublicKeyLine(const trust::SecretKey& key) {
  // The Ed25519 secret key is seed || public key.
  return PublicLine(key.key_id.data(), key.secret.data() + 32);
}

Result<trust::SecretKey> LoadOrCreateKey(FileSystem& fs, const std::string& state_dir,
                                         bool create) {
  const std::string path = JoinPath(state_dir, "minisign.key");
  Result<std::string> text = fs.ReadFile(path, 4096);
  if (!text.ok() && text.status().code() == StatusCode::kNotFound && create) {
    KeyFiles k = GenerateKeyFiles();
    const mode_t old = ::umask(077);
    Status s = fs.WriteFileAtomic(path, k.secret);
    if (s.ok()) s = fs.WriteFileAtomic(JoinPath(state_dir, "minisign.pub"), k.public_key);
    ::umask(old);
    if (!s.ok()) return s;
    text = fs.ReadFile(path, 4096);
  }
  if (!text.ok()) return Status::Error(text.status().code(), path + ": " + text.status().message());
  Result<trust::SecretKey> key = trust::ParseSecretKey(*text);
  if (!key.ok()) return Status::Error(key.status().code(), path + ": " + key.status().message());
  return key;
}

}  // namespace machikado::console
