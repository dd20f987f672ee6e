#include "platform/allocator.h"

#include <cstdlib>  // defines __GLIBC__ on glibc systems

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace machikado::platform {

bool TuneAllocator() {
#if defined(__GLIBC__)
  bool ok = mallopt(M_MMAP_THRESHOLD, 128 * 1024) == 1;
  ok = mallopt(M_ARENA_MAX, 2) == 1 && ok;
  return ok;
#else
  return false;
#endif
}

}  // namespace machikado::platform
