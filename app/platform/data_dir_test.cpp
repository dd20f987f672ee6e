#include "platform/data_dir.h"

#include <gtest/gtest.h>

#include <set>
#include "platform/build_paths.h"

namespace machikado::platform {
namespace {

DataDirProbe Probe(std::optional<std::string> env, std::string exe_dir,
                   std::set<std::string> dirs) {
  DataDirProbe p;
  p.getenv = [env](const char*) { return env; };
  p.is_dir = [dirs](const std::string& d) { return dirs.count(d) > 0; };
  p.executable_dir = exe_dir;
  return p;
}

TEST(DataDirTest, EnvironmentWinsOverInstalledAndSourceTree) {
  auto p = Probe("/opt/m", "/usr/bin", {"/opt/m/assets", "/usr/bin/../share/machikado/assets"});
  EXPECT_EQ(FindDataDir(p), "/opt/m");
}

TEST(DataDirTest, InstalledLayoutBesideTheExecutable) {
  auto p = Probe(std::nullopt, "/usr/bin", {"/usr/bin/../share/machikado/assets"});
  EXPECT_EQ(FindDataDir(p), "/usr/bin/../share/machikado");
}

TEST(DataDirTest, FallsBackToTheSourceTree) {
  auto p = Probe(std::nullopt, "/nowhere", {std::string(MACHIKADO_SOURCE_DIR) + "/assets"});
  EXPECT_EQ(FindDataDir(p), MACHIKADO_SOURCE_DIR);
}

TEST(DataDirTest, NothingFound) {
  EXPECT_EQ(FindDataDir(Probe(std::nullopt, "", {})), std::nullopt);
}

TEST(DataDirTest, RealProbeFindsThisSourceTree) {
  // assets/ exists in the source tree this test was built from.
  EXPECT_TRUE(FindDataDir(RealDataDirProbe()).has_value());
}

}  // namespace
}  // namespace machikado::platform
