#include "ui/kiosk_safety.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace machikado::ui {
namespace {

// Restores XCOMPOSEFILE as it was before the test.
class ComposeEnv : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* v = std::getenv("XCOMPOSEFILE")) saved_ = v;
    unsetenv("XCOMPOSEFILE");
  }
  void TearDown() override {
    if (saved_)
      setenv("XCOMPOSEFILE", saved_->c_str(), 1);
    else
      unsetenv("XCOMPOSEFILE");
  }
  std::optional<std::string> saved_;
};

TEST_F(ComposeEnv, KioskNeedsNoComposeTable) {
  ApplyKioskHints(true);
  ASSERT_NE(std::getenv("XCOMPOSEFILE"), nullptr);
  EXPECT_STREQ(std::getenv("XCOMPOSEFILE"), "/dev/null");
}

TEST_F(ComposeEnv, OperatorsComposeFileIsKept) {
  setenv("XCOMPOSEFILE", "/etc/custom-compose", 1);
  ApplyKioskHints(true);
  EXPECT_STREQ(std::getenv("XCOMPOSEFILE"), "/etc/custom-compose");
}

TEST_F(ComposeEnv, WindowedDevelopmentKeepsTheLocalesTable) {
  ApplyKioskHints(false);
  EXPECT_EQ(std::getenv("XCOMPOSEFILE"), nullptr);
}

}  // namespace
}  // namespace machikado::ui
