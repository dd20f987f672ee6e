// ProcessStats: this process's resources as the kernel counts them — resident memory, open file
// descriptors and threads — read from /proc/self. The kiosk exports them as gauges
// (ops/metrics.h) so a slow leak shows on the IT team's dashboards, and the soak run
// (bench/soak) watches the same numbers from outside. Linux only; a value the kernel does not
// give is reported as -1. Reading costs a directory listing and two small files (~50 µs).
// Thread-safe (reads only).
#pragma once

#include <cstdint>
#include <string>

namespace machikado::ops {

struct ProcessStats {
  int64_t rss_bytes = -1;  // VmRSS
  int64_t open_fds = -1;   // entries of /proc/self/fd (the listing's own descriptor excluded)
  int64_t threads = -1;    // Threads: of /proc/self/status
};

ProcessStats ReadProcessStats();

// The value of `key` (e.g. "VmRSS", "Threads") in a /proc/<pid>/status text, scaled to bytes for
// "kB" values; -1 when absent. Exposed for tests.
int64_t ProcStatusValue(const std::string& status_text, const std::string& key);

}  // namespace machikado::ops
