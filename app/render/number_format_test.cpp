// FormatNumber: decimals only when needed, thousands grouped, signs kept.
#include "render/number_format.h"

#include <gtest/gtest.h>

namespace machikado::render {
namespace {

TEST(FormatNumber, WholeNumbersWithoutDecimalsOthersWithOneThousandsGrouped) {
  EXPECT_EQ(FormatNumber(0), "0");
  EXPECT_EQ(FormatNumber(42), "42");
  EXPECT_EQ(FormatNumber(1200), "1,200");
  EXPECT_EQ(FormatNumber(1234567), "1,234,567");
  EXPECT_EQ(FormatNumber(3.5), "3.5");
  EXPECT_EQ(FormatNumber(1200.25), "1,200.2");
  EXPECT_EQ(FormatNumber(-12000), "-12,000");
  EXPECT_EQ(FormatNumber(-120), "-120");
}

}  // namespace
}  // namespace machikado::render
