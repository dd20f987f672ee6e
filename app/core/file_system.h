// FileSystem: the small file interface the cache and the status file write through, so tests can
// inject disk faults (ENOSPC, EIO) at any step. PosixFileSystem is the real one; FaultyFileSystem
// (core/faulty_file_system.h) wraps another FileSystem and fails chosen operations.
// WriteFileAtomic is implemented once, here, on top of the primitives, so every implementation
// (and every fault injected into a primitive) exercises the same algorithm.
// Thread-safety: PosixFileSystem is thread-safe (no state besides an atomic counter);
// a WritableFile belongs to one thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace machikado {

// Metadata of a directory entry or a path.
struct FileInfo {
  uint64_t size = 0;
  int64_t mtime_s = 0;  // modification time, Unix seconds
  bool is_dir = false;
};

// A file being written. Append/Sync/Close report errors as values; the destructor closes
// (without syncing) if Close was not called.
class WritableFile {
 public:
  virtual ~WritableFile() = default;
  virtual Status Append(std::string_view bytes) = 0;
  virtual Status Sync() = 0;  // fsync: data and metadata on stable storage
  virtual Status Close() = 0;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // Reads a whole regular file. kNotFound when absent, kLimitExceeded when it is larger than
  // max_bytes (nothing beyond max_bytes is read into memory), kIoError otherwise.
  virtual Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes) = 0;
  // Creates a new file for writing; fails if it exists (O_EXCL), so a temp name is never shared.
  virtual Result<std::unique_ptr<WritableFile>> CreateFile(const std::string& path) = 0;
  // Opens a file for appending, creating it when absent (`truncate`: empties it first). Proof of
  // play appends to its log this way; the media cache resumes a partial download.
  virtual Result<std::unique_ptr<WritableFile>> AppendFile(const std::string& path,
                                                           bool truncate) = 0;
  // Reads up to `max_bytes` at `offset` of a regular file into *out (replacing its content); fewer
  // at the end of the file, none past it. For reading large files piece by piece (hashing a video).
  virtual Status ReadAt(const std::string& path, uint64_t offset, size_t max_bytes,
                        std::string* out) = 0;
  // rename(2): atomically replaces `to` when both are in the same file system.
  virtual Status Rename(const std::string& from, const std::string& to) = 0;
  // fsync of a directory, so that a rename in it survives a power loss.
  virtual Status SyncDir(const std::string& dir) = 0;
  // Removes a file; kNotFound when absent.
  virtual Status Remove(const std::string& path) = 0;
  virtual Result<FileInfo> Stat(const std::string& path) = 0;
  // Names in `dir` (no "." or ".."), in no particular order.
  virtual Result<std::vector<std::string>> ListDir(const std::string& dir) = 0;
  // mkdir -p; ok when the directory already exists.
  virtual Status MakeDirs(const std::string& path) = 0;

  // Size of a file (Stat().size).
  Result<uint64_t> FileSize(const std::string& path);

  // Replaces `path` with `bytes` so that a reader (or a reboot) sees either the old file or the
  // complete new one, never a mix: writes a temp file in the same directory, fsyncs it, renames
  // it over `path`, fsyncs the directory. On any failure the temp file is removed and the old
  // file is untouched. Temp names contain kTempMarker (see IsTempFileName).
  Status WriteFileAtomic(const std::string& path, std::string_view bytes);

  // Temp files of WriteFileAtomic are named "<name>.tmp-<pid>-<n>"; a process killed mid-write
  // leaves one behind, which owners of a directory may delete at start.
  static constexpr std::string_view kTempMarker = ".tmp-";
  static bool IsTempFileName(std::string_view name);

 private:
  std::atomic<uint64_t> temp_counter_{0};
};

class PosixFileSystem final : public FileSystem {
 public:
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
};

// "what path: strerror (ENAME)", with "disk full" spelled out for ENOSPC/EDQUOT.
std::string ErrnoMessage(std::string_view what, const std::string& path, int err);
// A Status for errno: kNotFound for ENOENT, kIoError otherwise.
Status ErrnoStatus(std::string_view what, const std::string& path, int err);

// Directory part of a path ("." when there is none) and the last component.
std::string DirName(const std::string& path);
std::string BaseName(const std::string& path);
// Joins two path parts with exactly one '/'.
std::string JoinPath(std::string_view a, std::string_view b);

}  // namespace machikado
