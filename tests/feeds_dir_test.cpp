// Every feed shipped under feeds/ (demo feeds and any other examples) validates with zero problems.
// The JSON Schema under feeds/schema/ is not a feed and is skipped.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "feed/parse.h"
#include "platform/build_paths.h"

namespace machikado {
namespace {

namespace fs = std::filesystem;

TEST(ShippedFeedsTest, EveryFeedUnderFeedsValidatesClean) {
  const fs::path root = fs::path(MACHIKADO_SOURCE_DIR) / "feeds";
  if (!fs::is_directory(root)) GTEST_SKIP() << "no feeds/ folder";
  size_t checked = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const std::string name = e.path().filename().string();
    if (!e.is_regular_file() || e.path().extension() != ".json") continue;
    if (name.size() > 12 && name.substr(name.size() - 12) == ".schema.json") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string rel = fs::relative(e.path(), fs::path(MACHIKADO_SOURCE_DIR)).generic_string();
    const feed::ParseOutcome o = feed::ParseFeed(ss.str(), {}, rel);
    std::string problems;
    for (const auto& err : o.errors) problems += "  " + err.pointer + ": " + err.message + "\n";
    EXPECT_TRUE(o.ok()) << rel << ":\n" << problems;
    EXPECT_EQ(o.items_valid, o.items_total) << rel;
    ++checked;
  }
  if (fs::is_directory(root / "demo")) {
    EXPECT_GT(checked, 0u) << "feeds/demo exists but holds no .json feed";
  }
}

TEST(ShippedFeedsTest, ReadmeExampleValidatesClean) {
  std::ifstream in(fs::path(MACHIKADO_SOURCE_DIR) / "feeds" / "README.md", std::ios::binary);
  ASSERT_TRUE(in.good());
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string readme = ss.str();
  const size_t section = readme.find("## A complete example");
  ASSERT_NE(section, std::string::npos);
  const size_t start = readme.find("```json\n", section);
  ASSERT_NE(start, std::string::npos);
  const size_t end = readme.find("```", start + 8);
  ASSERT_NE(end, std::string::npos);
  const feed::ParseOutcome o = feed::ParseFeed(readme.substr(start + 8, end - start - 8));
  std::string problems;
  for (const auto& err : o.errors) problems += "  " + err.pointer + ": " + err.message + "\n";
  EXPECT_TRUE(o.ok()) << problems;
  EXPECT_EQ(o.items_valid, 4u);
}

}  // namespace
}  // namespace machikado
