// In-process tests of minisign parsing and verification: keys and signatures are made with
// libsodium here (the same file format minisign writes), so this suite needs no external tool.
// minisign_tool_test.cpp cross-checks against Debian's `minisign`.
#include "trust/minisign.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <cstring>
#include <string>

#include "trust/feed_verifier.h"

namespace machikado::trust {
namespace {

std::string Base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

// A key pair in minisign's layout, made with libsodium.
struct TestKey {
  std::string id;  // 8 bytes
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  unsigned char sk[crypto_sign_SECRETKEYBYTES];

  explicit TestKey(uint8_t id_seed) {
    EXPECT_GE(sodium_init(), 0);
    crypto_sign_keypair(pk, sk);
    id = std::string(8, '\0');
    for (int i = 0; i < 8; ++i) id[i] = static_cast<char>(id_seed + i);
  }
  std::string PublicLine() const {
    return Base64("Ed" + id + std::string(reinterpret_cast<const char*>(pk), sizeof pk));
  }
  std::string PubFile() const {
    return "untrusted comment: minisign public key\n" + PublicLine() + "\n";
  }
  std::string Sign(
      const std::string& body, bool prehash = true,
      const std::string& trusted = "timestamp:1700000000\tfile:news.json\thashed") const {
    std::string message = body;
    if (prehash) {
      unsigned char h[64];
      crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(body.data()),
                         body.size(), nullptr, 0);
      message.assign(reinterpret_cast<char*>(h), sizeof h);
    }
    unsigned char sig[64];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                         message.size(), sk);
    std::string sig_bytes(reinterpret_cast<char*>(sig), sizeof sig);
    std::string global_input = sig_bytes + trusted;
    unsigned char global[64];
    crypto_sign_detached(global, nullptr,
                         reinterpret_cast<const unsigned char*>(global_input.data()),
                         global_input.size(), sk);
    return "untrusted comment: signature from minisign secret key\n" +
           Base64(std::string(prehash ? "ED" : "Ed") + id + sig_bytes) +
           "\ntrusted comment: " + trusted + "\n" +
           Base64(std::string(reinterpret_cast<char*>(global), sizeof global)) + "\n";
  }
  PublicKey Parsed() const {
    Result<PublicKey> k = ParsePublicKey(PublicLine());
    EXPECT_TRUE(k.ok()) << k.status().message();
    return k.value();
  }
};

const std::string kBody = R"({"version":1,"items":[{"id":"a","title":"避難所開設"}]})";

SignatureProblem Problem(std::string_view body, std::string_view minisig,
                         const std::vector<PublicKey>& keys, std::string* message = nullptr) {
  SignatureError error;
  auto v = VerifySignature(body, minisig, keys, &error);
  if (v) return SignatureProblem::kNone;
  if (message) *message = error.message;
  EXPECT_FALSE(error.message.empty());
  return error.problem;
}

TEST(MinisignTest, ParsesPublicKeyLineAndWholePubFile) {
  TestKey k(1);
  Result<PublicKey> line = ParsePublicKey(k.PublicLine());
  Result<PublicKey> file = ParsePublicKey(k.PubFile());
  Result<PublicKey> crlf = ParsePublicKey("  untrusted comment: x\r\n" + k.PublicLine() + "\r\n");
  ASSERT_TRUE(line.ok());
  ASSERT_TRUE(file.ok());
  ASSERT_TRUE(crlf.ok());
  EXPECT_EQ(0, std::memcmp(line->key.data(), k.pk, 32));
  EXPECT_EQ(line->key, file->key);
  EXPECT_EQ(line->key_id, crlf->key_id);
  // Little-endian id printed as minisign does: bytes 01..08 → "807060504030201" (no zero padding).
  EXPECT_EQ("807060504030201", line->KeyIdHex());
}

