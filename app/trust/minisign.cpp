#include "trust/minisign.h"

#include <sodium.h>

#include <cstdio>
#include <cstring>
#include <mutex>

namespace machikado::trust {
namespace {

constexpr std::string_view kUntrustedPrefix = "untrusted comment: ";
constexpr std::string_view kTrustedPrefix = "trusted comment: ";
constexpr size_t kPublicKeyBytes = 2 + 8 + 32;  // algorithm, key id, Ed25519 key
constexpr size_t kSignatureBytes = 2 + 8 + 64;  // algorithm, key id, Ed25519 signature
constexpr size_t kGlobalSignatureBytes = 64;

// libsodium must be initialised once before use; sodium_init is idempotent but not free.
bool SodiumReady() {
  static std::once_flag once;
  static bool ready = false;
  std::call_once(once, [] { ready = sodium_init() >= 0; });
  return ready;
}

bool Fail(SignatureError* error, SignatureProblem problem, std::string message) {
  if (error) {
    error->problem = problem;
    error->message = std::move(message);
  }
  return false;
}

bool IsBase64Char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/' || c == '=';
}

// Decodes standard padded base64 into exactly `out_len` bytes. A string of valid characters that
// is too short (or lacks its padding) is reported as truncated; anything else as bad base64.
bool DecodeBase64(std::string_view in, uint8_t* out, size_t out_len, std::string_view what,
                  SignatureError* error) {
  for (char c : in) {
    if (!IsBase64Char(c))
      return Fail(error, SignatureProblem::kBadBase64,
                  std::string(what) +
                      " is not valid base64 (it contains characters other than "
                      "A–Z, a–z, 0–9, +, / and =)");
  }
  const size_t expected_chars = (out_len + 2) / 3 * 4;
  if (in.size() < expected_chars)
    return Fail(error, SignatureProblem::kTruncated,
                std::string(what) + " is cut short: " + std::to_string(in.size()) +
                    " base64 characters where " + std::to_string(expected_chars) + " are expected");
  if (in.size() > expected_chars)
    return Fail(error, SignatureProblem::kMalformed,
                std::string(what) + " is too long: " + std::to_string(in.size()) +
                    " base64 characters where " + std::to_string(expected_chars) + " are expected");
  if (!SodiumReady())
    return Fail(error, SignatureProblem::kMalformed, "libsodium could not be initialised");
  size_t decoded = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out, out_len, in.data(), in.size(), nullptr, &decoded, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != in.data() + in.size() || decoded != out_len) {
    return Fail(error, SignatureProblem::kBadBase64,
                std::string(what) + " is not valid base64 (misplaced padding)");
  }
  return true;
}

// Splits into lines, accepting LF and CRLF; a final line without LF is kept.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

std::string_view Trim(std::string_view s) {
  const std::string_view ws = " \t\r\n";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Quotes at most 16 bytes of untrusted text for a message, escaping anything unprintable.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size() && i < 16; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  if (s.size() > 16) out += "…";
  return out + "\"";
}

}  // namespace

std::string_view SignatureProblemName(SignatureProblem p) {
  switch (p) {
    case SignatureProblem::kNone:
      return "none";
    case SignatureProblem::kUnsigned:
      return "unsigned";
    case SignatureProblem::kTooLarge:
      return "too_large";
    case SignatureProblem::kMalformed:
      return "malformed";
    case SignatureProblem::kTruncated:
      return "truncated";
    case SignatureProblem::kBadBase64:
      return "bad_base64";
    case SignatureProblem::kWrongAlgorithm:
      return "wrong_algorithm";
    case SignatureProblem::kUnknownKey:
      return "unknown_key";
    case SignatureProblem::kBodyMismatch:
      return "body_mismatch";
    case SignatureProblem::kTrustedCommentMismatch:
      return "trusted_comment_mismatch";
  }
  return "unknown";
}

