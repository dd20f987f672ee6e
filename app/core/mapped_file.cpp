#include "core/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace machikado {

Result<MappedFile> MappedFile::Open(const std::string& path, size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::Io("cannot open " + path + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return Status::Io("cannot stat " + path + ": " + std::strerror(err));
  }
  if (!S_ISREG(st.st_mode) || st.st_size <= 0 || size_t(st.st_size) > max_bytes) {
    ::close(fd);
    return Status::Invalid(path + ": not a regular file of 1 byte to " +
                           std::to_string(max_bytes) + " bytes");
  }
  void* p = ::mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  const int err = errno;
  ::close(fd);  // the mapping keeps the file
  if (p == MAP_FAILED) return Status::Io("cannot map " + path + ": " + std::strerror(err));
  MappedFile m;
  m.data_ = p;
  m.size_ = size_t(st.st_size);
  return m;
}

MappedFile::~MappedFile() {
  Reset();
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    Reset();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void MappedFile::Reset() {
  if (data_) ::munmap(data_, size_);
  data_ = nullptr;
  size_ = 0;
}

}  // namespace machikado
