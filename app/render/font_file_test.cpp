#include "render/font_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "core/temp_dir.h"

namespace machikado::render {
namespace {

std::string ReadAll(SDL_RWops* rw) {
  std::string out;
  char buf[3];
  size_t n;
  while ((n = SDL_RWread(rw, buf, 1, sizeof buf)) > 0) out.append(buf, n);
  return out;
}

TEST(FontFile, ReadersHaveTheirOwnPositions) {
  ScopedTempDir dir;
  const std::string path = dir.path() + "/f.ttf";
  std::ofstream(path, std::ios::binary) << "0123456789";
  auto file = FontFile::Open(path);
  ASSERT_TRUE(file.ok()) << file.status().message();
  EXPECT_EQ((*file)->size(), 10);

  SDL_RWops* a = FontFile::NewReader(*file);
  SDL_RWops* b = FontFile::NewReader(*file);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(SDL_RWsize(a), 10);
  EXPECT_EQ(SDL_RWseek(a, 4, RW_SEEK_SET), 4);
  char two[2];
  EXPECT_EQ(SDL_RWread(a, two, 1, 2), 2u);
  EXPECT_EQ(std::string(two, 2), "45");
  EXPECT_EQ(SDL_RWtell(a), 6);
  EXPECT_EQ(ReadAll(b), "0123456789") << "b is not moved by a";
  EXPECT_EQ(SDL_RWseek(b, -3, RW_SEEK_END), 7);
  EXPECT_EQ(ReadAll(b), "789");
  EXPECT_EQ(SDL_RWseek(a, -1, RW_SEEK_CUR), 5);
  EXPECT_EQ(ReadAll(a), "56789");
  // Whole objects only: 10 bytes hold three objects of 3 (the buffer has room for the 4 asked).
  EXPECT_EQ(SDL_RWseek(a, 0, RW_SEEK_SET), 0);
  char twelve[12];
  EXPECT_EQ(SDL_RWread(a, twelve, 3, 4), 3u);
  EXPECT_EQ(std::string(twelve, 9), "012345678");
  EXPECT_LT(SDL_RWseek(a, -1, RW_SEEK_SET), 0) << "before the start";
  EXPECT_EQ(SDL_RWwrite(a, "x", 1, 1), 0u) << "read-only";
  SDL_RWclose(a);
  file->reset();  // the last reader keeps the file open
  EXPECT_EQ(SDL_RWseek(b, 0, RW_SEEK_SET), 0);
  EXPECT_EQ(ReadAll(b), "0123456789");
  SDL_RWclose(b);
}

TEST(FontFile, RefusesWhatIsNotAFile) {
  ScopedTempDir dir;
  EXPECT_FALSE(FontFile::Open(dir.path() + "/missing.ttf").ok());
  EXPECT_FALSE(FontFile::Open(dir.path()).ok());
  std::ofstream(dir.path() + "/empty.ttf");
  EXPECT_FALSE(FontFile::Open(dir.path() + "/empty.ttf").ok());
}

}  // namespace
}  // namespace machikado::render
