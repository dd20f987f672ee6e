// FeedVerifier: the kiosk's signing policy for feeds. Built once from the config's `public_keys`
// (several = key rotation); when it holds keys, every fetched feed body must come with a valid
// minisign signature published at `<feed url>.minisig`, or it is rejected and the last good content
// stays. Where it sits in the fetch flow (net/): after a 200 is fully received and decoded, before
// feed::ParseFeed and before the cache is written; a 304 needs no verification (the cached body was
// verified when it was stored).
// Immutable after construction: thread-safe for concurrent Verify calls.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "trust/minisign.h"

namespace machikado::trust {

// What the trusted comment of a `minisign -S` signature says by default:
// "timestamp:1700000000\tfile:news.json\thashed". Absent fields stay empty.
struct TrustedCommentFields {
  std::optional<UnixSeconds> timestamp;  // when the feed was signed (signer's clock)
  std::string file;                      // the file name signed
};
TrustedCommentFields ParseTrustedComment(std::string_view trusted_comment);

struct FeedVerification {
  SignatureProblem problem = SignatureProblem::kNone;
  std::string message;          // for IT staff and status.json's last_error; "" when ok
  VerifiedSignature signature;  // set when ok
  TrustedCommentFields fields;  // set when ok
  bool ok() const { return problem == SignatureProblem::kNone; }
  Status ToStatus() const;
};

class FeedVerifier {
 public:
  // No keys: signatures are not required (Verify always succeeds without checking).
  FeedVerifier() = default;
  explicit FeedVerifier(std::vector<PublicKey> keys, SignatureLimits limits = {});

  // Parses the config's public_keys (base64 lines or whole .pub files); the error names which
  // entry is wrong (index as in the config, 0-based). Duplicates are accepted once.
  static Result<FeedVerifier> FromConfig(const std::vector<std::string>& public_keys,
                                         SignatureLimits limits = {});

  // True when keys are configured: every feed must then be signed.
  bool required() const { return !keys_.empty(); }
  const std::vector<PublicKey>& keys() const { return keys_; }
  const SignatureLimits& limits() const { return limits_; }

  // `minisig`: the .minisig text, or nullopt when none is published (404, missing file).
  FeedVerification Verify(std::string_view body,
                          const std::optional<std::string_view>& minisig) const;

 private:
  std::vector<PublicKey> keys_;
  SignatureLimits limits_;
};

// Where a feed's signature lives: the feed URL (or path) with ".minisig" appended to its path,
// before any query or fragment: "https://x/news.json?d=3" → "https://x/news.json.minisig?d=3".
std::string SignatureUrl(std::string_view feed_url);

}  // namespace machikado::trust
