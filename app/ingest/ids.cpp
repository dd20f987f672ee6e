#include "ingest/ids.h"

#include <cstdint>
#include <cstdio>

namespace machikado::ingest {

std::string HashHex(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string IdPart(std::string_view part) {
  bool plain = !part.empty() && part.size() <= 40;
  for (char c : part)
    plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == ':' || c == '-');
  return plain ? std::string(part) : HashHex(part);
}

}  // namespace machikado::ingest
