// Where machikado finds its read-only data (assets/, feeds/demo/, fonts/): installed or in the
// source tree. Order: $MACHIKADO_DATA_DIR, <executable dir>/../share/machikado (installed), the
// compile-time install prefix, then the source tree the binary was built from (development). Pure
// apart from the injected probes.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace machikado::platform {

struct DataDirProbe {
  std::function<std::optional<std::string>(const char*)> getenv;  // environment lookup
  std::function<bool(const std::string&)> is_dir;                 // directory exists
  std::string executable_dir;                                     // "" when unknown
};

// The real probe: process environment, stat(2), /proc/self/exe.
DataDirProbe RealDataDirProbe();

// The first candidate that holds assets/ (or nullopt). `probe` is injectable for tests.
std::optional<std::string> FindDataDir(const DataDirProbe& probe);

}  // namespace machikado::platform
