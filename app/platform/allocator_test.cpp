#include "platform/allocator.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

namespace machikado::platform {
namespace {

TEST(TuneAllocator, AcceptedByThisCLibraryAndAllocationStillWorks) {
#if defined(__SANITIZE_ADDRESS__)
  TuneAllocator();  // AddressSanitizer brings its own allocator: glibc's settings do not apply
#elif defined(__GLIBC__)
  EXPECT_TRUE(TuneAllocator());
#else
  EXPECT_FALSE(TuneAllocator());
#endif
  // A screen-sized block (mapped) and a small one (heap) both work after tuning.
  void* big = std::malloc(1920 * 1080 * 4);
  void* small = std::malloc(64);
  ASSERT_NE(big, nullptr);
  ASSERT_NE(small, nullptr);
  std::memset(big, 1, 1920 * 1080 * 4);
  std::free(big);
  std::free(small);
}

}  // namespace
}  // namespace machikado::platform
