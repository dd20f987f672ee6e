#include "core/regular_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "core/file_system.h"

namespace machikado {

UniqueFd::~UniqueFd() {
  if (fd_ >= 0) ::close(fd_);
}

UniqueFd& UniqueFd::operator=(UniqueFd&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = o.fd_;
    o.fd_ = -1;
  }
  return *this;
}

const char* FileTypeName(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return S_ISREG(mode) ? "a regular file" : "not a regular file";
}

Result<OpenedFile> OpenRegularFile(const std::string& path) {
  // O_NONBLOCK: opening a FIFO without a writer (or a serial line without carrier) returns at
  // once instead of waiting. O_NOCTTY: a terminal never becomes our controlling terminal.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return ErrnoStatus("cannot open", path, errno);
  OpenedFile f;
  f.fd = UniqueFd(fd);
  if (::fstat(fd, &f.st) != 0) return ErrnoStatus("cannot stat", path, errno);
  if (!S_ISREG(f.st.st_mode))
    return Status::Io("cannot read " + path + ": it is " + FileTypeName(f.st.st_mode) +
                      ", not a regular file");
  // A regular file: reads never block on O_NONBLOCK anyway, but callers expect plain semantics.
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  return f;
}

}  // namespace machikado
