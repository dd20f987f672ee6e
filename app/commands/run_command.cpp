// Placeholder until the run command lands; replaced by its implementation.
#include <cstdio>

#include "commands/commands.h"

namespace machikado {

int RunCommand(const Args&) {
  std::fprintf(stderr, "machikado: 'run' is not available in this build yet\n");
  return 2;
}

}  // namespace machikado
