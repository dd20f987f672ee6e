// The JSONTestSuite parsing corpus (third-party, beside the project) run through ParseFeed:
// n_* (invalid JSON) must be rejected cleanly with a feed-level error, y_* (valid JSON, but no
// feed) rejected for missing fields and accepted when embedded as an unknown field of a valid feed,
// i_* (implementation-defined) must simply not crash. Skipped when the corpus is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "feed/parse.h"
#include "platform/build_paths.h"

namespace machikado::feed {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(MACHIKADO_SOURCE_DIR) / ".." / "shared" / "testdata" /
                         "JSONTestSuite" / "test_parsing";

std::vector<fs::path> CorpusFiles(const std::string& prefix) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(kCorpus, ec))
    if (e.path().filename().string().rfind(prefix, 0) == 0) out.push_back(e.path());
  return out;
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// GTEST_SKIP() only returns from the function it is written in: inside a helper it would skip
// nothing and the test would go on. So the skip is a macro, expanded in each test body.
#define SKIP_WITHOUT_CORPUS()     \
  if (!fs::is_directory(kCorpus)) \
  GTEST_SKIP() << "JSONTestSuite not found at " << kCorpus.lexically_normal()

TEST(JsonTestSuiteTest, InvalidJsonIsRejectedWithAFeedLevelError) {
  SKIP_WITHOUT_CORPUS();
  const auto files = CorpusFiles("n_");
  ASSERT_FALSE(files.empty());
  for (const auto& f : files) {
    const ParseOutcome o = ParseFeed(Slurp(f));
    EXPECT_FALSE(o.feed.has_value()) << f.filename();
    ASSERT_FALSE(o.errors.empty()) << f.filename();
    for (const auto& e : o.errors) {
      EXPECT_EQ(e.level, FeedError::Level::kFeed) << f.filename();
      EXPECT_FALSE(e.message.empty()) << f.filename();
    }
  }
}

TEST(JsonTestSuiteTest, ValidJsonThatIsNoFeedIsRejectedForMissingFields) {
  SKIP_WITHOUT_CORPUS();
  const auto files = CorpusFiles("y_");
  ASSERT_FALSE(files.empty());
  for (const auto& f : files) {
    const ParseOutcome o = ParseFeed(Slurp(f));
    EXPECT_FALSE(o.feed.has_value()) << f.filename();
    ASSERT_FALSE(o.errors.empty()) << f.filename();
    // Valid JSON: the complaint is about the document's shape, never its syntax.
    for (const auto& e : o.errors)
      EXPECT_EQ(e.message.find("not valid JSON"), std::string::npos)
          << f.filename() << ": " << e.message;
  }
}

TEST(JsonTestSuiteTest, ValidJsonEmbeddedAsUnknownFieldIsAccepted) {
  SKIP_WITHOUT_CORPUS();
  const auto files = CorpusFiles("y_");
  ASSERT_FALSE(files.empty());
  for (const auto& f : files) {
    const std::string body = R"({"format": "machikado-feed/1", "id": "corpus", )"
                             R"("generated": "2026-11-23T09:00:00+09:00", "items": [], "x": )" +
                             Slurp(f) + "\n}";
    const ParseOutcome o = ParseFeed(body);
    EXPECT_TRUE(o.ok()) << f.filename() << ": " << (o.errors.empty() ? "" : o.errors[0].message);
  }
}

TEST(JsonTestSuiteTest, ImplementationDefinedInputsDoNotCrash) {
  SKIP_WITHOUT_CORPUS();
  const auto files = CorpusFiles("i_");
  ASSERT_FALSE(files.empty());
  for (const auto& f : files) {
    const ParseOutcome o = ParseFeed(Slurp(f));
    // None is a feed; whatever the JSON verdict, the outcome is a clean rejection with reasons.
    EXPECT_FALSE(o.feed.has_value()) << f.filename();
    EXPECT_FALSE(o.errors.empty()) << f.filename();
  }
}

}  // namespace
}  // namespace machikado::feed
