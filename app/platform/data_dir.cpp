#include "platform/data_dir.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>
#include "platform/build_paths.h"

namespace machikado::platform {

DataDirProbe RealDataDirProbe() {
  DataDirProbe p;
  p.getenv = [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
  };
  p.is_dir = [](const std::string& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
  };
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n > 0) {
    std::string exe(buf, static_cast<size_t>(n));
    size_t slash = exe.rfind('/');
    if (slash != std::string::npos) p.executable_dir = exe.substr(0, slash);
  }
  return p;
}

std::optional<std::string> FindDataDir(const DataDirProbe& probe) {
  std::vector<std::string> candidates;
  if (auto env = probe.getenv("MACHIKADO_DATA_DIR")) candidates.push_back(*env);
  if (!probe.executable_dir.empty())
    candidates.push_back(probe.executable_dir + "/../share/machikado");
  candidates.push_back(MACHIKADO_DATA_DIR);
  candidates.push_back(MACHIKADO_SOURCE_DIR);
  for (const auto& c : candidates)
    if (probe.is_dir(c + "/assets")) return c;
  return std::nullopt;
}

}  // namespace machikado::platform
