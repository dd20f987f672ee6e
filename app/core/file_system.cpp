#include "core/file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "core/regular_file.h"

namespace machikado {

namespace {

const char* ErrnoName(int err) {
  switch (err) {
    case ENOSPC:
      return "ENOSPC";
    case EDQUOT:
      return "EDQUOT";
    case EIO:
      return "EIO";
    case ENOENT:
      return "ENOENT";
    case EACCES:
      return "EACCES";
    case EPERM:
      return "EPERM";
    case EROFS:
      return "EROFS";
    case EEXIST:
      return "EEXIST";
    case ENOTDIR:
      return "ENOTDIR";
    case EISDIR:
      return "EISDIR";
    case EMFILE:
      return "EMFILE";
    case ENAMETOOLONG:
      return "ENAMETOOLONG";
    default:
      return nullptr;
  }
}

// Closes an fd on scope exit unless released.
class FdCloser {
 public:
  explicit FdCloser(int fd) : fd_(fd) {}
  ~FdCloser() {
    if (fd_ >= 0) ::close(fd_);
  }
  FdCloser(const FdCloser&) = delete;
  FdCloser& operator=(const FdCloser&) = delete;

 private:
  int fd_;
};

class PosixWritableFile final : public WritableFile {
 public:
  PosixWritableFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  ~PosixWritableFile() override {
    if (fd_ >= 0) ::close(fd_);
  }

  Status Append(std::string_view bytes) override {
    while (!bytes.empty()) {
      ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        return ErrnoStatus("cannot write", path_, errno);
      }
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return Status::Ok();
  }

  Status Sync() override {
    if (::fsync(fd_) != 0) return ErrnoStatus("cannot fsync", path_, errno);
    return Status::Ok();
  }

  Status Close() override {
    int fd = fd_;
    fd_ = -1;
    if (fd >= 0 && ::close(fd) != 0) return ErrnoStatus("cannot close", path_, errno);
    return Status::Ok();
  }

 private:
  std::string path_;
  int fd_;
};

}  // namespace

std::string ErrnoMessage(std::string_view what, const std::string& path, int err) {
  std::string m(what);
  m += ' ';
  m += path;
  m += ": ";
  if (err == ENOSPC || err == EDQUOT) m += "disk full: ";
  m += std::error_code(err, std::generic_category()).message();
  if (const char* name = ErrnoName(err)) {
    m += " (";
    m += name;
    m += ')';
  }
  return m;
}

Status ErrnoStatus(std::string_view what, const std::string& path, int err) {
  if (err == ENOENT) return Status::NotFound(ErrnoMessage(what, path, err));
  return Status::Io(ErrnoMessage(what, path, err));
}

std::string DirName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string JoinPath(std::string_view a, std::string_view b) {
  std::string out(a);
  if (!out.empty() && out.back() != '/') out += '/';
  while (!b.empty() && b.front() == '/') b.remove_prefix(1);
  out += b;
  return out;
}

Result<uint64_t> FileSystem::FileSize(const std::string& path) {
  Result<FileInfo> info = Stat(path);
  if (!info.ok()) return info.status();
  return info->size;
}

bool FileSystem::IsTempFileName(std::string_view name) {
  return name.find(kTempMarker) != std::string_view::npos;
}

Status FileSystem::WriteFileAtomic(const std::string& path, std::string_view bytes) {
  const std::string dir = DirName(path);
  const std::string temp = path + std::string(kTempMarker) + std::to_string(::getpid()) + "-" +
                           std::to_string(temp_counter_.fetch_add(1));

  Result<std::unique_ptr<WritableFile>> file = CreateFile(temp);
  if (!file.ok()) return file.status();

  Status s = (*file)->Append(bytes);
  if (s.ok()) s = (*file)->Sync();
  Status closed = (*file)->Close();
  if (s.ok()) s = closed;
  if (s.ok()) s = Rename(temp, path);
  if (!s.ok()) {
    Remove(temp);  // best effort; the old file was never touched
    return s;
  }
  // The new content is in place; a failing directory fsync only weakens durability across a
  // power loss, but the caller should still hear about it.
  return SyncDir(dir);
}

Result<std::string> PosixFileSystem::ReadFile(const std::string& path, uint64_t max_bytes) {
  // Never blocks on a FIFO or a device, and refuses them before reading (core/regular_file.h).
  Result<OpenedFile> opened = OpenRegularFile(path);
  if (!opened.ok()) return opened.status();
  const int fd = opened->fd.get();
  const struct stat& st = opened->st;
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    return Status::Limit("cannot read " + path + ": " + std::to_string(st.st_size) +
                         " bytes, more than the limit of " + std::to_string(max_bytes));
  }
  std::string out;
  out.resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  // The file may change size under us; read what fits and check for more.
  while (true) {
    if (got == out.size()) {
      if (out.size() >= max_bytes) {
        char probe;
        ssize_t n = ::read(fd, &probe, 1);
        if (n == 0) break;
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return ErrnoStatus("cannot read", path, errno);
        return Status::Limit("cannot read " + path + ": more than the limit of " +
                             std::to_string(max_bytes) + " bytes");
      }
      out.resize(std::min<uint64_t>(max_bytes, out.size() + 64 * 1024));
    }
    ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus("cannot read", path, errno);
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  out.resize(got);
  return out;
}

Result<std::unique_ptr<WritableFile>> PosixFileSystem::CreateFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus("cannot create", path, errno);
  return std::unique_ptr<WritableFile>(new PosixWritableFile(path, fd));
}

