// Subcommands of the machikado executable. Each returns the process exit code:
// 0 success, 1 the command ran and found problems, 2 usage error.
// `args` excludes the program name and the subcommand name.
#pragma once

#include <string>
#include <vector>

namespace machikado {

using Args = std::vector<std::string>;

int ValidateCommand(const Args& args);
int RunCommand(const Args& args);
int RenderCommand(const Args& args);
int CheckConfigCommand(const Args& args);
int ReportCommand(const Args& args);
int ImportCommand(const Args& args);
int IngestCommand(const Args& args);
int ConsoleCommand(const Args& args);

// The kinds of `import` (app/commands/import_<kind>_command.cpp).
int ImportJmaCommand(const Args& args);
int ImportCapCommand(const Args& args);
int ImportSheltersCommand(const Args& args);
int ImportEventsCommand(const Args& args);

}  // namespace machikado
