// A writer killed (SIGKILL) at any step of a cache store must leave the cache holding either the
// old or the new complete body, never a torn one, and its temp file must be cleaned up by the next
// cache that opens the directory. The writer is a forked child; the fault-injecting file system
// (core/faulty_file_system.h) kills it at a chosen step — before the temp file exists, in the
// middle of writing it, before its fsync, before the rename, after the rename — so every step is
// tested on every run, deterministically.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cache/cache_file.h"
#include "cache/feed_cache.h"
#include "core/faulty_file_system.h"
#include "core/temp_dir.h"

namespace machikado::cache {
namespace {

const std::string kUrl = "https://example.jp/feeds/news.json";
constexpr size_t kBodyBytes = 256 * 1024;

// Body of generation g: "gen=<g>;" then a fill byte that depends on g.
std::string BodyFor(uint64_t g) {
  std::string body = "gen=" + std::to_string(g) + ";";
  body.resize(kBodyBytes + (g % 8) * 1024, static_cast<char>('a' + g % 26));
  return body;
}

CachedFeed FeedFor(uint64_t g) {
  return CachedFeed{kUrl, BodyFor(g), "\"" + std::to_string(g) + "\"", "", 0};
}

// The generation of a complete body, or -1 if the body is not exactly BodyFor(g) for some g.
int64_t GenerationOf(const std::string& body) {
  if (body.rfind("gen=", 0) != 0) return -1;
  size_t semi = body.find(';');
  if (semi == std::string::npos) return -1;
  uint64_t g = std::stoull(body.substr(4, semi - 4));
  return body == BodyFor(g) ? static_cast<int64_t>(g) : -1;
}

int TempFilesIn(FileSystem& fs, const std::string& dir) {
  const Result<std::vector<std::string>> names = fs.ListDir(JoinPath(dir, "feeds"));
  EXPECT_TRUE(names.ok()) << names.status().message();
  int n = 0;
  if (names.ok())
    for (const std::string& name : names.value())
      if (FileSystem::IsTempFileName(name)) ++n;
  return n;
}

struct CrashPoint {
  const char* name;
  FsOp op;
  uint64_t bytes;      // kWrite: how much of the record reaches the temp file
  bool temp_left;      // the kill leaves a temp file behind (killed mid-write)
  bool new_body_kept;  // the kill comes after the commit point (the rename)
};

const CrashPoint kCrashPoints[] = {
    {"before the temp file is created", FsOp::kCreate, 0, false, false},
    {"before the first byte", FsOp::kWrite, 0, true, false},
    {"after one byte", FsOp::kWrite, 1, true, false},
    {"half-way through the body", FsOp::kWrite, kBodyBytes / 2, true, false},
    {"one byte short", FsOp::kWrite, kBodyBytes - 1, true, false},
    {"before the fsync", FsOp::kSync, 0, true, false},
    {"before the rename", FsOp::kRename, 0, true, false},
    {"after the rename, before the directory fsync", FsOp::kSyncDir, 0, false, true},
};

TEST(FeedCacheCrashTest, WriterKilledAtEveryStepNeverLeavesATornBody) {
  ScopedTempDir tmp;
  const std::string dir = tmp.file("cache");
  PosixFileSystem fs;
  {
    FeedCache cache(dir, fs);
    ASSERT_TRUE(cache.Store(FeedFor(0)).ok());
  }
  int64_t last_gen = 0;
  int killed_mid_write = 0;
  uint64_t gen = 0;
  for (const CrashPoint& point : kCrashPoints) {
    SCOPED_TRACE(point.name);
    ++gen;
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      // The child: opens the cache (its start-up file operations are not the ones to crash),
      // then stores the next generation with the crash armed. Returning at all is a failure.
      PosixFileSystem posix;
      FaultyFileSystem faulty(posix);
      FeedCache cache(dir, faulty);
      (void)cache.Load(kUrl);
      faulty.CrashOn(point.op, 0, point.bytes);
      (void)cache.Store(FeedFor(gen));
      _exit(3);
    }
    int wstatus = 0;
    ASSERT_EQ(waitpid(pid, &wstatus, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(wstatus) && WTERMSIG(wstatus) == SIGKILL)
        << "the writer was not killed at this step (status " << wstatus << ")";

    // The file itself, before any cleanup, decodes to a complete body.
    FeedCache probe(dir, fs);
    Result<std::string> raw = fs.ReadFile(probe.FeedFilePath(kUrl), 64 << 20);
    ASSERT_TRUE(raw.ok()) << raw.status().message();
    Result<CacheRecord> record = DecodeCacheRecord(raw.value(), 4 << 20);
    ASSERT_TRUE(record.ok()) << record.status().message();
    const int temps = TempFilesIn(fs, dir);
    EXPECT_EQ(temps > 0, point.temp_left) << temps << " temp file(s) left";
    if (temps > 0) ++killed_mid_write;

    FeedCache cache(dir, fs);
    Result<CachedFeed> got = cache.Load(kUrl);
    ASSERT_TRUE(got.ok()) << got.status().message();
    const int64_t got_gen = GenerationOf(got->body);
    ASSERT_GE(got_gen, 0) << "torn body of " << got->body.size() << " bytes";
    EXPECT_EQ(got->etag, "\"" + std::to_string(got_gen) + "\"");  // body and validators agree
    EXPECT_EQ(got_gen, point.new_body_kept ? static_cast<int64_t>(gen) : last_gen)
        << (point.new_body_kept ? "the renamed body was lost" : "an uncommitted body is visible");
    last_gen = got_gen;
    // The temp files of the killed writer are gone once a cache opens the directory.
    EXPECT_EQ(TempFilesIn(fs, dir), 0);
  }
  // Not a matter of luck: the steps between create and rename were each killed mid-write.
  EXPECT_EQ(killed_mid_write, 6);
}

}  // namespace
}  // namespace machikado::cache
