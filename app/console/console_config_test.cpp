// The console config's login-queue keys: defaults follow `threads`, explicit values are checked
// against it (each waiting login holds a worker); shelter_register is read as a path.
#include "console/console_config.h"

#include <gtest/gtest.h>

namespace machikado::console {
namespace {

std::string Config(const std::string& extra) {
  return R"({"state_dir": "/tmp/x", "feeds": [{"id": "a.news", "title": "A"}])" +
         (extra.empty() ? "" : ", " + extra) + "}";
}

TEST(ConsoleConfigLogin, DefaultsLeaveAWorkerFree) {
  Result<ConsoleConfig> c = ParseConsoleConfig(Config(""));
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->login_checks, 2);
  EXPECT_EQ(c->login_waiting, 4);  // 8 threads: 2 + 4, two left for other requests
  Result<ConsoleConfig> small = ParseConsoleConfig(Config(R"("threads": 2)"));
  ASSERT_TRUE(small.ok()) << small.status().message();
  EXPECT_EQ(small->login_checks, 2);
  EXPECT_EQ(small->login_waiting, 0);
  Result<ConsoleConfig> one = ParseConsoleConfig(Config(R"("threads": 1)"));
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->login_checks, 1);
  EXPECT_EQ(one->login_waiting, 0);
}

TEST(ConsoleConfigLogin, ExplicitValuesMustFitTheThreads) {
  Result<ConsoleConfig> c =
      ParseConsoleConfig(Config(R"("threads": 16, "login_checks": 4, "login_waiting": 10)"));
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->login_waiting, 10);
  Result<ConsoleConfig> over =
      ParseConsoleConfig(Config(R"("threads": 4, "login_checks": 2, "login_waiting": 4)"));
  ASSERT_FALSE(over.ok());
  EXPECT_NE(over.status().message().find("login_waiting"), std::string::npos);
  EXPECT_FALSE(ParseConsoleConfig(Config(R"("login_checks": 0)")).ok());
}

TEST(ConsoleConfigLogin, ShelterRegisterIsAPath) {
  Result<ConsoleConfig> c = ParseConsoleConfig(Config(R"("shelter_register": "/srv/s.json")"));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->shelter_register, "/srv/s.json");
  EXPECT_FALSE(ParseConsoleConfig(Config(R"("shelter_register": 3)")).ok());
}

}  // namespace
}  // namespace machikado::console
