// libFuzzer target: minisign public key and signature parsers and the full verification against a
// fixed trusted key (trust/minisign.h). The first byte picks what the rest is fed to; for
// verification the input splits at the first NUL into .minisig text and feed body.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "trust/feed_verifier.h"
#include "trust/minisign.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

// A real key made with `minisign -G`; the seeds carry genuine signatures made with it.
constexpr std::string_view kTrustedKey = "RWRnjTwCobqqEBz3jxdDtvmk9U5uYuP5+wAQhRWEOuP0avunSzUeFH9q";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace machikado::trust;
  if (size == 0) return 0;
  const uint8_t mode = data[0] % 3;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  static const FeedVerifier verifier = FeedVerifier::FromConfig({std::string(kTrustedKey)}).value();

  SignatureError error;
  switch (mode) {
    case 0: {
      auto key = ParsePublicKey(rest, &error);
      Check(key.has_value() || !error.message.empty());
      if (key) Check(!key->KeyIdHex().empty() && key->KeyIdHex().size() <= 16);
      break;
    }
    case 1: {
      auto sig = ParseSignature(rest, &error);
      Check(sig.has_value() || !error.message.empty());
      if (sig) Check(rest.size() <= SignatureLimits().max_file_bytes);
      break;
    }
    case 2: {
      const size_t nul = rest.find('\0');
      const std::string_view minisig = rest.substr(0, nul);
      const std::string_view body =
          nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1);
      FeedVerification v = verifier.Verify(body, minisig);
      if (v.ok()) {
        // Only the seeds' genuine signatures verify; one flipped bit of the body must not.
        Check(!body.empty());
        std::string flipped(body);
        flipped.back() ^= 0x01;
        Check(!verifier.Verify(flipped, minisig).ok());
      } else {
        Check(!v.message.empty());
      }
      Check(verifier.Verify(body, std::nullopt).problem == SignatureProblem::kUnsigned);
      break;
    }
  }
  return 0;
}
