// Image digests: a given sha256 is always checked; a signed feed's images need one unless the feed
// opts out for https and local images; plain http never goes unchecked under signatures.
#include "trust/image_digest.h"

#include <gtest/gtest.h>

namespace machikado::trust {
namespace {

// SHA-256 of "abc" (FIPS 180-2, appendix B.1).
constexpr char kAbc[] = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

TEST(ImageDigest, Sha256OfKnownVector) {
  EXPECT_EQ(Sha256Hex("abc"), kAbc);
  EXPECT_TRUE(IsSha256Hex(kAbc));
  EXPECT_TRUE(IsSha256Hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
  EXPECT_FALSE(IsSha256Hex("ba7816bf"));
  EXPECT_FALSE(IsSha256Hex(std::string(63, 'a') + "g"));
}

TEST(ImageDigest, AGivenDigestIsAlwaysChecked) {
  const ImageDigestPolicy unsigned_feed;
  EXPECT_TRUE(CheckImageDigest("https://x/a.png", "abc", kAbc, unsigned_feed).ok());
  const Status tampered = CheckImageDigest("https://x/a.png", "abd", kAbc, unsigned_feed);
  EXPECT_EQ(tampered.code(), StatusCode::kCorrupt);
  EXPECT_NE(tampered.message().find("not the one the feed names"), std::string::npos);
  // Upper-case hex in the feed is the same digest.
  EXPECT_TRUE(CheckImageDigest("https://x/a.png", "abc",
                               "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
                               unsigned_feed)
                  .ok());
}

TEST(ImageDigest, UnsignedFeedsMayOmitTheDigest) {
  EXPECT_TRUE(CheckImageDigest("http://x/a.png", "abc", "", {}).ok());
}

TEST(ImageDigest, SignedFeedsNeedOne) {
  const ImageDigestPolicy signed_feed{true, false};
  for (const char* url : {"https://x/a.png", "http://x/a.png", "/srv/a.png", "file:///srv/a.png"}) {
    const Status s = CheckImageDigest(url, "abc", "", signed_feed);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << url;
    EXPECT_NE(s.message().find("gives no sha256"), std::string::npos) << s.message();
  }
  EXPECT_TRUE(CheckImageDigest("http://x/a.png", "abc", kAbc, signed_feed).ok());
}

TEST(ImageDigest, TheOptOutCoversHttpsAndLocalImagesOnly) {
  const ImageDigestPolicy opted_out{true, true};
  EXPECT_TRUE(CheckImageDigest("https://x/a.png", "abc", "", opted_out).ok());
  EXPECT_TRUE(CheckImageDigest("HTTPS://x/a.png", "abc", "", opted_out).ok());
  EXPECT_TRUE(CheckImageDigest("/srv/a.png", "abc", "", opted_out).ok());
  const Status http = CheckImageDigest("http://x/a.png", "abc", "", opted_out);
  EXPECT_FALSE(http.ok());
  EXPECT_NE(http.message().find("plain http"), std::string::npos) << http.message();
  // A given digest is still checked under the opt-out.
  EXPECT_FALSE(CheckImageDigest("https://x/a.png", "abd", kAbc, opted_out).ok());
}

}  // namespace
}  // namespace machikado::trust
