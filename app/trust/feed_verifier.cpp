#include "trust/feed_verifier.h"

#include <charconv>

namespace machikado::trust {

TrustedCommentFields ParseTrustedComment(std::string_view comment) {
  TrustedCommentFields out;
  while (true) {
    size_t tab = comment.find('\t');
    std::string_view field = comment.substr(0, tab);
    if (field.substr(0, 10) == "timestamp:") {
      std::string_view digits = field.substr(10);
      int64_t v = 0;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
      if (ec == std::errc() && end == digits.data() + digits.size() && v >= 0)
        out.timestamp = static_cast<UnixSeconds>(v);
    } else if (field.substr(0, 5) == "file:") {
      out.file = std::string(field.substr(5));
    }
    if (tab == std::string_view::npos) break;
    comment.remove_prefix(tab + 1);
  }
  return out;
}

Status FeedVerification::ToStatus() const {
  if (ok()) return Status::Ok();
  return SignatureError{problem, message}.ToStatus();
}

FeedVerifier::FeedVerifier(std::vector<PublicKey> keys, SignatureLimits limits)
    : keys_(std::move(keys)), limits_(limits) {}

Result<FeedVerifier> FeedVerifier::FromConfig(const std::vector<std::string>& public_keys,
                                              SignatureLimits limits) {
  std::vector<PublicKey> keys;
  for (size_t i = 0; i < public_keys.size(); ++i) {
    SignatureError error;
    std::optional<PublicKey> key = ParsePublicKey(public_keys[i], &error);
    if (!key) return Status::Invalid("public_keys/" + std::to_string(i) + ": " + error.message);
    bool duplicate = false;
    for (const PublicKey& k : keys) {
      if (k.key_id == key->key_id) {
        if (k.key != key->key)
          return Status::Invalid("public_keys/" + std::to_string(i) + ": key id " +
                                 key->KeyIdHex() +
                                 " is listed twice with different keys; remove the wrong one");
        duplicate = true;
      }
    }
    if (!duplicate) keys.push_back(*key);
  }
  return FeedVerifier(std::move(keys), limits);
}

FeedVerification FeedVerifier::Verify(std::string_view body,
                                      const std::optional<std::string_view>& minisig) const {
  FeedVerification out;
  if (!required()) return out;
  if (!minisig) {
    out.problem = SignatureProblem::kUnsigned;
    out.message =
        "the feed is not signed (no .minisig file is published next to it) and this kiosk "
        "requires signed feeds; sign it with `minisign -Sm` and publish the .minisig";
    return out;
  }
  SignatureError error;
  std::optional<VerifiedSignature> verified =
      VerifySignature(body, *minisig, keys_, &error, limits_);
  if (!verified) {
    out.problem = error.problem;
    out.message = "signature rejected: " + error.message;
    return out;
  }
  out.fields = ParseTrustedComment(verified->trusted_comment);
  out.signature = std::move(*verified);
  return out;
}

std::string SignatureUrl(std::string_view feed_url) {
  // A query or fragment only exists in URLs ("scheme://"); a plain path keeps '?' and '#'.
  size_t cut = std::string_view::npos;
  if (feed_url.find("://") != std::string_view::npos && feed_url.substr(0, 7) != "file://")
    cut = feed_url.find_first_of("?#");
  if (cut == std::string_view::npos) return std::string(feed_url) + ".minisig";
  return std::string(feed_url.substr(0, cut)) + ".minisig" + std::string(feed_url.substr(cut));
}

}  // namespace machikado::trust
