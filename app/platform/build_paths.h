// Paths fixed when this build was configured: the source tree it was built from (assets/, fonts/,
// the demo feeds, for a binary run from its build folder) and the install's data folder.
//
// Only build_paths.cpp is compiled with them (as compile definitions). Every other file compiles
// to the same object in any checkout of the project, so ccache (with base_dir) shares objects
// between checkouts instead of rebuilding everything per folder. The macros keep the spelling the
// code used when these were command-line definitions. Thread-safe: constants.
#pragma once

namespace machikado::platform {

const char* BuildSourceDir();  // the source tree's root
const char* BuildDataDir();    // <install prefix>/share/machikado

}  // namespace machikado::platform

#define MACHIKADO_SOURCE_DIR (::machikado::platform::BuildSourceDir())
#define MACHIKADO_DATA_DIR (::machikado::platform::BuildDataDir())
