#include "trust/feed_verifier.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <cstring>

namespace machikado::trust {
namespace {

// The pipeline-facing policy. Signature internals are covered by minisign_test.cpp; here keys from
// Debian's minisign are pasted as fixed strings so the policy is tested on real tool output.
// Key pair made with `minisign -G -W`; signature with `minisign -Sm` over kBody.
constexpr const char* kPub = "RWRnjTwCobqqEBz3jxdDtvmk9U5uYuP5+wAQhRWEOuP0avunSzUeFH9q";
constexpr const char* kBody = "{\"a\":1}\n";
constexpr const char* kSig =
    "untrusted comment: signature from minisign secret key\n"
    "RURnjTwCobqqELiGNBzLQBZ9QzSdSCDZmeyMmg9pykGplVBop9Xx0GEAC6+1S7dnjL/"
    "b8RuzGtmT8o+NnkRDjVbSMqb1EsUN2gw=\n"
    "trusted comment: timestamp:1795456627\tfile:f.json\thashed\n"
    "9OQeT2gjbEukahe1IDjptB0SnnnhezSzoK52RNTXWSBpEorSK75LrLxk/TGFoX64CsaLJSAzNv3PFpY4ecUxBA==\n";

TEST(FeedVerifierTest, WithoutKeysSignaturesAreNotRequired) {
  FeedVerifier v;
  EXPECT_FALSE(v.required());
  EXPECT_TRUE(v.Verify("anything", std::nullopt).ok());
}

TEST(FeedVerifierTest, AcceptsFeedSignedByMinisignTool) {
  Result<FeedVerifier> v = FeedVerifier::FromConfig({kPub});
  ASSERT_TRUE(v.ok()) << v.status().message();
  ASSERT_TRUE(v->required());
  FeedVerification r = v->Verify(kBody, std::string_view(kSig));
  ASSERT_TRUE(r.ok()) << r.message;
  EXPECT_EQ("10AABAA1023C8D67", r.signature.key_id);
  EXPECT_EQ(1795456627, r.fields.timestamp.value_or(0));
  EXPECT_EQ("f.json", r.fields.file);
  EXPECT_TRUE(r.ToStatus().ok());
}

TEST(FeedVerifierTest, RejectsUnsignedFeedWhenKeysAreConfigured) {
  FeedVerifier v = FeedVerifier::FromConfig({kPub}).value();
  FeedVerification r = v.Verify(kBody, std::nullopt);
  EXPECT_EQ(SignatureProblem::kUnsigned, r.problem);
  EXPECT_NE(std::string::npos, r.message.find("not signed"));
  EXPECT_FALSE(r.ToStatus().ok());
}

TEST(FeedVerifierTest, RejectsTamperedBodyWithReadableMessage) {
  FeedVerifier v = FeedVerifier::FromConfig({kPub}).value();
  FeedVerification r = v.Verify("{\"a\":2}\n", std::string_view(kSig));
  EXPECT_EQ(SignatureProblem::kBodyMismatch, r.problem);
  EXPECT_EQ(0u, r.message.find("signature rejected: "));
  EXPECT_EQ(StatusCode::kInvalidArgument, r.ToStatus().code());
}

TEST(FeedVerifierTest, FromConfigNamesTheBadEntry) {
  Result<FeedVerifier> v = FeedVerifier::FromConfig({kPub, "RWQnotakey"});
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(0u, v.status().message().find("public_keys/1: "));
}

TEST(FeedVerifierTest, FromConfigAcceptsWholePubFileAndDropsDuplicates) {
  std::string file =
      std::string("untrusted comment: minisign public key 10AABAA1023C8D67\n") + kPub;
  Result<FeedVerifier> v = FeedVerifier::FromConfig({kPub, file});
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(1u, v->keys().size());
}

TEST(FeedVerifierTest, FromConfigRejectsSameIdWithDifferentKeys) {
  PublicKey k = ParsePublicKey(kPub).value();
  std::string raw = "Ed" + std::string(reinterpret_cast<const char*>(k.key_id.data()), 8) +
                    std::string(32, '\x42');
  std::string b64(sodium_base64_ENCODED_LEN(raw.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), sodium_base64_VARIANT_ORIGINAL);
  b64.resize(std::strlen(b64.c_str()));
  Result<FeedVerifier> v = FeedVerifier::FromConfig({kPub, b64});
  ASSERT_FALSE(v.ok());
  EXPECT_NE(std::string::npos, v.status().message().find("listed twice"));
}

TEST(FeedVerifierTest, ParsesTrustedCommentFields) {
  TrustedCommentFields f = ParseTrustedComment("timestamp:1700000000\tfile:alerts.json\thashed");
  EXPECT_EQ(1700000000, f.timestamp.value_or(0));
  EXPECT_EQ("alerts.json", f.file);
  TrustedCommentFields free_text = ParseTrustedComment("signed by the ward office");
  EXPECT_FALSE(free_text.timestamp);
  EXPECT_EQ("", free_text.file);
  EXPECT_FALSE(ParseTrustedComment("timestamp:-5").timestamp);
  EXPECT_FALSE(ParseTrustedComment("timestamp:12x").timestamp);
  EXPECT_FALSE(ParseTrustedComment("timestamp:99999999999999999999999").timestamp);
}

TEST(FeedVerifierTest, SignatureUrlAppendsToPathBeforeQuery) {
  EXPECT_EQ("https://x.example/news.json.minisig", SignatureUrl("https://x.example/news.json"));
  EXPECT_EQ("https://x.example/news.json.minisig?d=3#top",
            SignatureUrl("https://x.example/news.json?d=3#top"));
  EXPECT_EQ("feeds/demo/news.json.minisig", SignatureUrl("feeds/demo/news.json"));
  EXPECT_EQ("file:///srv/a?b.json.minisig", SignatureUrl("file:///srv/a?b.json"));
}

}  // namespace
}  // namespace machikado::trust