std::string KeyIdHex(const KeyId& id) {
  std::string out;
  char buf[4];
  for (size_t i = id.size(); i-- > 0;) {
    std::snprintf(buf, sizeof buf, "%02X", id[i]);
    out += buf;
  }
  // minisign prints "%" PRIX64 without zero padding; match it so staff can compare ids by eye.
  size_t nz = out.find_first_not_of('0');
  return nz == std::string::npos ? "0" : out.substr(nz);
}

Status SignatureError::ToStatus() const {
  return problem == SignatureProblem::kTooLarge ? Status::Limit(message) : Status::Invalid(message);
}

std::optional<PublicKey> ParsePublicKey(std::string_view text, SignatureError* error) {
  std::vector<std::string_view> lines;
  for (std::string_view line : SplitLines(text)) {
    line = Trim(line);
    if (!line.empty()) lines.push_back(line);
  }
  if (lines.empty()) {
    Fail(error, SignatureProblem::kMalformed, "the public key is empty");
    return std::nullopt;
  }
  if (StartsWith(lines[0], kUntrustedPrefix)) lines.erase(lines.begin());
  if (lines.size() != 1) {
    Fail(error, SignatureProblem::kMalformed,
         "a public key is one base64 line (\"RW…\", 56 characters), optionally preceded by its "
         "\"untrusted comment:\" line; found " +
             std::to_string(lines.size()) + " lines");
    return std::nullopt;
  }
  uint8_t raw[kPublicKeyBytes];
  if (!DecodeBase64(lines[0], raw, sizeof raw, "the public key", error)) return std::nullopt;
  if (raw[0] != 'E' || raw[1] != 'd') {
    Fail(error, SignatureProblem::kWrongAlgorithm,
         "the public key's algorithm is " +
             Quote(std::string_view(reinterpret_cast<char*>(raw), 2)) +
             ", not \"Ed\" (Ed25519): is this really a minisign public key?");
    return std::nullopt;
  }
  PublicKey key;
  std::memcpy(key.key_id.data(), raw + 2, key.key_id.size());
  std::memcpy(key.key.data(), raw + 10, key.key.size());
  return key;
}

Result<PublicKey> ParsePublicKey(std::string_view text) {
  SignatureError error;
  if (auto key = ParsePublicKey(text, &error)) return *key;
  return error.ToStatus();
}

std::optional<Signature> ParseSignature(std::string_view minisig, SignatureError* error,
                                        const SignatureLimits& limits) {
  if (minisig.size() > limits.max_file_bytes) {
    Fail(error, SignatureProblem::kTooLarge,
         "the signature file is " + std::to_string(minisig.size()) + " bytes; at most " +
             std::to_string(limits.max_file_bytes) + " are accepted");
    return std::nullopt;
  }
  if (Trim(minisig).empty()) {
    Fail(error, SignatureProblem::kUnsigned, "the signature file is empty");
    return std::nullopt;
  }
  std::vector<std::string_view> lines = SplitLines(minisig);
  while (!lines.empty() && Trim(lines.back()).empty()) lines.pop_back();
  if (lines.size() == 1 && StartsWith(kUntrustedPrefix, lines[0])) {
    Fail(error, SignatureProblem::kTruncated,
         "the signature file is cut short inside its first line");
    return std::nullopt;
  }
  if (!StartsWith(lines[0], kUntrustedPrefix)) {
    Fail(error, SignatureProblem::kMalformed,
         "this is not a minisign signature file: its first line must start with \"untrusted "
         "comment: \", it starts with " +
             Quote(lines[0]));
    return std::nullopt;
  }
  if (lines.size() < 4) {
    Fail(error, SignatureProblem::kTruncated,
         "the signature file is cut short: " + std::to_string(lines.size()) +
             " lines where 4 are expected (comment, signature, trusted comment, global "
             "signature)");
    return std::nullopt;
  }
  if (lines.size() > 4) {
    Fail(error, SignatureProblem::kMalformed,
         "the signature file has " + std::to_string(lines.size()) +
             " lines; a minisign signature "
             "has exactly 4");
    return std::nullopt;
  }
  if (!StartsWith(lines[2], kTrustedPrefix)) {
    Fail(error, SignatureProblem::kMalformed,
         "line 3 of the signature file must start with \"trusted comment: \", it starts with " +
             Quote(lines[2]));
    return std::nullopt;
  }
  uint8_t raw[kSignatureBytes];
  if (!DecodeBase64(lines[1], raw, sizeof raw, "the signature (line 2)", error))
    return std::nullopt;
  Signature sig;
  if (raw[0] == 'E' && raw[1] == 'd') {
    sig.algorithm = SignatureAlgorithm::kLegacy;
  } else if (raw[0] == 'E' && raw[1] == 'D') {
    sig.algorithm = SignatureAlgorithm::kPrehashed;
  } else {
    Fail(error, SignatureProblem::kWrongAlgorithm,
         "the signature's algorithm is " +
             Quote(std::string_view(reinterpret_cast<char*>(raw), 2)) +
             "; minisign signatures use \"ED\" (prehashed) or \"Ed\" (legacy)");
    return std::nullopt;
  }
  std::memcpy(sig.key_id.data(), raw + 2, sig.key_id.size());
  std::memcpy(sig.signature.data(), raw + 10, sig.signature.size());
  if (!DecodeBase64(lines[3], sig.global_signature.data(), kGlobalSignatureBytes,
                    "the global signature (line 4)", error))
    return std::nullopt;
  sig.untrusted_comment = std::string(lines[0].substr(kUntrustedPrefix.size()));
  sig.trusted_comment = std::string(lines[2].substr(kTrustedPrefix.size()));
  return sig;
}

