#include "platform/state_dir.h"

#include <gtest/gtest.h>

#include <map>

namespace machikado::platform {
namespace {

EnvLookup Env(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

const std::map<std::string, std::string> kEverything = {
    {"STATE_DIRECTORY", "/var/lib/machikado-unit"},
    {"XDG_STATE_HOME", "/home/staff/.state"},
    {"HOME", "/home/staff"}};

TEST(StateDirTest, FlagWinsOverEverything) {
  StateDirChoice c = ResolveStateDir("/srv/kiosk", Env(kEverything));
  EXPECT_EQ(c.path, "/srv/kiosk");
  EXPECT_EQ(c.source, "--state-dir");
  EXPECT_EQ(ResolveStateDir("relative/dir", Env({})).path, "relative/dir");
}

TEST(StateDirTest, SystemdStateDirectoryComesNext) {
  StateDirChoice c = ResolveStateDir("", Env(kEverything));
  EXPECT_EQ(c.path, "/var/lib/machikado-unit");
  EXPECT_EQ(c.source, "$STATE_DIRECTORY");
  EXPECT_EQ(ResolveStateDir("", Env({{"STATE_DIRECTORY", "/var/lib/a:/var/lib/b"}})).path,
            "/var/lib/a");
}

TEST(StateDirTest, XdgStateHomeThenHome) {
  auto env = kEverything;
  env.erase("STATE_DIRECTORY");
  EXPECT_EQ(ResolveStateDir("", Env(env)).path, "/home/staff/.state/machikado");
  env["XDG_STATE_HOME"] = "/home/staff/.state/";
  EXPECT_EQ(ResolveStateDir("", Env(env)).path, "/home/staff/.state/machikado");
  env.erase("XDG_STATE_HOME");
  StateDirChoice c = ResolveStateDir("", Env(env));
  EXPECT_EQ(c.path, "/home/staff/.local/state/machikado");
  EXPECT_EQ(c.source, "$HOME");
}

TEST(StateDirTest, IgnoresEmptyAndRelativeValues) {
  EXPECT_EQ(ResolveStateDir("", Env({{"STATE_DIRECTORY", ""},
                                     {"XDG_STATE_HOME", "relative/state"},
                                     {"HOME", "/home/staff"}}))
                .path,
            "/home/staff/.local/state/machikado");
  EXPECT_EQ(ResolveStateDir("", Env({{"HOME", "relative"}})).path, "/var/lib/machikado");
}

TEST(StateDirTest, SystemUserWithoutHomeUsesVarLib) {
  EXPECT_EQ(ResolveStateDir("", Env({})).path, "/var/lib/machikado");
  EXPECT_EQ(ResolveStateDir("", Env({{"HOME", ""}})).path, "/var/lib/machikado");
  EXPECT_EQ(ResolveStateDir("", Env({{"HOME", "/"}})).path, "/var/lib/machikado");
  EXPECT_EQ(ResolveStateDir("", Env({{"HOME", "/nonexistent"}})).path, "/var/lib/machikado");
}

TEST(StateDirTest, ProcessEnvironmentReadsGetenv) {
  EnvLookup env = ProcessEnvironment();
  EXPECT_FALSE(env("MACHIKADO_SURELY_UNSET_VARIABLE_42").has_value());
  ::setenv("MACHIKADO_TEST_VARIABLE", "value", 1);
  EXPECT_EQ(env("MACHIKADO_TEST_VARIABLE").value_or(""), "value");
  ::unsetenv("MACHIKADO_TEST_VARIABLE");
}

}  // namespace
}  // namespace machikado::platform
