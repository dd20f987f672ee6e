// Where the tests find their fixtures (the source tree's tests/ folder) and the machikado binary
// under test. Fixed at configure time in test_paths.cpp only, so that test objects are the same in
// every checkout and ccache can share them. Thread-safe: constants.
#pragma once

namespace machikado::testing {

const char* TestsDir();         // <source tree>/tests
const char* MachikadoBinary();  // the built machikado executable

}  // namespace machikado::testing

#define MACHIKADO_TESTS_DIR (::machikado::testing::TestsDir())
#define MACHIKADO_BINARY (::machikado::testing::MachikadoBinary())
