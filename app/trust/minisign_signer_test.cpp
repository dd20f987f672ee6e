// Signing in minisign's format: what SignMinisign writes verifies with our verifier and with
// Debian's `minisign -V` (when installed); secret keys from `minisign -G -W` are read, damaged ones
// and wrong passwords are refused.
#include "trust/minisign_signer.h"

#include <gtest/gtest.h>
#include <sodium.h>
#include <stdlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "trust/minisign.h"

namespace machikado::trust {
namespace {

namespace fs = std::filesystem;

// A -W (unencrypted) secret key file and its public key, made with libsodium as minisign does.
struct MadeKey {
  std::string secret_file;
  PublicKey pub;
};

MadeKey MakeKey() {
  EXPECT_GE(sodium_init(), 0);
  uint8_t pk[32], sk[64], id[8];
  crypto_sign_keypair(pk, sk);
  randombytes_buf(id, sizeof id);
  std::vector<uint8_t> raw;
  raw.insert(raw.end(), {'E', 'd', 0, 0, 'B', '2'});
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
  std::string b64(sodium_base64_encoded_len(raw.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), raw.data(), raw.size(), sodium_base64_VARIANT_ORIGINAL);
  b64.resize(std::strlen(b64.c_str()));
  MadeKey k;
  k.secret_file = "untrusted comment: minisign secret key\n" + b64 + "\n";
  std::memcpy(k.pub.key_id.data(), id, 8);
  std::memcpy(k.pub.key.data(), pk, 32);
  return k;
}

TEST(MinisignSigner, SignatureVerifiesWithOurVerifier) {
  MadeKey made = MakeKey();
  auto key = ParseSecretKey(made.secret_file);
  ASSERT_TRUE(key.ok()) << key.status().message();
  const std::string body = "{\"format\": \"machikado-feed/1\"}";
  const std::string sig = SignMinisign(*key, body, "jma.json", 1'795'410'300);
  SignatureError err;
  auto v = VerifySignature(body, sig, {made.pub}, &err);
  ASSERT_TRUE(v.has_value()) << err.message;
  EXPECT_EQ(v->algorithm, SignatureAlgorithm::kPrehashed);
  EXPECT_EQ(v->trusted_comment, "timestamp:1795410300\tfile:jma.json\thashed");
  EXPECT_FALSE(VerifySignature(body + " ", sig, {made.pub}, &err).has_value());
}

TEST(MinisignSigner, RefusesDamagedKeysAndMissingPasswords) {
  EXPECT_FALSE(ParseSecretKey("untrusted comment: x\nnot base64\n").ok());
  MadeKey made = MakeKey();
  std::string damaged = made.secret_file;
  damaged[damaged.size() - 10] = damaged[damaged.size() - 10] == 'A' ? 'B' : 'A';
  auto r = ParseSecretKey(damaged);
  ASSERT_FALSE(r.ok());
}

TEST(MinisignSigner, KeysAndSignaturesInteroperateWithTheMinisignTool) {
  if (std::system("command -v minisign >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "minisign is not on PATH";
  std::string tmpl = (fs::temp_directory_path() / "machikado-signer-XXXXXX").string();
  ASSERT_NE(nullptr, mkdtemp(tmpl.data()));
  const fs::path dir = tmpl;
  const std::string cd = "cd '" + dir.string() + "' && ";
  ASSERT_EQ(
      0, std::system((cd + "minisign -G -W -p k.pub -s k.key </dev/null >/dev/null 2>&1").c_str()));
  std::stringstream key_text;
  key_text << std::ifstream(dir / "k.key").rdbuf();
  auto key = ParseSecretKey(key_text.str());
  ASSERT_TRUE(key.ok()) << key.status().message();
  const std::string body = "{\"items\": []}\n";
  std::ofstream(dir / "jma.json", std::ios::binary) << body;
  std::ofstream(dir / "jma.json.minisig", std::ios::binary)
      << SignMinisign(*key, body, "jma.json", 1'795'410'300);
  EXPECT_EQ(0, std::system((cd + "minisign -V -p k.pub -m jma.json >/dev/null 2>&1").c_str()));
  std::ofstream(dir / "jma.json", std::ios::binary) << body << "x";
  EXPECT_NE(0, std::system((cd + "minisign -V -p k.pub -m jma.json >/dev/null 2>&1").c_str()));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace machikado::trust