TEST(MinisignTest, RejectsMalformedPublicKeys) {
  TestKey k(1);
  SignatureError e;
  EXPECT_FALSE(ParsePublicKey("", &e));
  EXPECT_EQ(SignatureProblem::kMalformed, e.problem);
  EXPECT_FALSE(ParsePublicKey(k.PublicLine().substr(0, 40), &e));
  EXPECT_EQ(SignatureProblem::kTruncated, e.problem);
  EXPECT_FALSE(ParsePublicKey(k.PublicLine() + "AAAA", &e));
  EXPECT_EQ(SignatureProblem::kMalformed, e.problem);
  std::string bad = k.PublicLine();
  bad[5] = '!';
  EXPECT_FALSE(ParsePublicKey(bad, &e));
  EXPECT_EQ(SignatureProblem::kBadBase64, e.problem);
  std::string wrong_alg = Base64("Xy" + k.id + std::string(32, 'k'));
  EXPECT_FALSE(ParsePublicKey(wrong_alg, &e));
  EXPECT_EQ(SignatureProblem::kWrongAlgorithm, e.problem);
  EXPECT_FALSE(ParsePublicKey(k.PublicLine() + "\n" + k.PublicLine(), &e));
  EXPECT_EQ(SignatureProblem::kMalformed, e.problem);
}

TEST(MinisignTest, VerifiesPrehashedAndLegacySignatures) {
  TestKey k(1);
  for (bool prehash : {true, false}) {
    SignatureError error;
    auto v = VerifySignature(kBody, k.Sign(kBody, prehash), {k.Parsed()}, &error);
    ASSERT_TRUE(v) << error.message;
    EXPECT_EQ(prehash ? SignatureAlgorithm::kPrehashed : SignatureAlgorithm::kLegacy, v->algorithm);
    EXPECT_EQ("timestamp:1700000000\tfile:news.json\thashed", v->trusted_comment);
    EXPECT_EQ(k.Parsed().KeyIdHex(), v->key_id);
  }
}

TEST(MinisignTest, AcceptsCrlfLineEndsAndMissingFinalNewline) {
  TestKey k(1);
  std::string sig = k.Sign(kBody);
  std::string crlf;
  for (char c : sig) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(SignatureProblem::kNone, Problem(kBody, crlf, {k.Parsed()}));
  sig.pop_back();
  EXPECT_EQ(SignatureProblem::kNone, Problem(kBody, sig, {k.Parsed()}));
}

TEST(MinisignTest, RejectsBodyTamperedByOneByte) {
  TestKey k(1);
  for (bool prehash : {true, false}) {
    std::string tampered = kBody;
    tampered[10] ^= 0x01;
    std::string message;
    EXPECT_EQ(SignatureProblem::kBodyMismatch,
              Problem(tampered, k.Sign(kBody, prehash), {k.Parsed()}, &message));
    EXPECT_NE(std::string::npos, message.find("changed after signing"));
  }
}

TEST(MinisignTest, RejectsTamperedTrustedComment) {
  TestKey k(1);
  std::string sig = k.Sign(kBody);
  size_t at = sig.find("1700000000");
  sig[at] = '2';
  EXPECT_EQ(SignatureProblem::kTrustedCommentMismatch, Problem(kBody, sig, {k.Parsed()}));
}

TEST(MinisignTest, RejectsSignatureFromUntrustedKeyNamingItsId) {
  TestKey signer(1), trusted(100);
  std::string message;
  EXPECT_EQ(SignatureProblem::kUnknownKey,
            Problem(kBody, signer.Sign(kBody), {trusted.Parsed()}, &message));
  EXPECT_NE(std::string::npos,
            message.find("signed with a key this kiosk does not trust (key id 807060504030201)"));
}

TEST(MinisignTest, RejectsSameKeyIdWithDifferentKeyAsMismatch) {
  TestKey signer(1), impostor(1);  // same id bytes, different key material
  EXPECT_EQ(SignatureProblem::kBodyMismatch,
            Problem(kBody, signer.Sign(kBody), {impostor.Parsed()}));
}

