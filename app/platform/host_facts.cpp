// Host name and addresses of this device; see host_facts.h.
#include "platform/host_facts.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <unistd.h>

namespace machikado::platform {

HostFacts ReadHostFacts(size_t max_addresses) {
  HostFacts facts;
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) == 0) facts.host_name = name;

  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return facts;
  std::vector<std::string> v4, v6;
  for (const ifaddrs* a = list; a; a = a->ifa_next) {
    if (!a->ifa_addr || (a->ifa_flags & IFF_LOOPBACK) || !(a->ifa_flags & IFF_UP)) continue;
    char text[INET6_ADDRSTRLEN] = {};
    if (a->ifa_addr->sa_family == AF_INET) {
      const auto* in = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
      if (inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) v4.push_back(text);
    } else if (a->ifa_addr->sa_family == AF_INET6) {
      const auto* in6 = reinterpret_cast<const sockaddr_in6*>(a->ifa_addr);
      if (IN6_IS_ADDR_LINKLOCAL(&in6->sin6_addr) || IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr)) continue;
      if (inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text)) v6.push_back(text);
    }
  }
  freeifaddrs(list);
  for (auto* group : {&v4, &v6})
    for (auto& a : *group)
      if (facts.addresses.size() < max_addresses) facts.addresses.push_back(std::move(a));
  return facts;
}

}  // namespace machikado::platform
