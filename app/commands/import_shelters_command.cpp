// `machikado import shelters`: not implemented yet in this build.
#include <cstdio>

#include "commands/commands.h"

namespace machikado {

int ImportSheltersCommand(const Args&) {
  std::fputs("machikado import shelters: not available in this build\n", stderr);
  return 2;
}

}  // namespace machikado
