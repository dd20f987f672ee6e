#include "test_paths.h"

namespace machikado::testing {

const char* TestsDir() {
  return MACHIKADO_BUILD_TESTS_DIR;
}
const char* MachikadoBinary() {
  return MACHIKADO_BUILD_BINARY;
}

}  // namespace machikado::testing
