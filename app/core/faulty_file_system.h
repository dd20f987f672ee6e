// FaultyFileSystem: a FileSystem for tests that forwards to another one (usually a PosixFileSystem
// on a temp directory) and fails chosen operations with a chosen errno (ENOSPC, EIO, ...), or lets
// writes through only up to a byte budget, like a disk that fills up in the middle of a file.
// It also counts calls per operation so tests can assert what was (not) written, and can kill the
// process (SIGKILL) at a chosen call, as a power cut or the OOM killer would — for crash tests
// that run the writer in a forked child.
// Thread-safe: faults may be set from the test thread while another thread writes.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <optional>

#include "core/file_system.h"

namespace machikado {

enum class FsOp {
  kRead,
  kCreate,
  kWrite,  // WritableFile::Append
  kSync,   // WritableFile::Sync
  kClose,  // WritableFile::Close
  kRename,
  kSyncDir,
  kRemove,
  kStat,
  kListDir,
  kMakeDirs,
};
inline constexpr size_t kFsOpCount = 11;
// "Read", "Create", "Write", ... (test names, messages).
const char* ToString(FsOp op);

class FaultyFileSystem final : public FileSystem {
 public:
  explicit FaultyFileSystem(FileSystem& base) : base_(base) {}

  // After `skip` more successful calls of `op`, the next `times` calls fail with errno `err`
  // (times < 0: every call from then on). Replaces an earlier fault on the same op.
  void FailOn(FsOp op, int err, int times = -1, int skip = 0);
  // From now on, Append lets at most `bytes` more bytes through (summed over all files), writes
  // the part that fits and then fails with ENOSPC.
  void SetWriteBudget(uint64_t bytes);
  // Crash injection: the (skip+1)-th call of `op` from now on kills this process with SIGKILL.
  // For kWrite the first `bytes` bytes of that append reach the file first (a write cut short);
  // for every other op the process dies before the call does anything. Only for a forked child.
  void CrashOn(FsOp op, int skip = 0, uint64_t bytes = 0);
  // Removes every fault, the crash and the write budget (the counters stay).
  void ClearFaults();
  // Calls of `op` so far, failed ones included.
  int calls(FsOp op) const;

  Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes) override;
  Result<std::unique_ptr<WritableFile>> CreateFile(const std::string& path) override;
  Result<std::unique_ptr<WritableFile>> AppendFile(const std::string& path, bool truncate) override;
  Status ReadAt(const std::string& path, uint64_t offset, size_t max_bytes,
                std::string* out) override;
  Status Rename(const std::string& from, const std::string& to) override;
  Status SyncDir(const std::string& dir) override;
  Status Remove(const std::string& path) override;
  Result<FileInfo> Stat(const std::string& path) override;
  Result<std::vector<std::string>> ListDir(const std::string& dir) override;
  Status MakeDirs(const std::string& path) override;

 private:
  class File;
  struct Fault {
    int err = 0;
    int times = 0;  // < 0: forever
    int skip = 0;
  };
  // Counts the call; returns the errno to fail with, or 0.
  int Check(FsOp op);
  // For Append: how many of `want` bytes may go through (budget), 0 errno or ENOSPC after.
  uint64_t TakeBudget(uint64_t want);
  struct Crash {
    FsOp op;
    int skip = 0;
    uint64_t bytes = 0;
  };
  // Whether this call of `op` is the one to crash at (consumes it); *bytes: kWrite's cut.
  bool CrashHere(FsOp op, uint64_t* bytes = nullptr);

  FileSystem& base_;
  mutable std::mutex mu_;
  std::array<std::optional<Fault>, kFsOpCount> faults_{};
  std::array<int, kFsOpCount> calls_{};
  std::optional<uint64_t> write_budget_;
  std::optional<Crash> crash_;
};

}  // namespace machikado