std::optional<VerifiedSignature> VerifySignature(std::string_view body, std::string_view minisig,
                                                 const std::vector<PublicKey>& keys,
                                                 SignatureError* error,
                                                 const SignatureLimits& limits) {
  std::optional<Signature> sig = ParseSignature(minisig, error, limits);
  if (!sig) return std::nullopt;
  const PublicKey* key = nullptr;
  for (const PublicKey& k : keys) {
    if (k.key_id == sig->key_id) {
      key = &k;
      break;
    }
  }
  if (!key) {
    Fail(error, SignatureProblem::kUnknownKey,
         "signed with a key this kiosk does not trust (key id " + KeyIdHex(sig->key_id) +
             "); add its public key to public_keys in the config, or re-sign with a trusted key");
    return std::nullopt;
  }
  if (!SodiumReady()) {
    Fail(error, SignatureProblem::kMalformed, "libsodium could not be initialised");
    return std::nullopt;
  }
  const auto* message = reinterpret_cast<const unsigned char*>(body.data());
  unsigned long long message_len = body.size();
  unsigned char hash[crypto_generichash_BYTES_MAX];
  if (sig->algorithm == SignatureAlgorithm::kPrehashed) {
    crypto_generichash(hash, sizeof hash, message, message_len, nullptr, 0);
    message = hash;
    message_len = sizeof hash;
  }
  if (crypto_sign_verify_detached(sig->signature.data(), message, message_len, key->key.data()) !=
      0) {
    Fail(error, SignatureProblem::kBodyMismatch,
         "the feed does not match its signature (key id " + KeyIdHex(sig->key_id) +
             "): it was changed after signing, or signed again without publishing the new "
             ".minisig");
    return std::nullopt;
  }
  std::string signed_comment(reinterpret_cast<const char*>(sig->signature.data()),
                             sig->signature.size());
  signed_comment += sig->trusted_comment;
  if (crypto_sign_verify_detached(sig->global_signature.data(),
                                  reinterpret_cast<const unsigned char*>(signed_comment.data()),
                                  signed_comment.size(), key->key.data()) != 0) {
    Fail(error, SignatureProblem::kTrustedCommentMismatch,
         "the signature's trusted comment was changed after signing (key id " +
             KeyIdHex(sig->key_id) + ")");
    return std::nullopt;
  }
  VerifiedSignature out;
  out.algorithm = sig->algorithm;
  out.key_id = KeyIdHex(sig->key_id);
  out.trusted_comment = std::move(sig->trusted_comment);
  return out;
}

}  // namespace machikado::trust
