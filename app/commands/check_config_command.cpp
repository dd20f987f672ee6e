// `machikado check-config FILE`: validates a kiosk configuration and explains every problem.
#include <cstdio>

#include "commands/commands.h"
#include "config/config_loader.h"

namespace machikado {

int CheckConfigCommand(const Args& args) {
  if (args.size() != 1 || args[0] == "--help" || args[0] == "-h") {
    std::fputs(
        "usage: machikado check-config FILE\n"
        "Checks a kiosk configuration file (JSON; // comments allowed) and explains each problem.\n"
        "exit status: 0 = usable (warnings may be printed), 1 = errors, 2 = usage error\n",
        args.size() == 1 ? stdout : stderr);
    return args.size() == 1 ? 0 : 2;
  }
  config::ConfigOutcome o = config::LoadConfigFile(args[0]);
  for (const auto& p : o.problems)
    std::printf("%s: %s%s: %s\n", args[0].c_str(), p.fatal ? "error" : "warning",
                p.pointer.empty() ? "" : (" at " + p.pointer).c_str(), p.message.c_str());
  if (!o.ok()) {
    std::printf("%s: not usable — fix the errors above\n", args[0].c_str());
    return 1;
  }
  std::printf("%s: OK — %zu feed(s)%s\n", args[0].c_str(), o.config.feeds.size(),
              o.config.feeds.empty() ? " (the bundled demo feeds will be shown)" : "");
  return 0;
}

}  // namespace machikado
