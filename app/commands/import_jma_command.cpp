// `machikado import jma`: not implemented yet in this build.
#include <cstdio>

#include "commands/commands.h"

namespace machikado {

int ImportJmaCommand(const Args&) {
  std::fputs("machikado import jma: not available in this build\n", stderr);
  return 2;
}

}  // namespace machikado
