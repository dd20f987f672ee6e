#include "core/mapped_file.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>

#include "core/temp_dir.h"

namespace machikado {
namespace {

TEST(MappedFile, MapsAWholeFileReadOnly) {
  ScopedTempDir dir;
  const std::string path = dir.path() + "/f.bin";
  std::ofstream(path, std::ios::binary) << "hello, font";
  auto m = MappedFile::Open(path);
  ASSERT_TRUE(m.ok()) << m.status().message();
  ASSERT_EQ(m->size(), 11u);
  EXPECT_EQ(std::memcmp(m->data(), "hello, font", 11), 0);
  MappedFile moved = std::move(m).value();
  EXPECT_EQ(moved.size(), 11u);
}

TEST(MappedFile, RefusesMissingEmptyOversizedAndDirectories) {
  ScopedTempDir dir;
  EXPECT_FALSE(MappedFile::Open(dir.path() + "/missing").ok());
  std::ofstream(dir.path() + "/empty");
  EXPECT_FALSE(MappedFile::Open(dir.path() + "/empty").ok());
  std::ofstream(dir.path() + "/big") << std::string(100, 'x');
  EXPECT_FALSE(MappedFile::Open(dir.path() + "/big", 99).ok());
  EXPECT_TRUE(MappedFile::Open(dir.path() + "/big", 100).ok());
  EXPECT_FALSE(MappedFile::Open(dir.path()).ok());
}

}  // namespace
}  // namespace machikado
