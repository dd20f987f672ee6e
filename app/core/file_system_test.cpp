#include "core/file_system.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <string>

#include "core/faulty_file_system.h"
#include "core/temp_dir.h"

namespace machikado {
namespace {

class FileSystemTest : public ::testing::Test {
 protected:
  std::string Read(const std::string& path) {
    Result<std::string> r = posix_.ReadFile(path, 1 << 20);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r.value() : std::string();
  }
  // Names in the temp dir that look like leftovers of an atomic write.
  int TempFiles() {
    int n = 0;
    Result<std::vector<std::string>> names = posix_.ListDir(dir_.path());
    EXPECT_TRUE(names.ok());
    if (!names.ok()) return -1;
    for (const std::string& name : names.value())
      if (FileSystem::IsTempFileName(name)) ++n;
    return n;
  }

  ScopedTempDir dir_;
  PosixFileSystem posix_;
  FaultyFileSystem faulty_{posix_};
};

TEST_F(FileSystemTest, WriteFileAtomicCreatesThenReplacesContent) {
  const std::string path = dir_.file("a.json");
  ASSERT_TRUE(posix_.WriteFileAtomic(path, "first").ok());
  EXPECT_EQ(Read(path), "first");
  ASSERT_TRUE(posix_.WriteFileAtomic(path, "second, longer").ok());
  EXPECT_EQ(Read(path), "second, longer");
  ASSERT_TRUE(posix_.WriteFileAtomic(path, "").ok());
  EXPECT_EQ(Read(path), "");
  EXPECT_EQ(TempFiles(), 0);
}

TEST_F(FileSystemTest, WriteFileAtomicSyncsFileAndDirectory) {
  ASSERT_TRUE(faulty_.WriteFileAtomic(dir_.file("a"), "x").ok());
  EXPECT_EQ(faulty_.calls(FsOp::kSync), 1);
  EXPECT_EQ(faulty_.calls(FsOp::kRename), 1);
  EXPECT_EQ(faulty_.calls(FsOp::kSyncDir), 1);
}

TEST_F(FileSystemTest, AppendFileResumesOrTruncates) {
  const std::string path = dir_.file("clip.part");
  for (const char* piece : {"abc", "def"}) {
    auto f = posix_.AppendFile(path, false);
    ASSERT_TRUE(f.ok()) << f.status().message();
    ASSERT_TRUE((*f)->Append(piece).ok());
    ASSERT_TRUE((*f)->Close().ok());
  }
  EXPECT_EQ(Read(path), "abcdef");
  auto f = posix_.AppendFile(path, true);
  ASSERT_TRUE(f.ok());
  ASSERT_TRUE((*f)->Append("x").ok());
  ASSERT_TRUE((*f)->Close().ok());
  EXPECT_EQ(Read(path), "x");
}

TEST_F(FileSystemTest, ReadAtReadsPiecesAndStopsAtTheEnd) {
  const std::string path = dir_.file("a.bin");
  ASSERT_TRUE(posix_.WriteFileAtomic(path, "0123456789").ok());
  std::string out = "old";
  ASSERT_TRUE(posix_.ReadAt(path, 2, 3, &out).ok());
  EXPECT_EQ(out, "234");
  ASSERT_TRUE(posix_.ReadAt(path, 8, 100, &out).ok());
  EXPECT_EQ(out, "89");
  ASSERT_TRUE(posix_.ReadAt(path, 20, 5, &out).ok());
  EXPECT_EQ(out, "");
  EXPECT_EQ(posix_.ReadAt(dir_.file("missing"), 0, 5, &out).code(), StatusCode::kNotFound);
  faulty_.FailOn(FsOp::kRead, EIO, 1);
  EXPECT_FALSE(faulty_.ReadAt(path, 0, 5, &out).ok());
}

TEST_F(FileSystemTest, ReadFileReportsMissingFileAsNotFound) {
  Result<std::string> r = posix_.ReadFile(dir_.file("absent"), 100);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("absent"), std::string::npos);
}

TEST_F(FileSystemTest, ReadFileRejectsFileLargerThanTheCap) {
  ASSERT_TRUE(posix_.WriteFileAtomic(dir_.file("big"), std::string(1001, 'x')).ok());
  Result<std::string> r = posix_.ReadFile(dir_.file("big"), 1000);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  EXPECT_TRUE(posix_.ReadFile(dir_.file("big"), 1001).ok());
}

TEST_F(FileSystemTest, ReadFileRejectsDirectory) {
  Result<std::string> r = posix_.ReadFile(dir_.path(), 1000);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
}

// Every step of the atomic write can fail; the old file must survive each and no temp file stays.
class AtomicWriteFaultTest : public FileSystemTest,
                             public ::testing::WithParamInterface<std::pair<FsOp, int>> {};

TEST_P(AtomicWriteFaultTest, KeepsOldFileAndRemovesTempFile) {
  const std::string path = dir_.file("feed.cache");
  ASSERT_TRUE(faulty_.WriteFileAtomic(path, "old content").ok());
  faulty_.FailOn(GetParam().first, GetParam().second);
  Status s = faulty_.WriteFileAtomic(path, std::string(100000, 'n'));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("feed.cache"), std::string::npos) << s.message();
  const char* expected = GetParam().second == ENOSPC ? "disk full" : "EIO";
  EXPECT_NE(s.message().find(expected), std::string::npos) << s.message();
  faulty_.ClearFaults();
  EXPECT_EQ(Read(path), "old content");
  EXPECT_EQ(TempFiles(), 0);
}