TEST(MinisignTest, SelectsKeyByIdAmongSeveral) {
  TestKey old_key(1), new_key(50);
  std::vector<PublicKey> keys = {old_key.Parsed(), new_key.Parsed()};
  EXPECT_EQ(SignatureProblem::kNone, Problem(kBody, old_key.Sign(kBody), keys));
  EXPECT_EQ(SignatureProblem::kNone, Problem(kBody, new_key.Sign(kBody), keys));
}

TEST(MinisignTest, ReportsTruncatedSignatureAtEveryCut) {
  TestKey k(1);
  std::string sig = k.Sign(kBody);
  sig.pop_back();  // the final newline alone is not a truncation
  for (size_t cut = 1; cut < sig.size(); ++cut) {
    std::string message;
    SignatureProblem p = Problem(kBody, sig.substr(0, cut), {k.Parsed()}, &message);
    // Every prefix is rejected; a cut right after a complete line can only say "cut short".
    EXPECT_NE(SignatureProblem::kNone, p) << cut;
    EXPECT_TRUE(p == SignatureProblem::kTruncated || p == SignatureProblem::kMalformed ||
                p == SignatureProblem::kTrustedCommentMismatch)
        << cut << ": " << SignatureProblemName(p) << " " << message;
  }
  size_t line2_end = sig.find('\n', sig.find('\n') + 1);
  EXPECT_EQ(SignatureProblem::kTruncated, Problem(kBody, sig.substr(0, line2_end), {k.Parsed()}));
  EXPECT_EQ(SignatureProblem::kTruncated,
            Problem(kBody, sig.substr(0, sig.size() - 10), {k.Parsed()}));
}

TEST(MinisignTest, RejectsMalformedSignatureFiles) {
  TestKey k(1);
  std::vector<PublicKey> keys = {k.Parsed()};
  std::string sig = k.Sign(kBody);
  EXPECT_EQ(SignatureProblem::kUnsigned, Problem(kBody, "", keys));
  EXPECT_EQ(SignatureProblem::kUnsigned, Problem(kBody, "\n\n", keys));
  EXPECT_EQ(SignatureProblem::kMalformed, Problem(kBody, "<html>404 Not Found</html>", keys));
  EXPECT_EQ(SignatureProblem::kMalformed, Problem(kBody, sig + "extra line\n", keys));
  std::string no_trusted = sig;
  no_trusted.replace(no_trusted.find("trusted comment: "), 7, "TRUSTED");
  EXPECT_EQ(SignatureProblem::kMalformed, Problem(kBody, no_trusted, keys));
  std::string bad_b64 = sig;
  bad_b64[sig.find('\n') + 5] = '*';
  EXPECT_EQ(SignatureProblem::kBadBase64, Problem(kBody, bad_b64, keys));
  std::string too_big = sig;
  too_big.insert(sig.find("hashed"), std::string(5000, 'x'));
  EXPECT_EQ(SignatureProblem::kTooLarge, Problem(kBody, too_big, keys));
}

TEST(MinisignTest, RejectsUnknownSignatureAlgorithm) {
  TestKey k(1);
  std::string sig = k.Sign(kBody);
  size_t start = sig.find('\n') + 1;
  size_t end = sig.find('\n', start);
  std::string raw(74, '\0');
  size_t len = 0;
  ASSERT_EQ(0, sodium_base642bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(),
                                 sig.data() + start, end - start, nullptr, &len, nullptr,
                                 sodium_base64_VARIANT_ORIGINAL));
  raw[1] = 'X';
  sig.replace(start, end - start, Base64(raw));
  std::string message;
  EXPECT_EQ(SignatureProblem::kWrongAlgorithm, Problem(kBody, sig, {k.Parsed()}, &message));
  EXPECT_NE(std::string::npos, message.find("\"EX\""));
}

TEST(MinisignTest, ControlBytesInMessagesAreEscaped) {
  SignatureError e;
  EXPECT_FALSE(ParseSignature(std::string("\x1b[2J\x01garbage\n", 12), &e));
  EXPECT_EQ(std::string::npos, e.message.find('\x1b'));
  EXPECT_NE(std::string::npos, e.message.find("\\x1B"));
}

}  // namespace
}  // namespace machikado::trust
