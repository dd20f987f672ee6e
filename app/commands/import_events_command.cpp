// `machikado import events`: not implemented yet in this build.
#include <cstdio>

#include "commands/commands.h"

namespace machikado {

int ImportEventsCommand(const Args&) {
  std::fputs("machikado import events: not available in this build\n", stderr);
  return 2;
}

}  // namespace machikado