INSTANTIATE_TEST_SUITE_P(
    EveryStep, AtomicWriteFaultTest,
    ::testing::Values(std::make_pair(FsOp::kCreate, ENOSPC), std::make_pair(FsOp::kWrite, ENOSPC),
                      std::make_pair(FsOp::kWrite, EIO), std::make_pair(FsOp::kSync, EIO),
                      std::make_pair(FsOp::kSync, ENOSPC), std::make_pair(FsOp::kClose, EIO),
                      std::make_pair(FsOp::kRename, ENOSPC), std::make_pair(FsOp::kRename, EIO)),
    [](const ::testing::TestParamInfo<std::pair<FsOp, int>>& info) {
      return std::string(ToString(info.param.first)) +
             (info.param.second == ENOSPC ? "ENOSPC" : "EIO");
    });

TEST_F(FileSystemTest, DiskFillingUpMidFileKeepsOldFile) {
  const std::string path = dir_.file("feed.cache");
  ASSERT_TRUE(faulty_.WriteFileAtomic(path, "old content").ok());
  faulty_.SetWriteBudget(1000);  // part of the new body reaches the disk, then ENOSPC
  Status s = faulty_.WriteFileAtomic(path, std::string(5000, 'n'));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("ENOSPC"), std::string::npos) << s.message();
  EXPECT_EQ(Read(path), "old content");
  EXPECT_EQ(TempFiles(), 0);
}

TEST_F(FileSystemTest, FailingDirectorySyncIsReportedAfterTheNewFileIsInPlace) {
  const std::string path = dir_.file("a");
  faulty_.FailOn(FsOp::kSyncDir, EIO, 1);
  Status s = faulty_.WriteFileAtomic(path, "new");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(Read(path), "new");
  EXPECT_TRUE(faulty_.WriteFileAtomic(path, "newer").ok());  // the fault was for one call only
}

TEST_F(FileSystemTest, FaultSkipsAndCountsCalls) {
  faulty_.FailOn(FsOp::kStat, EIO, /*times=*/2, /*skip=*/1);
  EXPECT_TRUE(faulty_.Stat(dir_.path()).ok());
  EXPECT_FALSE(faulty_.Stat(dir_.path()).ok());
  EXPECT_FALSE(faulty_.Stat(dir_.path()).ok());
  EXPECT_TRUE(faulty_.Stat(dir_.path()).ok());
  EXPECT_EQ(faulty_.calls(FsOp::kStat), 4);
}

TEST_F(FileSystemTest, MakeDirsCreatesNestedDirectoriesAndIsIdempotent) {
  const std::string deep = dir_.file("a/b/c");
  ASSERT_TRUE(posix_.MakeDirs(deep).ok());
  ASSERT_TRUE(posix_.MakeDirs(deep).ok());
  Result<FileInfo> info = posix_.Stat(deep);
  ASSERT_TRUE(info.ok());
  EXPECT_TRUE(info->is_dir);
}

TEST_F(FileSystemTest, MakeDirsFailsWhenAFileIsInTheWay) {
  ASSERT_TRUE(posix_.WriteFileAtomic(dir_.file("f"), "x").ok());
  EXPECT_FALSE(posix_.MakeDirs(dir_.file("f")).ok());
  EXPECT_FALSE(posix_.MakeDirs(dir_.file("f/sub")).ok());
}

TEST_F(FileSystemTest, ListStatSizeAndRemove) {
  ASSERT_TRUE(posix_.WriteFileAtomic(dir_.file("one"), "12345").ok());
  ASSERT_TRUE(posix_.MakeDirs(dir_.file("sub")).ok());
  Result<std::vector<std::string>> names = posix_.ListDir(dir_.path());
  ASSERT_TRUE(names.ok());
  std::sort(names->begin(), names->end());
  EXPECT_EQ(names.value(), (std::vector<std::string>{"one", "sub"}));
  Result<uint64_t> size = posix_.FileSize(dir_.file("one"));
  ASSERT_TRUE(size.ok());
  EXPECT_EQ(size.value(), 5u);
  EXPECT_TRUE(posix_.Remove(dir_.file("one")).ok());
  EXPECT_EQ(posix_.Remove(dir_.file("one")).code(), StatusCode::kNotFound);
  EXPECT_EQ(posix_.ListDir(dir_.file("absent")).status().code(), StatusCode::kNotFound);
}

TEST(PathTest, SplitsAndJoinsPaths) {
  EXPECT_EQ(DirName("/var/lib/x.json"), "/var/lib");
  EXPECT_EQ(DirName("x.json"), ".");
  EXPECT_EQ(DirName("/x"), "/");
  EXPECT_EQ(BaseName("/var/lib/x.json"), "x.json");
  EXPECT_EQ(JoinPath("/a/", "/b"), "/a/b");
  EXPECT_EQ(JoinPath("/a", "b"), "/a/b");
  EXPECT_TRUE(FileSystem::IsTempFileName("status.json.tmp-12-0"));
  EXPECT_FALSE(FileSystem::IsTempFileName("status.json"));
}

}  // namespace
}  // namespace machikado
