// machikado: entry point. Parses the subcommand and hands over to app/commands; stays tiny.
#include <cstdio>
#include <cstring>
#include <string>

#include "commands/commands.h"

namespace {

const char kUsage[] =
    "usage: machikado [COMMAND] [OPTIONS]\n"
    "\n"
    "A kiosk for the lobby screens of community centers: district news, disaster-preparedness\n"
    "notices, alerts and municipal projects from JSON feeds, shown full-screen, offline-first.\n"
    "\n"
    "commands:\n"
    "  run        run the kiosk (default when no command is given; uses the bundled demo feeds\n"
    "             when no --config or --feed is given)\n"
    "  render     draw the slides of a feed to PNG files, no display needed (staff preview)\n"
    "  validate   check feeds before publishing: every problem with its place and reason\n"
    "  check-config FILE   check a kiosk configuration file and explain its problems\n"
    "  report     proof of play: how often each notice was shown (--from, --to, --json)\n"
    "  import KIND   convert JMA XML, CAP, shelter or event CSVs into a feed (jma, cap, shelters, events)\n"
    "  ingest     poll JMA's Atom feeds (and CAP feeds) and publish the alerts in force as a feed\n"
    "  console    the publishing service: staff accounts, notices, signed feeds, the fleet\n"
    "\n"
    "  machikado COMMAND --help   options of one command\n"
    "  machikado --version        print the version\n";

}  // namespace

int main(int argc, char** argv) {
  machikado::Args rest;
  std::string command = "run";
  int first = 1;
  if (argc > 1 && argv[1][0] != '-') {
    command = argv[1];
    first = 2;
  } else if (argc > 1 && (!std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h"))) {
    std::fputs(kUsage, stdout);
    return 0;
  } else if (argc > 1 && !std::strcmp(argv[1], "--version")) {
    std::printf("machikado %s\n", MACHIKADO_VERSION);
    return 0;
  }
  for (int i = first; i < argc; ++i) rest.emplace_back(argv[i]);

  if (command == "validate") return machikado::ValidateCommand(rest);
  if (command == "run") return machikado::RunCommand(rest);
  if (command == "render") return machikado::RenderCommand(rest);
  if (command == "check-config") return machikado::CheckConfigCommand(rest);
  if (command == "report") return machikado::ReportCommand(rest);
  if (command == "import") return machikado::ImportCommand(rest);
  if (command == "ingest") return machikado::IngestCommand(rest);
  if (command == "console") return machikado::ConsoleCommand(rest);
  if (command == "help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  std::fprintf(stderr, "machikado: unknown command '%s'\n\n%s", command.c_str(), kUsage);
  return 2;
}
