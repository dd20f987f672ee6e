#include "ops/process_stats.h"

#include <dirent.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace machikado::ops {

int64_t ProcStatusValue(const std::string& text, const std::string& key) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() <= key.size() || line.compare(0, key.size(), key) != 0 ||
        line[key.size()] != ':')
      continue;
    const char* p = line.c_str() + key.size() + 1;
    char* end = nullptr;
    long long v = std::strtoll(p, &end, 10);
    if (end == p) return -1;
    if (std::string(end).find("kB") != std::string::npos) v *= 1024;
    return v;
  }
  return -1;
}

ProcessStats ReadProcessStats() {
  ProcessStats s;
  if (std::ifstream in("/proc/self/status"); in) {
    std::stringstream text;
    text << in.rdbuf();
    s.rss_bytes = ProcStatusValue(text.str(), "VmRSS");
    s.threads = ProcStatusValue(text.str(), "Threads");
  }
  if (DIR* d = opendir("/proc/self/fd")) {
    int64_t n = 0;
    while (const dirent* e = readdir(d))
      if (e->d_name[0] != '.') ++n;
    closedir(d);
    s.open_fds = n - 1;  // the listing itself holds one
  }
  return s;
}

}  // namespace machikado::ops
