// MappedFile: a read-only memory map of a whole file (mmap), unmapped when it goes away.
// For large read-mostly inputs — font files that SDL_ttf opens at many sizes — whose pages should be
// shared page cache that the kernel can drop, read without a system call per table. Move-only.
#pragma once

#include <cstddef>
#include <string>

#include "core/status.h"

namespace machikado {

class MappedFile {
 public:
  // Maps `path` read-only. Empty files and files over `max_bytes` are refused.
  static Result<MappedFile> Open(const std::string& path, size_t max_bytes = size_t(256) << 20);
  MappedFile() = default;
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const void* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  void Reset();
  void* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace machikado
