#include "ops/file_publisher.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace machikado::ops {
namespace {

TEST(FilePublisherTest, FileHoldsTheNewestContentAfterFlush) {
  std::string tmpl = ::testing::TempDir() + "publisher-XXXXXX";
  std::string dir = ::mkdtemp(tmpl.data());
  PosixFileSystem fs;
  MemoryLog log;
  {
    FilePublisher p(dir + "/sub/metrics.prom", fs, log);
    for (int i = 0; i < 100; ++i) p.Publish("value " + std::to_string(i) + "\n");
    p.Flush();
    EXPECT_GE(p.written(), 1u);
    EXPECT_EQ(p.failed(), 0u);
    auto text = fs.ReadFile(dir + "/sub/metrics.prom", 1024);
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(*text, "value 99\n");
  }
  std::filesystem::remove_all(dir);
}

TEST(FilePublisherTest, AnUnwritablePathIsCountedAndLoggedNotFatal) {
  PosixFileSystem fs;
  MemoryLog log;
  FilePublisher p("/proc/machikado-cannot-write/metrics.prom", fs, log);
  p.Publish("x");
  p.Flush();
  EXPECT_EQ(p.failed(), 1u);
  EXPECT_TRUE(log.contains("cannot write"));
}

}  // namespace
}  // namespace machikado::ops
