// libFuzzer target: config::ParseConfig (the kiosk's JSON config as staff write it) on arbitrary
// bytes, and the loopback-URL check used on its feed URLs.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "config/config_loader.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  machikado::config::ConfigOutcome out = machikado::config::ParseConfig(text);
  for (const auto& p : out.problems) {
    Check(!p.message.empty());
    Check(p.pointer.empty() || p.pointer[0] == '/');
  }
  for (const auto& feed : out.config.feeds) (void)machikado::config::IsLoopbackUrl(feed.url);
  (void)machikado::config::IsLoopbackUrl(text);
  return 0;
}
