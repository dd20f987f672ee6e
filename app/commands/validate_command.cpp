// Placeholder until the validate command lands; replaced by its implementation.
#include <cstdio>

#include "commands/commands.h"

namespace machikado {

int ValidateCommand(const Args&) {
  std::fprintf(stderr, "machikado: 'validate' is not available in this build yet\n");
  return 2;
}

}  // namespace machikado
