// `machikado check-config [--lenient] FILE`: validates a kiosk configuration and explains every
// problem. A configuration that would show nothing (no feed) or has keys this version does not
// know (a typo such as "feds") is not accepted: installed kiosks must never fall back to the demo.
#include <cstdio>
#include <string>

#include "commands/commands.h"
#include "config/config_loader.h"

namespace machikado {
namespace {

const char kHelp[] =
    "usage: machikado check-config [--lenient] FILE\n"
    "Checks a kiosk configuration file (JSON; // comments allowed) and explains each problem.\n"
    "\n"
    "options:\n"
    "  --lenient  unknown keys are warnings, not errors (a configuration written for a newer\n"
    "             version of machikado)\n"
    "  -h, --help show this help\n"
    "\n"
    "exit status:\n"
    "  0  usable (warnings may be printed)\n"
    "  1  errors, no feed (the kiosk would show only 「設定されていません」), or unknown keys\n"
    "     without --lenient\n"
    "  2  usage error\n";

}  // namespace

int CheckConfigCommand(const Args& args) {
  bool lenient = false;
  std::string path;
  for (const auto& a : args) {
    if (a == "--help" || a == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (a == "--lenient") {
      lenient = true;
    } else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "machikado check-config: unknown option %s\n\n%s", a.c_str(), kHelp);
      return 2;
    } else if (path.empty()) {
      path = a;
    } else {
      std::fprintf(stderr, "machikado check-config: name one configuration file\n\n%s", kHelp);
      return 2;
    }
  }
  if (path.empty()) {
    std::fprintf(stderr, "machikado check-config: name the configuration file to check\n\n%s",
                 kHelp);
    return 2;
  }
  config::ConfigOutcome o = config::LoadConfigFile(path);
  size_t unknown = 0;
  for (const auto& p : o.problems) {
    const bool error = p.fatal || (p.unknown_key && !lenient);
    if (p.unknown_key) ++unknown;
    std::printf("%s: %s%s: %s\n", path.c_str(), error ? "error" : "warning",
                p.pointer.empty() ? "" : (" at " + p.pointer).c_str(), p.message.c_str());
  }
  if (!o.ok()) {
    std::printf("%s: not usable — fix the errors above\n", path.c_str());
    return 1;
  }
  if (const std::string why = config::WhyNothingToShow(o); !why.empty()) {
    std::printf(
        "%s: not usable — %s; the kiosk would show only 「この画面は設定されていません」. Add the "
        "center's feeds under \"feeds\" (docs/configuration.md)\n",
        path.c_str(), why.c_str());
    return 1;
  }
  if (unknown > 0 && !lenient) {
    std::printf(
        "%s: not accepted — %zu unknown key(s); fix the spelling, or pass --lenient if the "
        "configuration was written for a newer machikado\n",
        path.c_str(), unknown);
    return 1;
  }
  if (o.config.feeds.empty()) {
    std::printf(
        "%s: OK — the bundled demo feeds (\"demo\": true); never on a lobby screen: its drill "
        "alert looks real\n",
        path.c_str());
    return 0;
  }
  std::printf("%s: OK — %zu feed(s)\n", path.c_str(), o.config.feeds.size());
  return 0;
}

}  // namespace machikado
