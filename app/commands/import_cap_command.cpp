// `machikado import cap`: not implemented yet in this build.
#include <cstdio>

#include "commands/commands.h"

namespace machikado {

int ImportCapCommand(const Args&) {
  std::fputs("machikado import cap: not available in this build\n", stderr);
  return 2;
}

}  // namespace machikado
