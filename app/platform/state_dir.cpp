#include "platform/state_dir.h"

#include <cstdlib>

namespace machikado::platform {

namespace {

constexpr std::string_view kAppName = "machikado";
constexpr std::string_view kSystemStateDir = "/var/lib/machikado";

std::string Join(std::string base, std::string_view rest) {
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  if (base != "/") base += '/';
  base += rest;
  return base;
}

// Non-empty value of a variable, or nullopt.
std::optional<std::string> Get(const EnvLookup& env, std::string_view name) {
  std::optional<std::string> v = env(name);
  if (!v || v->empty()) return std::nullopt;
  return v;
}

}  // namespace

StateDirChoice ResolveStateDir(std::string_view flag, const EnvLookup& env) {
  if (!flag.empty()) return {std::string(flag), "--state-dir"};
  if (std::optional<std::string> sd = Get(env, "STATE_DIRECTORY")) {
    std::string first = sd->substr(0, sd->find(':'));
    if (!first.empty()) return {first, "$STATE_DIRECTORY"};
  }
  if (std::optional<std::string> xdg = Get(env, "XDG_STATE_HOME"); xdg && (*xdg)[0] == '/') {
    return {Join(*xdg, kAppName), "$XDG_STATE_HOME"};
  }
  if (std::optional<std::string> home = Get(env, "HOME");
      home && (*home)[0] == '/' && *home != "/" && *home != "/nonexistent") {
    return {Join(*home, ".local/state/machikado"), "$HOME"};
  }
  return {std::string(kSystemStateDir), "system default (no usable $HOME)"};
}

EnvLookup ProcessEnvironment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* v = std::getenv(std::string(name).c_str());
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  };
}

}  // namespace machikado::platform
