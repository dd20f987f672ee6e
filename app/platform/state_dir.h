// Where machikado keeps its state (offline cache, status.json): resolved once at start from the
// command line and the environment. A pure function; the environment is injected so tests can
// drive every branch. Thread-safe (no state).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace machikado::platform {

// Looks up an environment variable; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

struct StateDirChoice {
  std::string path;
  std::string source;  // what decided it, for the log: "--state-dir", "$STATE_DIRECTORY", ...
};

// In order, the first that applies:
//   1. `flag` (--state-dir) when not empty, as given;
//   2. $STATE_DIRECTORY (set by systemd's StateDirectory=; the first entry if it lists several);
//   3. $XDG_STATE_HOME/machikado when $XDG_STATE_HOME is absolute (the XDG spec ignores relative);
//   4. $HOME/.local/state/machikado when $HOME is absolute and not "/" or "/nonexistent";
//   5. /var/lib/machikado: a system user without a usable home.
StateDirChoice ResolveStateDir(std::string_view flag, const EnvLookup& env);

// EnvLookup over the process environment (getenv).
EnvLookup ProcessEnvironment();

}  // namespace machikado::platform
