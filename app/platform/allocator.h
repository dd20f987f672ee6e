// TuneAllocator: glibc malloc settings for a process that runs for months.
//
// Two defaults of glibc hurt a kiosk: the mmap threshold adapts upwards after a large block is
// freed (so later screen-sized textures come from the heap, which rarely shrinks), and every
// thread may get its own arena (fragmentation multiplied). A fixed 128 KiB threshold returns every
// texture-sized block to the system when it is freed; two arenas cover the render thread and the
// feed worker. See mallopt(3). Call once, before threads start.
#pragma once

namespace machikado::platform {

// Returns false when the C library refused a setting (not glibc, or an older one).
bool TuneAllocator();

}  // namespace machikado::platform
