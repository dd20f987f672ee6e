// A writer killed with SIGKILL at a random moment must leave the cache holding either the old or a
// new complete body, never a torn one. The writer is a forked child; the parent kills it and
// checks.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "cache/cache_file.h"
#include "cache/feed_cache.h"
#include "core/temp_dir.h"

namespace machikado::cache {
namespace {

const std::string kUrl = "https://example.jp/feeds/news.json";

// Body of generation g: "gen=<g>;" then a size and a fill byte that both depend on g.
std::string BodyFor(uint64_t g) {
  std::string body = "gen=" + std::to_string(g) + ";";
  body.resize(256 * 1024 + (g % 8) * 160 * 1024, static_cast<char>('a' + g % 26));
  return body;
}

// The generation of a complete body, or -1 if the body is not exactly BodyFor(g) for some g.
int64_t GenerationOf(const std::string& body) {
  if (body.rfind("gen=", 0) != 0) return -1;
  size_t semi = body.find(';');
  if (semi == std::string::npos) return -1;
  uint64_t g = std::stoull(body.substr(4, semi - 4));
  return body == BodyFor(g) ? static_cast<int64_t>(g) : -1;
}

// Child: store ever newer generations until killed. Tells the parent after the first store.
[[noreturn]] void WriteForever(const std::string& dir, uint64_t first_gen, int ready_fd) {
  PosixFileSystem fs;
  FeedCache cache(dir, fs);
  for (uint64_t g = first_gen; g < first_gen + 100000; ++g) {
    if (!cache.Store(CachedFeed{kUrl, BodyFor(g), "\"" + std::to_string(g) + "\"", "", 0}).ok()) {
      _exit(3);
    }
    if (g == first_gen) {
      char c = 1;
      if (write(ready_fd, &c, 1) != 1) _exit(4);
    }
  }
  _exit(0);
}

TEST(FeedCacheCrashTest, WriterKilledAtRandomMomentsNeverLeavesATornBody) {
  ScopedTempDir tmp;
  const std::string dir = tmp.file("cache");
  PosixFileSystem fs;
  {
    FeedCache cache(dir, fs);
    ASSERT_TRUE(cache.Store(CachedFeed{kUrl, BodyFor(0), "\"0\"", "", 0}).ok());
  }
  std::mt19937 rng(20261123);
  int64_t last_gen = 0;
  int killed_mid_write = 0;
  constexpr int kIterations = 10;
  for (int i = 1; i <= kIterations; ++i) {
    int pipe_fds[2];
    ASSERT_EQ(pipe(pipe_fds), 0);
    const uint64_t first_gen = static_cast<uint64_t>(i) * 100000;
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(pipe_fds[0]);
      WriteForever(dir, first_gen, pipe_fds[1]);
    }
    close(pipe_fds[1]);
    char c;
    ASSERT_EQ(read(pipe_fds[0], &c, 1), 1) << "the writer failed before its first store";
    close(pipe_fds[0]);
    usleep(std::uniform_int_distribution<int>(0, 20000)(rng));  // a random moment, not a sync
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    int wstatus = 0;
    ASSERT_EQ(waitpid(pid, &wstatus, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(wstatus)) << "the writer exited by itself with " << wstatus;

    // The file itself, before any cleanup, decodes to a complete body.
    FeedCache probe(dir, fs);
    Result<std::string> raw = fs.ReadFile(probe.FeedFilePath(kUrl), 64 << 20);
    ASSERT_TRUE(raw.ok()) << raw.status().message();
    Result<CacheRecord> record = DecodeCacheRecord(raw.value(), 4 << 20);
    ASSERT_TRUE(record.ok()) << "iteration " << i << ": " << record.status().message();
    std::vector<std::string> names = fs.ListDir(JoinPath(dir, "feeds")).value();
    for (const std::string& n : names)
      if (FileSystem::IsTempFileName(n)) ++killed_mid_write;

    FeedCache cache(dir, fs);
    Result<CachedFeed> got = cache.Load(kUrl);
    ASSERT_TRUE(got.ok()) << "iteration " << i << ": " << got.status().message();
    const int64_t gen = GenerationOf(got->body);
    ASSERT_GE(gen, 0) << "iteration " << i << ": torn body of " << got->body.size() << " bytes";
    EXPECT_EQ(got->etag, "\"" + std::to_string(gen) + "\"");  // body and validators agree
    EXPECT_GE(gen, last_gen) << "the cache went back to an older body";
    EXPECT_GE(gen, static_cast<int64_t>(first_gen)) << "the first store was acknowledged";
    last_gen = gen;
    // The temp files of the killed writer are gone once a cache opens the directory.
    int temps_left = 0;
    names = fs.ListDir(JoinPath(dir, "feeds")).value();
    for (const std::string& n : names)
      if (FileSystem::IsTempFileName(n)) ++temps_left;
    EXPECT_EQ(temps_left, 0);
  }
  // For the log: how often the kill landed in the middle of a write.
  RecordProperty("killed_mid_write", killed_mid_write);
  std::printf("killed mid-write in %d of %d iterations\n", killed_mid_write, kIterations);
}

}  // namespace
}  // namespace machikado::cache
