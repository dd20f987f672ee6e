// Host facts come from the system: a name, and never a loopback address.
#include "platform/host_facts.h"

#include <gtest/gtest.h>

namespace machikado::platform {
namespace {

TEST(HostFacts, NamesTheHostAndSkipsLoopback) {
  const HostFacts f = ReadHostFacts();
  EXPECT_FALSE(f.host_name.empty());
  EXPECT_LE(f.addresses.size(), 4u);
  for (const auto& a : f.addresses) {
    EXPECT_NE(a, "127.0.0.1");
    EXPECT_NE(a, "::1");
    EXPECT_NE(a.rfind("fe80", 0), 0u) << a;
  }
}

TEST(HostFacts, HonoursTheLimit) {
  EXPECT_TRUE(ReadHostFacts(0).addresses.empty());
}

}  // namespace
}  // namespace machikado::platform
