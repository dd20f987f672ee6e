// How to reach this device: its host name and network addresses, for the not-configured screen
// (IT staff standing in front of a kiosk with a laptop). Reads the system each call (gethostname,
// getifaddrs: microseconds); thread-safe.
#pragma once

#include <string>
#include <vector>

namespace machikado::platform {

struct HostFacts {
  std::string host_name;               // "" when unknown
  std::vector<std::string> addresses;  // IPv4 first, then global IPv6; no loopback, no link-local
};

// At most `max_addresses` addresses, in interface order.
HostFacts ReadHostFacts(size_t max_addresses = 4);

}  // namespace machikado::platform
