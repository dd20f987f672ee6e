// minisign signatures (https://jedisct1.github.io/minisign/): parsing public keys and .minisig
// files and verifying a detached signature with libsodium (Ed25519; BLAKE2b-512 prehash for the
// "ED" algorithm). Everything a network or a member of staff hands us is bounded and checked; every
// failure is a value with a SignatureProblem and a message for IT staff. No I/O.
// Thread-safe: pure functions; libsodium is initialised once (std::call_once) on first use.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace machikado::trust {

// Why a signature was not accepted. Coarse enough for status.json and metrics; the message says
// more.
enum class SignatureProblem {
  kNone,
  kUnsigned,        // no .minisig published for the feed (or an empty one)
  kTooLarge,        // the .minisig file is over SignatureLimits::max_file_bytes
  kMalformed,       // lines or comment prefixes are not those of a minisign file
  kTruncated,       // the file or one of its base64 lines ends early
  kBadBase64,       // a line that must be base64 is not
  kWrongAlgorithm,  // neither "Ed" (legacy) nor "ED" (prehashed)
  kUnknownKey,      // signed with a key this kiosk does not trust
  kBodyMismatch,    // the signature does not match the body: tampered (or re-published unsigned)
  kTrustedCommentMismatch,  // the trusted comment was altered after signing
};

// "unsigned", "too_large", "malformed", … (for status.json and logs).
std::string_view SignatureProblemName(SignatureProblem p);

using KeyId = std::array<uint8_t, 8>;

// Hex as minisign prints it ("untrusted comment: minisign public key 10AABAA1023C8D67"):
// the little-endian 64-bit id in upper-case hex, without leading zeros.
std::string KeyIdHex(const KeyId& id);

struct PublicKey {
  KeyId key_id{};
  std::array<uint8_t, 32> key{};  // Ed25519 public key
  std::string KeyIdHex() const { return trust::KeyIdHex(key_id); }
};

enum class SignatureAlgorithm {
  kLegacy,     // "Ed": Ed25519 over the raw message
  kPrehashed,  // "ED": Ed25519 over BLAKE2b-512(message); minisign's default since 0.10
};

struct Signature {
  SignatureAlgorithm algorithm = SignatureAlgorithm::kPrehashed;
  KeyId key_id{};
  std::array<uint8_t, 64> signature{};         // over the message (or its hash)
  std::string untrusted_comment;               // not covered by any signature: never shown as fact
  std::string trusted_comment;                 // covered by global_signature
  std::array<uint8_t, 64> global_signature{};  // over signature || trusted_comment
};

struct SignatureLimits {
  // A .minisig from `minisign -S` is ~300 bytes; the cap leaves ~3.5 KiB for a trusted comment.
  size_t max_file_bytes = 4 * 1024;
};

// A failure to parse or verify, with its kind and a message for IT staff.
struct SignatureError {
  SignatureProblem problem = SignatureProblem::kMalformed;
  std::string message;
  Status ToStatus() const;  // kInvalidArgument (kLimitExceeded for kTooLarge) with the message
};

// Accepts the base64 line of a minisign public key ("RWQ…", 56 characters) or the whole .pub file
// (untrusted comment line + base64 line). Surrounding whitespace and CRLF line ends are accepted.
std::optional<PublicKey> ParsePublicKey(std::string_view text, SignatureError* error);
Result<PublicKey> ParsePublicKey(std::string_view text);

// Parses a .minisig file: untrusted comment, signature, trusted comment, global signature.
std::optional<Signature> ParseSignature(std::string_view minisig, SignatureError* error,
                                        const SignatureLimits& limits = {});

struct VerifiedSignature {
  SignatureAlgorithm algorithm = SignatureAlgorithm::kPrehashed;
  std::string key_id;           // hex, the trusted key that verified
  std::string trusted_comment;  // as signed, e.g. "timestamp:1700000000\tfile:news.json\thashed"
};

// Verifies `body` against the .minisig text with whichever of `keys` has the signature's key id
// (several keys = rotation). Checks the body signature and the trusted comment's global signature.
std::optional<VerifiedSignature> VerifySignature(std::string_view body, std::string_view minisig,
                                                 const std::vector<PublicKey>& keys,
                                                 SignatureError* error,
                                                 const SignatureLimits& limits = {});

}  // namespace machikado::trust
