#include "platform/rfc3339_utc.h"

#include <ctime>

namespace machikado::platform {

std::optional<std::string> FormatRfc3339Utc(UnixSeconds t) {
  const time_t tt = static_cast<time_t>(t);
  struct tm tm;
  if (gmtime_r(&tt, &tm) == nullptr || tm.tm_year + 1900 < 0 || tm.tm_year + 1900 > 9999) {
    return std::nullopt;
  }
  char buf[32];
  if (std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0) return std::nullopt;
  return std::string(buf);
}

}  // namespace machikado::platform
