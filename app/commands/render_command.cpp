// Placeholder until the render command lands; replaced by its implementation.
#include <cstdio>

#include "commands/commands.h"

namespace machikado {

int RenderCommand(const Args&) {
  std::fprintf(stderr, "machikado: 'render' is not available in this build yet\n");
  return 2;
}

}  // namespace machikado