Result<std::unique_ptr<WritableFile>> PosixFileSystem::AppendFile(const std::string& path,
                                                                  bool truncate) {
  const int flags = O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (truncate ? O_TRUNC : 0);
  int fd = ::open(path.c_str(), flags, 0644);
  if (fd < 0) return ErrnoStatus("cannot open", path, errno);
  return std::unique_ptr<WritableFile>(new PosixWritableFile(path, fd));
}

Status PosixFileSystem::ReadAt(const std::string& path, uint64_t offset, size_t max_bytes,
                               std::string* out) {
  out->clear();
  Result<OpenedFile> opened = OpenRegularFile(path);
  if (!opened.ok()) return opened.status();
  const int fd = opened->fd.get();
  out->resize(max_bytes);
  size_t got = 0;
  while (got < max_bytes) {
    ssize_t n = ::pread(fd, out->data() + got, max_bytes - got, static_cast<off_t>(offset + got));
    if (n < 0) {
      if (errno == EINTR) continue;
      out->clear();
      return ErrnoStatus("cannot read", path, errno);
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  out->resize(got);
  return Status::Ok();
}

Status PosixFileSystem::Rename(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) return ErrnoStatus("cannot rename onto", to, errno);
  return Status::Ok();
}

Status PosixFileSystem::SyncDir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot open directory", dir, errno);
  FdCloser closer(fd);
  if (::fsync(fd) != 0) return ErrnoStatus("cannot fsync directory", dir, errno);
  return Status::Ok();
}

Status PosixFileSystem::Remove(const std::string& path) {
  if (::unlink(path.c_str()) != 0) return ErrnoStatus("cannot remove", path, errno);
  return Status::Ok();
}

Result<FileInfo> PosixFileSystem::Stat(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return ErrnoStatus("cannot stat", path, errno);
  FileInfo info;
  info.size = static_cast<uint64_t>(st.st_size);
  info.mtime_s = st.st_mtim.tv_sec;
  info.is_dir = S_ISDIR(st.st_mode);
  return info;
}

Result<std::vector<std::string>> PosixFileSystem::ListDir(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return ErrnoStatus("cannot list", dir, errno);
  std::vector<std::string> names;
  errno = 0;
  while (struct dirent* e = ::readdir(d)) {
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    names.emplace_back(e->d_name);
  }
  int err = errno;
  ::closedir(d);
  if (err != 0) return ErrnoStatus("cannot list", dir, err);
  return names;
}

Status PosixFileSystem::MakeDirs(const std::string& path) {
  if (path.empty()) return Status::Invalid("cannot create a directory with an empty name");
  size_t pos = 0;
  while (pos != std::string::npos) {
    pos = path.find('/', pos + 1);
    std::string part = path.substr(0, pos);
    if (part.empty() || part == "/") continue;
    if (::mkdir(part.c_str(), 0755) != 0 && errno != EEXIST) {
      return ErrnoStatus("cannot create directory", part, errno);
    }
  }
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return ErrnoStatus("cannot create directory", path, errno);
  if (!S_ISDIR(st.st_mode))
    return Status::Io("cannot create directory " + path + ": a file is in the way");
  return Status::Ok();
}

}  // namespace machikado
