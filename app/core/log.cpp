#include "core/log.h"

#include <cstdio>

namespace machikado {

void StderrLog::write(LogLevel level, std::string_view message) {
  if (level < min_) return;
  const char* name = "info";
  switch (level) {
    case LogLevel::kDebug:
      name = "debug";
      break;
    case LogLevel::kInfo:
      name = "info";
      break;
    case LogLevel::kWarning:
      name = "warning";
      break;
    case LogLevel::kError:
      name = "error";
      break;
  }
  std::lock_guard<std::mutex> lock(mu_);
  std::fprintf(stderr, "machikado: %s: %.*s\n", name, static_cast<int>(message.size()),
               message.data());
}

}  // namespace machikado
