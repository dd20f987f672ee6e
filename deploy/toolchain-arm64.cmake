# CMake toolchain for arm64 (Raspberry Pi 4/5 on 64-bit Raspberry Pi OS or Debian 12) with Debian's
# multiarch cross compiler (crossbuild-essential-arm64) and the :arm64 -dev packages.
# Used by deploy/cross-arm64.sh.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
# Programs (pkg-config, ninja) are the build machine's; libraries and headers come from multiarch.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
# pkg-config must read the arm64 .pc files, not the build machine's.
# MACHIKADO_ARM64_PC_DIR (set by deploy/cross-arm64.sh) holds .pc files of libraries that are
# not multiarch in Debian 12 and were extracted for the cross build (libunibreak).
if(DEFINED ENV{MACHIKADO_ARM64_PC_DIR})
  set(_extra "$ENV{MACHIKADO_ARM64_PC_DIR}:")
endif()
set(ENV{PKG_CONFIG_LIBDIR} "${_extra}/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
# GCC's note that the ABI for passing some structs changed in GCC 10.1 concerns code built with
# older compilers, not ours: quiet it.
set(CMAKE_CXX_FLAGS_INIT "-Wno-psabi")
