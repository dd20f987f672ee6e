// OpenRegularFile: the one way a path named by outside input (a feed file, an image path, a cache
// entry) is opened for reading. It opens with O_NONBLOCK, so a FIFO with no writer, a terminal or
// a device never blocks the open, then fstat()s the descriptor it got and refuses anything that is
// not a regular file (a FIFO, a socket, a character or block device, a directory) before a single
// byte is read; a regular file then gets its blocking mode back. Checking the open descriptor, not
// the path, leaves no window for the path to be swapped between check and read.
// Callers: PosixFileSystem::ReadFile (images, cache, quarantine), net::ReadLocalSource (feeds of
// the kiosk, `machikado render`, `validate`). Thread-safe (no state); a UniqueFd belongs to one
// thread.
#pragma once

#include <sys/stat.h>

#include <string>

#include "core/status.h"

namespace machikado {

// An owned file descriptor, closed on destruction.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  ~UniqueFd();
  UniqueFd(UniqueFd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  UniqueFd& operator=(UniqueFd&& o) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_ = -1;
};

struct OpenedFile {
  UniqueFd fd;
  struct stat st {};  // of the open descriptor: a regular file
};

// "a FIFO", "a directory", "a character device", … for a st_mode that is not a regular file.
const char* FileTypeName(mode_t mode);

// Opens `path` for reading if it is a regular file. kNotFound when absent; kIoError otherwise,
// with "… it is a FIFO (named pipe), not a regular file" for any other kind of file.
Result<OpenedFile> OpenRegularFile(const std::string& path);

}  // namespace machikado
