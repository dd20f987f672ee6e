// Cross-checks against Debian's `minisign` tool: keys and signatures are made by the tool in a
// temporary directory, exactly as staff make them (docs/signing.md). Skipped when the tool is
// absent (minisign_test.cpp keeps in-process coverage then).
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "trust/feed_verifier.h"
#include "trust/minisign.h"

namespace machikado::trust {
namespace {

namespace fs = std::filesystem;

bool ToolAvailable() {
  return std::system("command -v minisign >/dev/null 2>&1") == 0;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const fs::path& p, const std::string& s) {
  std::ofstream out(p, std::ios::binary);
  out << s;
}

class MinisignToolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!ToolAvailable()) GTEST_SKIP() << "minisign is not on PATH (apt install minisign)";
    std::string tmpl = (fs::temp_directory_path() / "machikado-minisign-XXXXXX").string();
    ASSERT_NE(nullptr, mkdtemp(tmpl.data()));
    dir_ = tmpl;
    WriteFile(dir_ / "news.json", kBody);
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // Runs a minisign command line in the temp dir; returns its exit status.
  int Run(const std::string& args) {
    std::string cmd =
        "cd '" + dir_.string() + "' && minisign " + args + " </dev/null >/dev/null 2>&1";
    return std::system(cmd.c_str());
  }
  PublicKey MakeKey(const std::string& name) {
    EXPECT_EQ(0, Run("-G -W -p " + name + ".pub -s " + name + ".key"));
    Result<PublicKey> key = ParsePublicKey(ReadFile(dir_ / (name + ".pub")));
    EXPECT_TRUE(key.ok()) << key.status().message();
    return key.ok() ? key.value() : PublicKey{};
  }
  // Signs news.json with key `name`; returns the .minisig text.
  std::string Sign(const std::string& name, const std::string& extra = "") {
    EXPECT_EQ(0, Run("-S " + extra + " -s " + name + ".key -m news.json"));
    return ReadFile(dir_ / "news.json.minisig");
  }
  FeedVerification Verify(const std::string& body, const std::string& sig,
                          const std::vector<PublicKey>& keys) {
    return FeedVerifier(keys).Verify(body, std::string_view(sig));
  }

  static constexpr const char* kBody =
      "{\"version\":1,\"title\":\"中央コミュニティセンター\",\"items\":[]}\n";
  fs::path dir_;
};

TEST_F(MinisignToolTest, VerifiesDefaultPrehashedSignature) {
  PublicKey key = MakeKey("ward");
  std::string sig = Sign("ward");
  FeedVerification r = Verify(kBody, sig, {key});
  ASSERT_TRUE(r.ok()) << r.message;
  EXPECT_EQ(SignatureAlgorithm::kPrehashed, r.signature.algorithm);
  EXPECT_EQ("news.json", r.fields.file);
  EXPECT_TRUE(r.fields.timestamp.has_value());
  // The .pub file's comment names the key id the way we print it.
  EXPECT_NE(std::string::npos, ReadFile(dir_ / "ward.pub").find(key.KeyIdHex()))
      << ReadFile(dir_ / "ward.pub") << key.KeyIdHex();
}

TEST_F(MinisignToolTest, VerifiesLegacySignature) {
  PublicKey key = MakeKey("ward");
  FeedVerification r = Verify(kBody, Sign("ward", "-l"), {key});
  ASSERT_TRUE(r.ok()) << r.message;
  EXPECT_EQ(SignatureAlgorithm::kLegacy, r.signature.algorithm);
}

TEST_F(MinisignToolTest, KeepsCustomTrustedComment) {
  PublicKey key = MakeKey("ward");
  FeedVerification r = Verify(kBody, Sign("ward", "-t 'published by the ward office'"), {key});
  ASSERT_TRUE(r.ok()) << r.message;
  EXPECT_EQ("published by the ward office", r.signature.trusted_comment);
}

TEST_F(MinisignToolTest, RejectsBodyTamperedByOneByteInBothFormats) {
  PublicKey key = MakeKey("ward");
  for (const char* flags : {"", "-l"}) {
    std::string sig = Sign("ward", flags);
    std::string tampered = kBody;
    tampered[tampered.find("1")] = '2';
    EXPECT_EQ(SignatureProblem::kBodyMismatch, Verify(tampered, sig, {key}).problem) << flags;
  }
}

TEST_F(MinisignToolTest, RejectsTamperedTrustedComment) {
  PublicKey key = MakeKey("ward");
  std::string sig = Sign("ward");
  size_t at = sig.find("file:news.json");
  ASSERT_NE(std::string::npos, at);
  sig.replace(at, 14, "file:alerts.json");
  EXPECT_EQ(SignatureProblem::kTrustedCommentMismatch, Verify(kBody, sig, {key}).problem);
  // The tool agrees that it does not verify.
  WriteFile(dir_ / "news.json.minisig", sig);
  EXPECT_NE(0, Run("-V -q -p ward.pub -m news.json"));
}

TEST_F(MinisignToolTest, RejectsWrongKey) {
  PublicKey trusted = MakeKey("ward");
  MakeKey("stranger");
  FeedVerification r = Verify(kBody, Sign("stranger"), {trusted});
  EXPECT_EQ(SignatureProblem::kUnknownKey, r.problem);
  EXPECT_NE(std::string::npos, r.message.find("does not trust"));
}

TEST_F(MinisignToolTest, RejectsTruncatedAndMalformedSignatures) {
  PublicKey key = MakeKey("ward");
  std::string sig = Sign("ward");
  EXPECT_EQ(SignatureProblem::kTruncated,
            Verify(kBody, sig.substr(0, sig.size() / 2), {key}).problem);
  EXPECT_EQ(SignatureProblem::kTruncated,
            Verify(kBody, sig.substr(0, sig.size() - 20), {key}).problem);
  EXPECT_EQ(SignatureProblem::kMalformed, Verify(kBody, "not a signature\n", {key}).problem);
  EXPECT_EQ(SignatureProblem::kUnsigned, Verify(kBody, "", {key}).problem);
}

TEST_F(MinisignToolTest, RotationAcceptsOldAndNewKeyUntilOldIsRemoved) {
  PublicKey old_key = MakeKey("old");
  std::string old_sig = Sign("old");
  PublicKey new_key = MakeKey("new");
  std::string new_sig = Sign("new");
  EXPECT_TRUE(Verify(kBody, old_sig, {old_key, new_key}).ok());
  EXPECT_TRUE(Verify(kBody, new_sig, {old_key, new_key}).ok());
  EXPECT_TRUE(Verify(kBody, new_sig, {new_key}).ok());
  EXPECT_EQ(SignatureProblem::kUnknownKey, Verify(kBody, old_sig, {new_key}).problem);
}

TEST_F(MinisignToolTest, KeyIdsMatchTheToolsPrintingOverManyKeys) {
  // minisign prints ids without zero padding; one key in 16 has a leading zero nibble.
  for (int i = 0; i < 20; ++i) {
    PublicKey key = MakeKey("k" + std::to_string(i));
    std::string pub = ReadFile(dir_ / ("k" + std::to_string(i) + ".pub"));
    EXPECT_EQ(pub.substr(0, pub.find('\n')),
              "untrusted comment: minisign public key " + key.KeyIdHex());
  }
}

}  // namespace
}  // namespace machikado::trust
