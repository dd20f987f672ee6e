#include "platform/build_paths.h"

namespace machikado::platform {

const char* BuildSourceDir() {
  return MACHIKADO_BUILD_SOURCE_DIR;
}
const char* BuildDataDir() {
  return MACHIKADO_BUILD_DATA_DIR;
}

}  // namespace machikado::platform
